import type { Metadata } from "next";
import Link from "next/link";
import { CohortNav } from "@/components/cohorts/cohort-nav";
import { formatInstant } from "@/components/cohorts/dates";
import { describeDueRule, itemTitle } from "@/components/cohorts/describe";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { PercentBar, StatusText } from "@/components/cohorts/status-text";
import { DataTable } from "@/components/ui/data-table";
import { DASHBOARD_FILTERS, DASHBOARD_SORTS, filterRows, sortRows, type DashboardFilter, type DashboardSort } from "@/lib/cohorts/dashboard";
import { formatIsoDate } from "@/lib/format";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getProgramme } from "@/server/content";
import { getCohortDashboard } from "@/server/data/cohort-dashboard";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Tableau de bord du groupe" };

/** Learner rows per page: the table stays readable and light on a phone; the summary covers everyone. */
const ROWS_PER_PAGE = 100;

type Params = Promise<{ cohortId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function CohortDashboardPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ cohortId }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePermission("cohorts:train", `/cohorts/${encodeURIComponent(cohortId)}`);
  const [{ locale, t }, dashboard] = await Promise.all([getTranslator(), orNotFound(getCohortDashboard(actor, cohortId, now()))]);
  const { cohort, assignments, rows, summaries, liveHeldCount } = dashboard;
  const programme = getProgramme();
  const base = `/cohorts/${encodeURIComponent(cohort.id)}`;

  const sort: DashboardSort = (DASHBOARD_SORTS as readonly string[]).includes(one(query.sort) ?? "") ? (one(query.sort) as DashboardSort) : "behind";
  const filter: DashboardFilter = (DASHBOARD_FILTERS as readonly string[]).includes(one(query.status) ?? "") ? (one(query.status) as DashboardFilter) : "all";
  const shown = sortRows(filterRows(rows, filter), sort);
  const pageCount = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
  const requestedPage = Number(one(query.page) ?? "1");
  const page = Number.isInteger(requestedPage) ? Math.min(Math.max(requestedPage, 1), pageCount) : 1;
  const pageRows = shown.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
  const pageHref = (p: number) => `${base}?${new URLSearchParams({ sort, status: filter, page: String(p) })}`;

  const titles = assignments.map((a) => itemTitle(programme, a, locale, t));
  const hasLearners = rows.length > 0;
  const hasAssignments = assignments.length > 0;
  // The live sessions' column once the group has held one (before, it would read 0 / 0 everywhere).
  const hasLiveSessions = liveHeldCount > 0;

  return (
    <div className="space-y-6">
      <CohortNav cohortId={cohort.id} cohortName={cohort.name} current="dashboard" t={t} />
      <p className="max-w-3xl text-neutral-700">{t("cohorts.dashboard.intro")}</p>

      {(!hasLearners || !hasAssignments) && (
        <div className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sky-950">
          {!hasAssignments && (
            <p>
              {t("cohorts.dashboard.noAssignments")}{" "}
              <Link href={`${base}/assignments`} className="font-medium underline">
                {t("cohorts.dashboard.noAssignmentsLink")}
              </Link>
            </p>
          )}
          {!hasLearners && (
            <p>
              {t("cohorts.dashboard.noLearners")}{" "}
              <Link href={`${base}/members`} className="font-medium underline">
                {t("cohorts.dashboard.noLearnersLink")}
              </Link>
            </p>
          )}
        </div>
      )}

      {hasLearners && (
        <>
          <div className="flex flex-wrap items-end justify-between gap-4">
            <form method="get" action={base} className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <label htmlFor="dashboard-sort" className="block text-sm font-medium">
                  {t("cohorts.dashboard.sort")}
                </label>
                <select id="dashboard-sort" name="sort" defaultValue={sort} className="block rounded border border-neutral-400 bg-white px-3 py-2">
                  {DASHBOARD_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`cohorts.dashboard.sort.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor="dashboard-status" className="block text-sm font-medium">
                  {t("cohorts.dashboard.filter")}
                </label>
                <select id="dashboard-status" name="status" defaultValue={filter} className="block max-w-full rounded border border-neutral-400 bg-white px-3 py-2">
                  {DASHBOARD_FILTERS.map((f) => (
                    <option key={f} value={f}>
                      {t(`cohorts.dashboard.filter.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
                {t("cohorts.dashboard.apply")}
              </button>
            </form>
            <a href={`/api/cohorts/${encodeURIComponent(cohort.id)}/export`} download className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("cohorts.dashboard.csv")}
            </a>
          </div>

          <p className="text-sm text-neutral-700">
            {shown.length === 0 ? t("cohorts.dashboard.noMatch") : t("cohorts.dashboard.shown", { shown: shown.length, total: rows.length })}
          </p>

          <p className="text-xs text-neutral-600 sm:hidden">{t("cohorts.dashboard.scrollHint")}</p>
          <DataTable
            caption={{ id: "dashboard-caption", text: t("cohorts.dashboard.caption", { name: cohort.name }) }}
            className="border-separate border-spacing-0"
            isHeaderBottomAligned
            columns={[
              {
                key: "learner",
                label: t("cohorts.dashboard.col.learner"),
                className: "sticky left-0 z-10 min-w-36 border-b border-r border-neutral-200 bg-neutral-50",
              },
              ...assignments.map((assignment, index) => ({
                key: assignment.id,
                label: (
                  <>
                    <span className="block font-semibold">{titles[index]}</span>
                    <span className="block text-xs font-normal text-neutral-600">
                      {t(`cohorts.item.${assignment.itemKind}`)} · {describeDueRule(assignment, t, locale)}
                    </span>
                  </>
                ),
                className: "min-w-48 border-b border-neutral-200",
              })),
              { key: "lastActivity", label: t("cohorts.dashboard.col.lastActivity"), className: "min-w-36 border-b border-neutral-200" },
              ...(hasLiveSessions ? [{ key: "liveSessions", label: t("cohorts.dashboard.col.liveSessions"), className: "min-w-32 border-b border-neutral-200" }] : []),
            ]}
          >
            {hasAssignments && (
              <tr className="bg-brand-50">
                <th scope="row" className="sticky left-0 z-10 border-b border-r border-neutral-200 bg-brand-50 px-3 py-2 font-semibold">
                  {t("cohorts.dashboard.summary", { count: rows.length })}
                </th>
                {summaries.map((summary) => (
                  <td key={summary.assignmentId} className="border-b border-neutral-200 px-3 py-2 align-top">
                    <span className="block font-semibold">{t("cohorts.dashboard.summaryCompleted", { done: summary.completedCount, total: summary.learnerCount })}</span>
                    <span className="block">{t("cohorts.dashboard.summaryMedian", { percent: Math.round(summary.medianPercent) })}</span>
                    <span className={`block ${summary.overdueCount > 0 ? "font-semibold text-red-800" : ""}`}>
                      {summary.overdueCount > 0 && <span aria-hidden="true">⚠ </span>}
                      {t("cohorts.dashboard.summaryOverdue", { count: summary.overdueCount })}
                    </span>
                  </td>
                ))}
                <td className="border-b border-neutral-200 px-3 py-2" />
                {hasLiveSessions && (
                  <td className="border-b border-neutral-200 px-3 py-2 align-top font-semibold">{t("cohorts.dashboard.summaryLiveHeld", { count: liveHeldCount })}</td>
                )}
              </tr>
            )}
            {pageRows.map((row) => (
              <tr key={row.userId} data-testid={`dashboard-row-${row.userId}`}>
                <th scope="row" className="sticky left-0 z-10 border-b border-r border-neutral-200 bg-white px-3 py-2 align-top font-normal">
                  <Link href={`${base}/learners/${encodeURIComponent(row.userId)}`} prefetch={false} className="font-medium text-brand-700 underline">
                    {row.name}
                  </Link>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.assignmentId} className="border-b border-neutral-200 px-3 py-2 align-top">
                    <span className="flex flex-col items-start gap-1">
                      <PercentBar percent={cell.percent} t={t} />
                      <StatusText status={cell.status} completedAt={cell.completedAt} t={t} locale={locale} />
                      <span className="text-xs text-neutral-700">
                        {cell.dueOn ? t("cohorts.due.on", { date: formatIsoDate(cell.dueOn, locale) }) : t("cohorts.due.noDate")}
                        {cell.isExtended && <strong className="font-semibold"> ({t("cohorts.due.extended")})</strong>}
                      </span>
                    </span>
                  </td>
                ))}
                <td className="border-b border-neutral-200 px-3 py-2 align-top whitespace-nowrap">
                  {row.lastActivityAt ? (
                    <time dateTime={row.lastActivityAt.toISOString()}>{formatInstant(row.lastActivityAt, locale)}</time>
                  ) : (
                    t("cohorts.dashboard.never")
                  )}
                </td>
                {hasLiveSessions && (
                  <td className="border-b border-neutral-200 px-3 py-2 align-top whitespace-nowrap tabular-nums" data-testid="dashboard-live-sessions">
                    <span aria-hidden="true">{t("cohorts.dashboard.liveAttended", { attended: row.liveSessions.attendedCount, held: row.liveSessions.heldCount })}</span>
                    <span className="sr-only">{t("cohorts.dashboard.liveAttendedLong", { attended: row.liveSessions.attendedCount, held: row.liveSessions.heldCount })}</span>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
          {hasLiveSessions && <p className="max-w-3xl text-sm text-neutral-700">{t("cohorts.dashboard.liveNote")}</p>}

          {pageCount > 1 && (
            <nav aria-label={t("cohorts.dashboard.pagination")} className="flex flex-wrap items-center gap-4 text-sm">
              {page > 1 && (
                <Link href={pageHref(page - 1)} className="underline">
                  {t("cohorts.dashboard.previous")}
                </Link>
              )}
              <span aria-current="page">{t("cohorts.dashboard.page", { page, pages: pageCount })}</span>
              {page < pageCount && (
                <Link href={pageHref(page + 1)} className="underline">
                  {t("cohorts.dashboard.next")}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
