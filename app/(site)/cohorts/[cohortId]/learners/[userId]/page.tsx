import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant, formatInstantDay } from "@/components/cohorts/dates";
import { describeDueRule, itemTitle } from "@/components/cohorts/describe";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { PercentBar, StatusText } from "@/components/cohorts/status-text";
import { DataTable } from "@/components/ui/data-table";
import { formatDuration, formatIsoDate } from "@/lib/format";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getProgramme } from "@/server/content";
import { getLearnerDetail } from "@/server/data/cohort-dashboard";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Progression d’un·e apprenant·e" };

type Params = Promise<{ cohortId: string; userId: string }>;

/** One learner seen by a trainer of their cohort. Each opening is written to the audit log by getLearnerDetail. */
export default async function CohortLearnerPage({ params }: { params: Params }) {
  const { cohortId, userId } = await params;
  const actor = await requirePermission("cohorts:train", `/cohorts/${encodeURIComponent(cohortId)}/learners/${encodeURIComponent(userId)}`);
  const [{ locale, t }, detail] = await Promise.all([getTranslator(), orNotFound(getLearnerDetail(actor, cohortId, userId, now()))]);
  const programme = getProgramme();
  const { cohort, learner, assignments, cells } = detail;
  // In the programme's order (chapter, then module), not the ids' alphabetical order.
  const chapterOrder = new Map(programme.chapters.map((c) => [c.id, c.order]));
  const rank = (moduleId: string) => {
    const module = programme.modulesById.get(moduleId);
    return module ? (chapterOrder.get(module.chapterId) ?? 0) * 1000 + module.order : Number.MAX_SAFE_INTEGER;
  };
  const modules = [...detail.modules].sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
  const none = t("cohorts.learner.none");

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <Link href={`/cohorts/${encodeURIComponent(cohort.id)}`} className="text-sm text-brand-700 underline">
          {t("cohorts.learner.back")}
        </Link>
        <p className="text-sm font-medium text-neutral-700">{cohort.name}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{learner.name}</h1>
        <p className="max-w-3xl rounded border border-neutral-300 bg-neutral-50 px-3 py-2 text-sm text-neutral-800">{t("cohorts.learner.auditNote")}</p>
      </header>

      <dl className="grid gap-4 rounded-lg border border-neutral-200 bg-white p-5 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-neutral-700">{t("cohorts.learner.email")}</dt>
          <dd className="break-all">{learner.email}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-neutral-700">{t("cohorts.learner.joinedAt")}</dt>
          <dd>{formatInstantDay(learner.joinedAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-neutral-700">{t("cohorts.learner.lastActivity")}</dt>
          <dd>{detail.lastActivityAt ? <time dateTime={detail.lastActivityAt.toISOString()}>{formatInstant(detail.lastActivityAt, locale)}</time> : t("cohorts.dashboard.never")}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-neutral-700">{t("cohorts.learner.totalWatched")}</dt>
          <dd>{formatDuration(detail.totalWatchedS, locale)}</dd>
        </div>
      </dl>

      <section aria-labelledby="learner-assignments-heading" className="space-y-3">
        <h2 id="learner-assignments-heading" className="text-xl font-semibold">
          {t("cohorts.learner.assignmentsTitle")}
        </h2>
        {assignments.length === 0 ? (
          <p className="text-neutral-700">{t("cohorts.learner.noAssignments")}</p>
        ) : (
          <DataTable
            caption={{ id: "learner-assignments-caption", text: t("cohorts.learner.assignmentsCaption", { name: learner.name }) }}
            minWidth="40rem"
            columns={[
              { key: "item", label: t("cohorts.learner.col.item") },
              { key: "status", label: t("cohorts.learner.col.status") },
              { key: "progress", label: t("cohorts.learner.col.progress") },
              { key: "due", label: t("cohorts.learner.col.due") },
            ]}
          >
            {assignments.map((assignment, index) => {
              const cell = cells[index]!;
              return (
                <tr key={assignment.id} className="border-t border-neutral-200">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="block font-medium">{itemTitle(programme, assignment, locale, t)}</span>
                    <span className="block text-xs text-neutral-600">
                      {t(`cohorts.item.${assignment.itemKind}`)} · {describeDueRule(assignment, t, locale)}
                    </span>
                  </th>
                  <td className="px-3 py-2">
                    <StatusText status={cell.status} completedAt={cell.completedAt} t={t} locale={locale} />
                  </td>
                  <td className="px-3 py-2">
                    <PercentBar percent={cell.percent} t={t} />
                  </td>
                  <td className="px-3 py-2">
                    {cell.dueOn ? formatIsoDate(cell.dueOn, locale) : t("cohorts.due.noDate")}
                    {cell.isExtended && <strong className="font-semibold"> ({t("cohorts.due.extended")})</strong>}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="learner-modules-heading" className="space-y-3">
        <h2 id="learner-modules-heading" className="text-xl font-semibold">
          {t("cohorts.learner.modulesTitle")}
        </h2>
        {modules.length === 0 ? (
          <p className="text-neutral-700">{t("cohorts.learner.noModules")}</p>
        ) : (
          <DataTable
            caption={{ id: "learner-modules-caption", text: t("cohorts.learner.modulesCaption", { name: learner.name }) }}
            minWidth="44rem"
            columns={[
              { key: "module", label: t("cohorts.learner.col.module") },
              { key: "chapter", label: t("cohorts.learner.col.chapter") },
              { key: "watched", label: t("cohorts.learner.col.watched") },
              { key: "quiz", label: t("cohorts.learner.col.quiz") },
              { key: "completedAt", label: t("cohorts.learner.col.completedAt") },
            ]}
          >
            {modules.map((row) => {
              const module = programme.modulesById.get(row.moduleId)!;
              const chapter = programme.chapters.find((c) => c.id === module.chapterId);
              return (
                <tr key={row.moduleId} className="border-t border-neutral-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {itemTitle(programme, { itemKind: "module", itemId: row.moduleId }, locale, t)}
                  </th>
                  <td className="px-3 py-2">{chapter?.title[locale] ?? none}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {formatDuration(row.watchedS, locale)} / {formatDuration(module.durationS, locale)}
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {row.quizBestScore !== null && row.quizTotal !== null ? t("cohorts.learner.quizScore", { score: row.quizBestScore, total: row.quizTotal }) : none}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{row.completedAt ? formatInstantDay(row.completedAt, locale) : none}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
    </div>
  );
}
