import type { Metadata } from "next";
import Link from "next/link";
import { CohortNav } from "@/components/cohorts/cohort-nav";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { liveItemGroups } from "@/components/live/item-groups";
import { LiveSessionForm } from "@/components/live/live-session-form";
import { PhaseBadge, SessionFacts } from "@/components/live/session-summary";
import { FormCard } from "@/components/ui/form-card";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { listCohortLearners } from "@/server/data/assignments";
import { isBbbConfigured, listCohortLiveSessions } from "@/server/data/live-sessions";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Sessions en direct du groupe" };

type Params = Promise<{ cohortId: string }>;

/** Trainers: the cohort's live sessions (the next first, then the past ones) and the form to schedule one. */
export default async function CohortLiveSessionsPage({ params }: { params: Params }) {
  const { cohortId } = await params;
  const actor = await requirePermission("cohorts:train", `/cohorts/${encodeURIComponent(cohortId)}/live-sessions`);
  const at = now();
  const [{ locale, t }, { cohort }, sessions] = await Promise.all([getTranslator(), orNotFound(listCohortLearners(actor, cohortId)), orNotFound(listCohortLiveSessions(actor, cohortId, at))]);
  const base = `/cohorts/${encodeURIComponent(cohort.id)}/live-sessions`;

  return (
    <div className="space-y-8">
      <CohortNav cohortId={cohort.id} cohortName={cohort.name} current="live-sessions" t={t} />
      <p className="max-w-3xl text-neutral-700">{t("live.trainer.intro")}</p>

      <section aria-labelledby="live-list-heading" className="space-y-4">
        <h2 id="live-list-heading" className="text-xl font-semibold">
          {t("live.trainer.listTitle")}
        </h2>
        {sessions.length === 0 ? (
          <p className="text-neutral-700">{t("live.trainer.empty")}</p>
        ) : (
          <ul className="space-y-3" data-testid="live-sessions">
            {sessions.map((session) => (
              <li key={session.id} className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4" data-session={session.id}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-lg font-semibold">
                    <Link href={`${base}/${encodeURIComponent(session.id)}`} className="underline">
                      {session.title}
                    </Link>
                  </h3>
                  <PhaseBadge phase={session.phase} t={t} />
                </div>
                <SessionFacts session={session} locale={locale} t={t} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <FormCard heading={t("live.trainer.scheduleTitle")} headingId="live-schedule-heading" headingSize="xl" className="max-w-3xl">
        <p className="text-sm text-neutral-700">{t("live.trainer.scheduleIntro")}</p>
        <LiveSessionForm locale={locale} cohortId={cohort.id} groups={liveItemGroups(locale, t)} isBbbAvailable={isBbbConfigured()} />
      </FormCard>
    </div>
  );
}
