import type { Metadata } from "next";
import Link from "next/link";
import { RegistrationButton } from "@/components/live/registration-button";
import { PhaseBadge, SessionFacts } from "@/components/live/session-summary";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { hasStarted, JOIN_OPENS_BEFORE_MIN } from "@/lib/live/sessions";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getLiveSessionForLearner } from "@/server/data/live-sessions";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Session en direct" };

type Params = Promise<{ sessionId: string }>;

/**
 * A learner of the session's cohort: what, when, where, places; register or unregister until it
 * starts; the .ics file; the join link from 15 minutes before the start, for registrants only.
 */
export default async function LearnerLiveSessionPage({ params }: { params: Params }) {
  const { sessionId } = await params;
  const actor = await requirePermission("cohorts:join", `/live-sessions/${encodeURIComponent(sessionId)}`);
  const at = now();
  const [{ locale, t }, session] = await Promise.all([
    getTranslator(),
    orNotFound(getLiveSessionForLearner(actor, sessionId, at)),
  ]);
  const isOpenForRegistration = !session.cancelledAt && !hasStarted(session, at);

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/progress#a-faire" className="text-sm text-brand-700 underline">
          {t("live.learner.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-medium text-neutral-600">{t("live.learner.kicker", { cohort: session.cohortName })}</p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold break-words sm:text-3xl">{session.title}</h1>
          <PhaseBadge phase={session.phase} t={t} />
        </div>
      </header>
      {session.description && <p className="whitespace-pre-line text-neutral-800">{session.description}</p>}
      <SessionFacts session={session} locale={locale} t={t} />

      <section aria-labelledby="live-you-heading" className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4">
        <h2 id="live-you-heading" className="text-lg font-semibold">
          {t("live.learner.you")}
        </h2>
        <p data-testid="registration-status">
          {session.cancelledAt
            ? t("live.learner.cancelled")
            : session.isRegistered
              ? t("live.learner.registered")
              : isOpenForRegistration
                ? session.placesLeft === 0
                  ? t("live.learner.full")
                  : t("live.learner.notRegistered")
                : t("live.learner.closed")}
        </p>
        {session.isRegistered && session.phase === "upcoming" && session.placeKind === "online" && <p className="text-sm text-neutral-700">{t("live.learner.linkLater", { minutes: JOIN_OPENS_BEFORE_MIN })}</p>}
        {session.isRegistered && session.phase === "open" && session.placeKind === "online" && (
          <p>
            <a href={`/api/live-sessions/${encodeURIComponent(session.id)}/join`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800" data-testid="join-link">
              {t("live.join")}
            </a>
          </p>
        )}
        {isOpenForRegistration && (session.isRegistered || session.placesLeft !== 0) && <RegistrationButton locale={locale} sessionId={session.id} isRegistered={session.isRegistered} title={session.title} />}
        {!session.cancelledAt && (
          <p>
            <a href={`/api/live-sessions/${encodeURIComponent(session.id)}/calendar`} download className="text-sm font-medium text-brand-700 underline" data-testid="ics-link">
              {t("live.ics")}
            </a>
          </p>
        )}
        {session.phase === "ended" && session.attended !== null && <p>{t(session.attended ? "live.learner.attended" : "live.learner.missed")}</p>}
        {session.replayUrl && (
          <p>
            <a href={session.replayUrl} rel="noopener noreferrer nofollow" className="font-medium text-brand-700 underline">
              {t("live.learner.replay")}
            </a>
          </p>
        )}
      </section>
      <p className="text-sm text-neutral-600">
        {t("live.learner.feedHint")}{" "}
        <Link href="/account#calendar-feed" className="underline">
          {t("live.learner.feedLink")}
        </Link>
      </p>
    </div>
  );
}
