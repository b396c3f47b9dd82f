import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { JoinButton } from "@/components/cohorts-learner/join-button";
import { JoinCodeForm } from "@/components/cohorts-learner/join-code-form";
import { FormCard } from "@/components/ui/form-card";
import { formatJoinCode, normalizeJoinCode } from "@/lib/cohorts/join-code";
import { can } from "@/lib/permissions";
import { getSessionUser } from "@/server/auth";
import { now } from "@/server/clock";
import { findCohortByJoinCode, listLearnerCohorts } from "@/server/data/memberships";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Rejoindre un groupe" };

/**
 * The page an invitation link opens: which cohort, who trains it, exactly what they will see, and
 * the one next step for this visitor (create an account / sign in, join, or nothing for staff).
 * An unknown, revoked or expired code answers 200 with the reason and a field for another code.
 */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function JoinCohortPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = safeDecode((await params).code).slice(0, 40);
  const code = normalizeJoinCode(raw);
  if (code && code !== raw) redirect(`/join/${code}`);
  const [{ locale, t }, user, cohort] = await Promise.all([getTranslator(), getSessionUser(), code ? findCohortByJoinCode(code, now()) : null]);

  if (!code || !cohort || cohort.state === "revoked") {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1 className="text-2xl font-bold">{t("join.unknownTitle")}</h1>
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t("join.unknown", { code: code ? formatJoinCode(code) : raw })}
        </div>
        <FormCard headingId="another-code" heading={t("join.tryAnother")} headingSize="lg" gap={3}>
          <JoinCodeForm t={t} />
        </FormCard>
      </div>
    );
  }

  if (cohort.state === "expired") {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1 className="text-2xl font-bold">{t("join.expiredTitle")}</h1>
        <div role="alert" className="rounded border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
          {t("join.expired", { name: cohort.name })}
        </div>
        <FormCard headingId="another-code" heading={t("join.tryAnother")} headingSize="lg" gap={3}>
          <JoinCodeForm t={t} />
        </FormCard>
      </div>
    );
  }

  const trainers = cohort.trainerNames.join(", ");
  const callbackUrl = encodeURIComponent(`/join/${code}`);
  const isMember = can(user, "cohorts:join") && user ? (await listLearnerCohorts(user)).some((c) => c.id === cohort.id) : false;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("join.cohortLabel")}</p>
        <h1 className="text-3xl font-bold" data-testid="join-cohort-name">
          {cohort.name}
        </h1>
        {cohort.description && <p className="text-lg whitespace-pre-line text-neutral-800">{cohort.description}</p>}
        <p className="font-medium">{trainers ? t("join.trainedBy", { names: trainers }) : t("join.noTrainer")}</p>
      </header>

      <section aria-labelledby="privacy-heading" className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 p-5" data-testid="join-privacy">
        <h2 id="privacy-heading" className="text-lg font-semibold">
          {t("join.privacyHeading")}
        </h2>
        <p>
          {cohort.trainerNames.length === 0
            ? t("join.privacyWhoGeneric")
            : t(cohort.trainerNames.length === 1 ? "join.privacyWhoOne" : "join.privacyWho", { names: trainers })}
        </p>
        <p className="font-medium">{t("join.privacySees")}</p>
        <p className="text-sm text-neutral-700">{t("join.privacyLeave")}</p>
      </section>

      {!user ? (
        <section className="space-y-3" aria-label={t("join.title")}>
          <p>{t("join.anonymousIntro")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/sign-up?callbackUrl=${callbackUrl}`} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("join.createAccount")}
            </Link>
            <Link href={`/sign-in?callbackUrl=${callbackUrl}`} className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("join.haveAccount")}
            </Link>
          </div>
        </section>
      ) : !can(user, "cohorts:join") ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-4 py-3 text-sky-950">
          {t("join.staffOnly", { role: t(`role.${user.role}`).toLowerCase() })}
        </p>
      ) : isMember ? (
        <div className="space-y-3">
          <p role="status" className="rounded border border-green-300 bg-green-50 px-4 py-3 text-green-900">
            <span aria-hidden="true">✓ </span>
            {t("join.alreadyMember")}
          </p>
          <Link href="/progress#a-faire" className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("join.seeProgress")}
          </Link>
        </div>
      ) : (
        <JoinButton locale={locale} code={code} />
      )}
    </div>
  );
}
