import type { AssignmentStatus } from "@/lib/cohorts/assignments";
import type { Locale, Translate } from "@/lib/i18n";
import { formatInstantShortDay } from "./dates";

const ICON: Record<AssignmentStatus, string> = { overdue: "⚠", "not-started": "○", "in-progress": "◐", completed: "✓" };
const STYLE: Record<AssignmentStatus, string> = {
  overdue: "bg-red-50 text-red-800 ring-red-300",
  "not-started": "bg-neutral-50 text-neutral-700 ring-neutral-300",
  "in-progress": "bg-sky-50 text-sky-900 ring-sky-300",
  completed: "bg-green-50 text-green-900 ring-green-300",
};

/** A learner's status on an assignment, in words with an icon (never colour alone). */
export function StatusText({ status, completedAt, t, locale }: { status: AssignmentStatus; completedAt: Date | null; t: Translate; locale: Locale }) {
  const text = status === "completed" && completedAt ? t("cohorts.status.completedOn", { date: formatInstantShortDay(completedAt, locale) }) : t(`cohorts.status.${status}`);
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${STYLE[status]}`} data-status={status}>
      <span aria-hidden="true">{ICON[status]}</span>
      {text}
    </span>
  );
}

/** A compact bar with its number: the bar is decoration, the number is read. */
export function PercentBar({ percent, t }: { percent: number; t: Translate }) {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden="true" className="block h-1.5 w-16 overflow-hidden rounded-full bg-neutral-200">
        <span className="block h-full rounded-full bg-brand-600" style={{ width: `${clamped}%` }} />
      </span>
      <span className="tabular-nums">{t("cohorts.dashboard.percent", { percent: clamped })}</span>
    </span>
  );
}
