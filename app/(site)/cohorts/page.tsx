import type { Metadata } from "next";
import Link from "next/link";
import { CohortForm } from "@/components/cohorts/cohort-form";
import { describeDateRange } from "@/components/cohorts/date-range";
import { FormCard } from "@/components/ui/form-card";
import { requirePermission } from "@/server/auth";
import { listTrainedCohorts } from "@/server/data/cohorts";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Mes groupes" };

export default async function CohortsPage() {
  const actor = await requirePermission("cohorts:train", "/cohorts");
  const [{ locale, t }, cohorts] = await Promise.all([getTranslator(), listTrainedCohorts(actor)]);

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("cohorts.list.title")}</h1>
        {cohorts.length > 0 && <p className="max-w-3xl text-neutral-700">{t("cohorts.list.intro")}</p>}
      </header>

      {cohorts.length === 0 ? (
        <p className="max-w-3xl rounded-lg border border-neutral-200 bg-white p-5 text-neutral-800">{t("cohorts.list.empty")}</p>
      ) : (
        <section aria-labelledby="list-heading" className="space-y-3">
          <h2 id="list-heading" className="text-xl font-semibold">
            {t("cohorts.list.caption")}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {cohorts.map((cohort) => (
              <li key={cohort.id} className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4" data-testid={`cohort-row-${cohort.id}`}>
                <h3 className="text-lg font-semibold break-words">
                  <Link href={`/cohorts/${encodeURIComponent(cohort.id)}`} className="text-brand-700 underline">
                    {cohort.name}
                  </Link>{" "}
                  {cohort.isOwner && <span className="text-sm font-normal text-neutral-600">{t("cohorts.list.owner")}</span>}
                </h3>
                {cohort.description && <p className="text-sm text-neutral-700">{cohort.description}</p>}
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="font-medium text-neutral-700">{t("cohorts.list.col.dates")}</dt>
                  <dd>{describeDateRange(cohort.startsOn, cohort.endsOn, t, locale)}</dd>
                  <dt className="font-medium text-neutral-700">{t("cohorts.list.col.learners")}</dt>
                  <dd className="tabular-nums">{cohort.learnerCount}</dd>
                  <dt className="font-medium text-neutral-700">{t("cohorts.list.col.assignments")}</dt>
                  <dd className="tabular-nums">{cohort.assignmentCount}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}

      <FormCard headingId="create-heading" heading={t("cohorts.create.title")}>
        <CohortForm locale={locale} />
      </FormCard>
    </div>
  );
}
