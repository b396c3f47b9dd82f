import type { Metadata } from "next";
import Link from "next/link";
import { PLATFORM_TIME_ZONE } from "@/lib/calendar-day";
import { requirePermission } from "@/server/auth";
import { listOutbox } from "@/server/data/outbox";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "E-mails de la plateforme" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUSES = ["sent", "kept", "pending", "failed"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** Status in words and a shape, never colour alone. */
const STATUS_STYLE: Record<Status, { icon: string; className: string }> = {
  sent: { icon: "✓", className: "bg-green-100 text-green-900" },
  kept: { icon: "✉", className: "bg-sky-100 text-sky-900" },
  pending: { icon: "…", className: "bg-neutral-100 text-neutral-800" },
  failed: { icon: "✗", className: "bg-red-100 text-red-900 ring-1 ring-red-700" },
};

/** Admins: every e-mail the platform wrote; without SMTP_URL this is where they are kept. */
export default async function AdminOutboxPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const actor = await requirePermission("outbox:view", "/admin/outbox");
  const requestedPage = Number(typeof params.page === "string" ? params.page : "1");
  const [{ locale, t }, { emails, total, page, pageCount }] = await Promise.all([
    getTranslator(),
    listOutbox(actor, { page: Number.isInteger(requestedPage) ? requestedPage : 1 }),
  ]);
  const dateTimeFormat = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: PLATFORM_TIME_ZONE });
  const pageHref = (p: number) => `/admin/outbox?page=${p}`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
            ← {t("admin.users.title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
        <p className="max-w-3xl text-neutral-700">{t("outbox.intro")}</p>
        <p className="text-sm text-neutral-600">{t("outbox.count", { count: total })}</p>
      </header>

      {emails.length === 0 ? (
        <p className="rounded-lg border border-neutral-200 bg-white p-5 text-neutral-700">{t("outbox.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="outbox-list">
          {emails.map((email) => {
            const status = isStatus(email.status) ? email.status : "pending";
            const style = STATUS_STYLE[status];
            return (
              <li key={email.id} className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4" data-email-id={email.id} data-status={email.status}>
                <p className="font-semibold break-words">{email.subject}</p>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-medium text-neutral-600">{t("outbox.col.date")}</dt>
                  <dd>
                    <time dateTime={email.createdAt.toISOString()}>{dateTimeFormat.format(email.createdAt)}</time>
                  </dd>
                  <dt className="font-medium text-neutral-600">{t("outbox.col.to")}</dt>
                  <dd className="break-all">{email.toAddress}</dd>
                  <dt className="font-medium text-neutral-600">{t("outbox.col.status")}</dt>
                  <dd className="flex flex-wrap items-center gap-2">
                    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${style.className}`}>
                      <span aria-hidden="true">{style.icon}</span>
                      {t(`outbox.status.${status}`)}
                    </span>
                    {status === "sent" && email.sentAt && <span>{t("outbox.sentAt", { date: dateTimeFormat.format(email.sentAt) })}</span>}
                    {email.attempts > 0 && status !== "sent" && <span className="text-neutral-600">{t("outbox.attempts", { count: email.attempts })}</span>}
                  </dd>
                  {email.lastError && status !== "sent" && (
                    <dd className="text-red-800 break-words sm:col-start-2">{t("outbox.lastError", { error: email.lastError })}</dd>
                  )}
                </dl>
                <details className="rounded border border-neutral-200 bg-neutral-50">
                  <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-800">{t("outbox.showBody")}</summary>
                  <pre className="overflow-x-auto px-3 pb-3 font-sans text-sm whitespace-pre-wrap break-words">{email.text}</pre>
                </details>
              </li>
            );
          })}
        </ul>
      )}

      {pageCount > 1 && (
        <nav aria-label={t("outbox.pagination")} className="flex flex-wrap items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className="underline">
              {t("outbox.previous")}
            </Link>
          )}
          <span aria-current="page">{t("outbox.page", { page, pages: pageCount })}</span>
          {page < pageCount && (
            <Link href={pageHref(page + 1)} className="underline">
              {t("outbox.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
