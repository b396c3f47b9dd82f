import type { Metadata } from "next";
import Link from "next/link";
import { RoleChangeForm } from "@/components/admin/role-change-form";
import { DataTable } from "@/components/ui/data-table";
import { isRole, ROLES } from "@/lib/roles";
import { requirePermission } from "@/server/auth";
import { listAuditEntries } from "@/server/data/audit";
import { listUsers } from "@/server/data/users";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Utilisateurs et rôles" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const actor = await requirePermission("users:list", "/admin/users");
  const query = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const requestedPage = Number(typeof params.page === "string" ? params.page : "1");
  const [{ locale, t }, { users, total, page, pageCount }, auditEntries] = await Promise.all([
    getTranslator(),
    listUsers(actor, { query, page: Number.isInteger(requestedPage) ? requestedPage : 1 }),
    // The two kinds this short log words; the whole log (every kind, with filters) is /admin/audit.
    listAuditEntries(actor, { limit: 30, actions: ["user.role-changed", "learner.viewed"] }),
  ]);
  const dateFormat = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const roleLabels = Object.fromEntries(ROLES.map((role) => [role, t(`role.${role}`)]));
  const pageHref = (p: number) => `/admin/users?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h1 id="users-heading" className="text-2xl font-bold">{t("admin.users.title")}</h1>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            <Link href="/admin/audit" className="text-sm font-medium text-brand-700 underline">
              {t("audit.nav")}
            </Link>
            <Link href="/admin/outbox" className="text-sm font-medium text-brand-700 underline">
              {t("outbox.nav")}
            </Link>
            <Link href="/admin/freshness" className="text-sm font-medium text-brand-700 underline">
              {t("freshness.nav")}
            </Link>
          </div>
        </div>
        <p className="max-w-3xl text-neutral-700">{t("admin.users.intro")}</p>
        <form role="search" className="flex flex-wrap items-end gap-2" action="/admin/users">
          <div className="flex-1">
            <label htmlFor="q" className="block text-sm font-medium">
              {t("admin.users.search")}
            </label>
            <input id="q" name="q" defaultValue={query} className="mt-1 block w-full rounded border border-neutral-400 px-3 py-2" />
          </div>
          <button type="submit" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
            {t("admin.users.searchSubmit")}
          </button>
        </form>
        <p className="text-sm text-neutral-600">{t("admin.users.count", { count: total })}</p>
      </section>

      {users.length === 0 ? (
        <p>{t("admin.users.none")}</p>
      ) : (
        <DataTable
          labelledBy="users-heading"
          minWidth="40rem"
          columns={[
            { key: "name", label: t("admin.users.col.name") },
            { key: "email", label: t("admin.users.col.email") },
            { key: "createdAt", label: t("admin.users.col.createdAt") },
            { key: "changeRole", label: t("admin.users.col.changeRole") },
          ]}
        >
          {users.map((user) => (
            <tr key={user.id} className="border-t border-neutral-200" data-testid={`user-row-${user.email}`}>
              <td className="px-3 py-2 font-medium">
                {user.name} {user.id === actor.id && <span className="text-neutral-500">{t("admin.users.you")}</span>}
              </td>
              <td className="px-3 py-2">{user.email}</td>
              <td className="px-3 py-2 whitespace-nowrap">{dateFormat.format(user.createdAt)}</td>
              <td className="px-3 py-2">
                <RoleChangeForm locale={locale} userId={user.id} userName={user.name} currentRole={user.role} roleLabels={roleLabels} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {pageCount > 1 && (
        <nav aria-label={t("admin.users.page", { page, pages: pageCount })} className="flex items-center gap-4 text-sm">
          {page > 1 && <Link href={pageHref(page - 1)} className="underline">{t("admin.users.previous")}</Link>}
          <span>{t("admin.users.page", { page, pages: pageCount })}</span>
          {page < pageCount && <Link href={pageHref(page + 1)} className="underline">{t("admin.users.next")}</Link>}
        </nav>
      )}

      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-xl font-semibold">{t("admin.audit.title")}</h2>
        {auditEntries.length === 0 ? (
          <p className="text-neutral-700">{t("admin.audit.empty")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {auditEntries.map((entry) => {
              const from = entry.details.from;
              const to = entry.details.to;
              return (
                <li key={entry.id}>
                  <time dateTime={entry.createdAt.toISOString()} className="text-neutral-600">
                    {dateTimeFormat.format(entry.createdAt)}
                  </time>{" "}
                  —{" "}
                  {entry.action === "learner.viewed"
                    ? t("outbox.auditLearnerViewed", {
                        actor: entry.actorName ?? t("admin.audit.deletedUser"),
                        target: entry.targetName ?? t("admin.audit.deletedUser"),
                        cohort: typeof entry.details.cohortId === "string" ? entry.details.cohortId : "?",
                      })
                    : t("admin.audit.roleChanged", {
                        actor: entry.actorName ?? t("admin.audit.deletedUser"),
                        target: entry.targetName ?? t("admin.audit.deletedUser"),
                        from: isRole(from) ? t(`role.${from}`) : String(from),
                        to: isRole(to) ? t(`role.${to}`) : String(to),
                      })}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
