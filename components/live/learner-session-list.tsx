import Link from "next/link";
import type { LearnerLiveSession } from "@/server/data/live-sessions";
import { formatLiveWhen } from "@/lib/live/when";
import type { Locale, Translate } from "@/lib/i18n";
import { PhaseBadge } from "./session-summary";

/** A learner's upcoming live sessions (« À faire », Mon compte's groups): each with its time, place and whether they registered. */
export function LearnerSessionList({ sessions, locale, t }: { sessions: LearnerLiveSession[]; locale: Locale; t: Translate }) {
  if (sessions.length === 0) return null;
  return (
    <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white" data-testid="learner-live-sessions">
      {sessions.map((s) => (
        <li key={s.id} className="space-y-1 px-4 py-3" data-session={s.id} data-registered={s.isRegistered ? "true" : "false"}>
          <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
            <div className="min-w-0 flex-1">
              <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("live.kind")}</p>
              <Link href={`/live-sessions/${encodeURIComponent(s.id)}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                {s.title}
              </Link>
            </div>
            <PhaseBadge phase={s.phase} t={t} />
          </div>
          <p className="text-sm text-neutral-800">
            <time dateTime={s.startsAt.toISOString()}>{formatLiveWhen(s.startsAt, s.durationMin, locale)}</time> · {s.placeKind === "in-person" ? s.address : t("live.place.online")}
          </p>
          <p className={`text-sm ${s.isRegistered ? "font-medium text-green-900" : "text-neutral-700"}`}>
            {s.cancelledAt ? t("live.learner.cancelled") : s.isRegistered ? t("live.list.registered") : s.placesLeft === 0 ? t("live.learner.full") : t("live.list.notRegistered")}
          </p>
          <p className="text-sm text-neutral-600">{t("todo.cohort", { name: s.cohortName })}</p>
        </li>
      ))}
    </ul>
  );
}
