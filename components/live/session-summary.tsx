import Link from "next/link";
import { assignedItem } from "@/components/cohorts-learner/todo-list";
import type { LiveSessionPhase } from "@/lib/live/sessions";
import { formatLiveWhen } from "@/lib/live/when";
import type { Locale, Translate } from "@/lib/i18n";

type Summary = {
  title: string;
  startsAt: Date;
  durationMin: number;
  phase: LiveSessionPhase;
  placeKind: "online" | "in-person";
  address: string | null;
  usesBbb: boolean;
  capacity: number | null;
  placesLeft: number | null;
  registeredCount: number;
  itemKind: "chapter" | "module" | null;
  itemId: string | null;
  cohortName: string;
};

/** The phase in words and a shape, never colour alone. */
const PHASE_STYLE: Record<LiveSessionPhase, { icon: string; className: string }> = {
  upcoming: { icon: "◷", className: "bg-sky-100 text-sky-950" },
  open: { icon: "●", className: "bg-green-100 text-green-950 ring-1 ring-green-700" },
  ended: { icon: "✓", className: "bg-neutral-100 text-neutral-800" },
  cancelled: { icon: "✗", className: "bg-red-100 text-red-900 ring-1 ring-red-700" },
};

export function PhaseBadge({ phase, t }: { phase: LiveSessionPhase; t: Translate }) {
  const style = PHASE_STYLE[phase];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${style.className}`} data-phase={phase}>
      <span aria-hidden="true">{style.icon}</span>
      {t(`live.phase.${phase}`)}
    </span>
  );
}

/** When, where, places and the linked chapter or module of a session, as a definition list. */
export function SessionFacts({ session, locale, t, showCohort = false }: { session: Summary; locale: Locale; t: Translate; showCohort?: boolean }) {
  const item = session.itemKind && session.itemId ? assignedItem(session.itemKind, session.itemId, locale) : null;
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-neutral-600">{t("live.when")}</dt>
      <dd>
        <time dateTime={session.startsAt.toISOString()}>{formatLiveWhen(session.startsAt, session.durationMin, locale)}</time>
      </dd>
      <dt className="font-medium text-neutral-600">{t("live.where")}</dt>
      <dd className="break-words">{session.placeKind === "in-person" ? session.address : t(session.usesBbb ? "live.where.bbb" : "live.where.online")}</dd>
      <dt className="font-medium text-neutral-600">{t("live.places")}</dt>
      <dd>{session.capacity === null ? t("live.places.unlimited", { count: session.registeredCount }) : t("live.places.left", { left: session.placesLeft ?? 0, capacity: session.capacity })}</dd>
      {item && (
        <>
          <dt className="font-medium text-neutral-600">{t("live.item")}</dt>
          <dd>
            <Link href={item.href} className="underline">
              {item.title}
            </Link>
          </dd>
        </>
      )}
      {showCohort && (
        <>
          <dt className="font-medium text-neutral-600">{t("live.cohort")}</dt>
          <dd>{session.cohortName}</dd>
        </>
      )}
    </dl>
  );
}
