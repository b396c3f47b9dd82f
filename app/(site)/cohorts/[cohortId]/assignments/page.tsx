import type { Metadata } from "next";
import { AssignmentForm, type ItemGroup } from "@/components/cohorts/assignment-form";
import { ChangeDueForm } from "@/components/cohorts/change-due-form";
import { CohortNav } from "@/components/cohorts/cohort-nav";
import { ConfirmButton } from "@/components/cohorts/confirm-button";
import { describeDueRule, itemTitle } from "@/components/cohorts/describe";
import { ExtensionForm } from "@/components/cohorts/extension-form";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { FormCard } from "@/components/ui/form-card";
import { formatIsoDate } from "@/lib/format";
import { requirePermission } from "@/server/auth";
import { getProgramme } from "@/server/content";
import { listAssignments, listCohortLearners } from "@/server/data/assignments";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Affectations du groupe" };

type Params = Promise<{ cohortId: string }>;

export default async function CohortAssignmentsPage({ params }: { params: Params }) {
  const { cohortId } = await params;
  const actor = await requirePermission("cohorts:train", `/cohorts/${encodeURIComponent(cohortId)}/assignments`);
  const [{ locale, t }, { cohort, learners }, assignments] = await Promise.all([
    getTranslator(),
    orNotFound(listCohortLearners(actor, cohortId)),
    orNotFound(listAssignments(actor, cohortId)),
  ]);
  const programme = getProgramme();
  const apiBase = `/api/cohorts/${encodeURIComponent(cohort.id)}/assignments`;

  const assigned = new Set(assignments.map((a) => `${a.itemKind}:${a.itemId}`));
  const groups: ItemGroup[] = programme.chapters.map((chapter) => {
    const option = (value: string, label: string) => {
      const isDisabled = assigned.has(value);
      return { value, label: isDisabled ? t("cohorts.assign.alreadyAssigned", { label }) : label, isDisabled };
    };
    return {
      label: `${chapter.order}. ${chapter.title[locale]}`,
      options: [
        option(`chapter:${chapter.id}`, t("cohorts.assign.wholeChapter", { title: chapter.title[locale] })),
        ...chapter.modules.map((module) => option(`module:${module.id}`, itemTitle(programme, { itemKind: "module", itemId: module.id }, locale, t))),
      ],
    };
  });

  return (
    <div className="space-y-8">
      <CohortNav cohortId={cohort.id} cohortName={cohort.name} current="assignments" t={t} />
      <div className="max-w-3xl space-y-2 text-neutral-700">
        <p>{t("cohorts.assignments.intro")}</p>
        <p>{t("cohorts.assignments.twinNote")}</p>
      </div>

      <section aria-labelledby="assignments-heading" className="space-y-4">
        <h2 id="assignments-heading" className="text-xl font-semibold">
          {t("cohorts.assignments.listTitle")}
        </h2>
        {assignments.length === 0 ? (
          <p className="text-neutral-700">{t("cohorts.assignments.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {assignments.map((assignment) => {
              const title = itemTitle(programme, assignment, locale, t);
              const headingId = `assignment-${assignment.id}`;
              return (
                <li key={assignment.id} className="space-y-4 rounded-lg border border-neutral-200 bg-white p-4" data-testid={`assignment-${assignment.itemId}`}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <h3 id={headingId} className="text-lg font-semibold">
                        {title}
                      </h3>
                      <p className="text-sm text-neutral-700">
                        {t(`cohorts.item.${assignment.itemKind}`)} · {describeDueRule(assignment, t, locale)}
                      </p>
                    </div>
                    <ConfirmButton
                      locale={locale}
                      url={`${apiBase}/${encodeURIComponent(assignment.id)}`}
                      label={t("cohorts.assignments.remove")}
                      confirmText={t("cohorts.assignments.removeConfirm", { title })}
                      doneText={t("cohorts.assignments.removed")}
                    />
                  </div>
                  <ChangeDueForm locale={locale} cohortId={cohort.id} assignmentId={assignment.id} rule={assignment} />
                  <div className="space-y-3 border-t border-neutral-200 pt-3">
                    <h4 className="text-sm font-semibold">{t("cohorts.extensions.title")}</h4>
                    {assignment.extensions.length === 0 ? (
                      <p className="text-sm text-neutral-700">{t("cohorts.extensions.none")}</p>
                    ) : (
                      <ul className="space-y-2 text-sm">
                        {assignment.extensions.map((extension) => (
                          <li key={extension.userId} className="flex flex-wrap items-center gap-3">
                            <span>{t("cohorts.extensions.item", { name: extension.name, date: formatIsoDate(extension.dueOn, locale) })}</span>
                            <ConfirmButton
                              locale={locale}
                              tone="neutral"
                              url={`${apiBase}/${encodeURIComponent(assignment.id)}/extensions/${encodeURIComponent(extension.userId)}`}
                              label={t("cohorts.extensions.removeShort")}
                              accessibleLabel={t("cohorts.extensions.remove", { name: extension.name })}
                              confirmText={t("cohorts.extensions.removeConfirm", { name: extension.name })}
                              doneText={t("cohorts.extensions.removed")}
                            />
                          </li>
                        ))}
                      </ul>
                    )}
                    {assignment.dueKind === "none" ? (
                      <p className="text-sm text-neutral-600">{t("cohorts.extensions.noDue")}</p>
                    ) : learners.length === 0 ? (
                      <p className="text-sm text-neutral-600">{t("cohorts.extensions.noLearners")}</p>
                    ) : (
                      <ExtensionForm locale={locale} cohortId={cohort.id} assignmentId={assignment.id} learners={learners} />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <FormCard headingId="assign-heading" heading={t("cohorts.assign.title")}>
        <AssignmentForm locale={locale} cohortId={cohort.id} groups={groups} />
      </FormCard>
    </div>
  );
}
