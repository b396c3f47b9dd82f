import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters, type AuditFilterErrors, type AuditFilterValues } from "@/components/admin/audit-filters";
import { AuditLogTable } from "@/components/admin/audit-log-table";
import { auditFiltersSchema, type AuditFilters as Filters } from "@/lib/schemas/audit";
import { fieldErrorsOf } from "@/lib/validation";
import { requirePermission } from "@/server/auth";
import { listAuditLog } from "@/server/data/audit";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Journal d’audit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

/** The filters' URL for another page of the same results. */
function pageHref(filters: Filters, page: number): string {
  const query = new URLSearchParams();
  for (const key of ["who", "whose", "action", "from", "to"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  query.set("page", String(page));
  return `/admin/audit?${query}`;
}

/** Admins: who on the staff accessed whose data, and when; filtered by a GET form (no client script). */
export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const actor = await requirePermission("audit:view", "/admin/audit");
  const { locale, t } = await getTranslator();
  const parsed = auditFiltersSchema.safeParse({ who: params.who, whose: params.whose, action: params.action, from: params.from, to: params.to, page: params.page });
  const errors = (parsed.success ? {} : fieldErrorsOf(parsed.error)) as AuditFilterErrors;
  const values: AuditFilterValues = { who: first(params.who), whose: first(params.whose), action: first(params.action), from: first(params.from), to: first(params.to) };
  const log = parsed.success ? await listAuditLog(actor, parsed.data) : null;
  const isFiltered = parsed.success && Boolean(parsed.data.who || parsed.data.whose || parsed.data.action || parsed.data.from || parsed.data.to);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
            ← {t("audit.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <p className="max-w-3xl text-neutral-700">{t("audit.intro")}</p>
      </header>

      <AuditFilters values={values} errors={errors} t={t} />

      {log && (
        <section aria-labelledby="audit-results" className="space-y-3">
          <h2 id="audit-results" className="text-lg font-semibold">
            {t("audit.count", { count: log.total })}
          </h2>
          {log.entries.length === 0 ? (
            <p className="rounded-lg border border-neutral-200 bg-white p-5 text-neutral-700">{isFiltered ? t("audit.emptyFiltered") : t("audit.empty")}</p>
          ) : (
            <AuditLogTable entries={log.entries} locale={locale} t={t} />
          )}
          {log.pageCount > 1 && parsed.success && (
            <nav aria-label={t("audit.pagination")} className="flex flex-wrap items-center gap-4 text-sm">
              {log.page > 1 && (
                <Link href={pageHref(parsed.data, log.page - 1)} className="underline">
                  {t("audit.previous")}
                </Link>
              )}
              <span aria-current="page">{t("audit.page", { page: log.page, pages: log.pageCount })}</span>
              {log.page < log.pageCount && (
                <Link href={pageHref(parsed.data, log.page + 1)} className="underline">
                  {t("audit.next")}
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
