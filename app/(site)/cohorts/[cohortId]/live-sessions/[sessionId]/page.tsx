import type { Metadata } from "next";
import Link from "next/link";
import { CohortNav } from "@/components/cohorts/cohort-nav";
import { ConfirmButton } from "@/components/cohorts/confirm-button";
import { orNotFound } from "@/components/cohorts/or-not-found";
import { AttendanceForm } from "@/components/live/attendance-form";
import { liveItemGroups } from "@/components/live/item-groups";
import { LiveSessionForm } from "@/components/live/live-session-form";
import { PhaseBadge, SessionFacts } from "@/components/live/session-summary";
import { FormCard } from "@/components/ui/form-card";
import { canMarkAttendance, hasStarted } from "@/lib/live/sessions";
import { instantToParisLocal } from "@/lib/live/paris-time";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getLiveSessionForTrainer, isBbbConfigured } from "@/server/data/live-sessions";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Session en direct" };

type Params = Promise<{ cohortId: string; sessionId: string }>;

/**
 * Trainers: one live session — its facts, who registered, the join link once open; until it starts,
 * the form to change it and the cancellation; once started, attendance, replay and notes.
 */
export default async function TrainerLiveSessionPage({ params }: { params: Params }) {
  const { cohortId, sessionId } = await params;
  const path = `/cohorts/${encodeURIComponent(cohortId)}/live-sessions/${encodeURIComponent(sessionId)}`;
  const actor = await requirePermission("cohorts:train", path);
  const at = now();
  const [{ locale, t }, { session, registrants }] = await Promise.all([getTranslator(), orNotFound(getLiveSessionForTrainer(actor, cohortId, sessionId, at))]);
  const isChangeable = !session.cancelledAt && !hasStarted(session, at);
  const local = instantToParisLocal(session.startsAt);
  const api = `/api/cohorts/${encodeURIComponent(cohortId)}/live-sessions/${encodeURIComponent(sessionId)}`;

  return (
    <div className="space-y-8">
      <CohortNav cohortId={cohortId} cohortName={session.cohortName} current="live-sessions" t={t} />
      <section aria-labelledby="live-heading" className="max-w-3xl space-y-3">
        <p>
          <Link href={`/cohorts/${encodeURIComponent(cohortId)}/live-sessions`} className="text-sm text-brand-700 underline">
            {t("live.trainer.back")}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="live-heading" className="text-2xl font-bold break-words">
            {session.title}
          </h2>
          <PhaseBadge phase={session.phase} t={t} />
        </div>
        {session.description && <p className="whitespace-pre-line text-neutral-800">{session.description}</p>}
        <SessionFacts session={session} locale={locale} t={t} />
        {session.phase === "open" && session.placeKind === "online" && (
          <p>
            <a href={`/api/live-sessions/${encodeURIComponent(sessionId)}/join`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800" data-testid="join-link">
              {t("live.join")}
            </a>
          </p>
        )}
        <p>
          <a href={`/api/live-sessions/${encodeURIComponent(sessionId)}/calendar`} download className="text-sm font-medium text-brand-700 underline">
            {t("live.ics")}
          </a>
        </p>
      </section>

      {canMarkAttendance(session, at) ? (
        <FormCard heading={t("live.attendance.title")} headingId="live-attendance-heading" headingSize="xl" className="max-w-3xl">
          <p className="text-sm text-neutral-700">{t(session.usesBbb ? "live.attendance.introBbb" : "live.attendance.intro")}</p>
          <AttendanceForm locale={locale} cohortId={cohortId} sessionId={sessionId} registrants={registrants} replayUrl={session.replayUrl} notes={session.notes} />
        </FormCard>
      ) : (
        <section aria-labelledby="live-registrants-heading" className="max-w-3xl space-y-3">
          <h2 id="live-registrants-heading" className="text-xl font-semibold">
            {t("live.trainer.registrants", { count: registrants.length })}
          </h2>
          {registrants.length === 0 ? (
            <p className="text-neutral-700">{t("live.trainer.noRegistrants")}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-6" data-testid="registrants">
              {registrants.map((r) => (
                <li key={r.userId}>{r.name}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {isChangeable && (
        <>
          <FormCard heading={t("live.trainer.changeTitle")} headingId="live-change-heading" headingSize="xl" className="max-w-3xl">
            <p className="text-sm text-neutral-700">{t("live.trainer.changeIntro")}</p>
            <LiveSessionForm
              locale={locale}
              cohortId={cohortId}
              sessionId={sessionId}
              groups={liveItemGroups(locale, t)}
              isBbbAvailable={isBbbConfigured()}
              initial={{
                title: session.title,
                description: session.description,
                day: local.day,
                time: local.time,
                durationMin: String(session.durationMin),
                item: session.itemKind && session.itemId ? `${session.itemKind}:${session.itemId}` : "",
                capacity: session.capacity === null ? "" : String(session.capacity),
                placeKind: session.placeKind,
                meetingUrl: session.meetingUrl ?? "",
                usesBbb: session.usesBbb,
                address: session.address ?? "",
              }}
            />
          </FormCard>
          <FormCard heading={t("live.trainer.cancelTitle")} headingId="live-cancel-heading" headingSize="lg" tone="danger" className="max-w-3xl">
            <p className="text-sm text-neutral-700">{t("live.trainer.cancelIntro")}</p>
            <ConfirmButton locale={locale} url={api} label={t("live.trainer.cancel")} confirmText={t("live.trainer.cancelConfirm", { title: session.title })} doneText={t("live.trainer.cancelled")} />
          </FormCard>
        </>
      )}
    </div>
  );
}
