/**
 * Reminder rules, pure and clock-free (the scheduler passes "today"):
 * - "due-soon": once, when the due day is N days away or closer (N set per cohort, default 3);
 * - "overdue": on the first overdue day, then again at most every 7 days while it stays undone;
 * - nothing for a done assignment or one without a due day.
 * Each decision is recorded under (learner, assignment, kind, day) before anything is sent.
 */
import { daysBetween, weekStartOf, type Day } from "../calendar-day";

export const REMINDER_KINDS = ["due-soon", "overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
export const OVERDUE_REMINDER_EVERY_DAYS = 7;

export type SentReminder = { kind: ReminderKind; day: Day };

export function decideReminder(input: {
  today: Day;
  dueOn: Day | null;
  isDone: boolean;
  daysBefore: number;
  sent: readonly SentReminder[];
}): ReminderKind | null {
  const { today, dueOn, isDone, daysBefore, sent } = input;
  if (isDone || !dueOn) return null;
  const left = daysBetween(today, dueOn);
  if (left >= 0) {
    const isInWindow = left <= daysBefore;
    // A reminder decided for an earlier due day (before an extension) does not count for this one.
    const alreadySent = sent.some((r) => r.kind === "due-soon" && daysBetween(r.day, dueOn) <= daysBefore && daysBetween(r.day, dueOn) >= 0);
    return isInWindow && !alreadySent ? "due-soon" : null;
  }
  const lastOverdue = sent
    .filter((r) => r.kind === "overdue" && daysBetween(dueOn, r.day) > 0)
    .reduce<Day | null>((last, r) => (!last || r.day > last ? r.day : last), null);
  if (!lastOverdue) return "overdue";
  return daysBetween(lastOverdue, today) >= OVERDUE_REMINDER_EVERY_DAYS ? "overdue" : null;
}

/** One reminder e-mail a day per learner: the unique key of that e-mail. */
export function reminderEmailKey(userId: string, today: Day): string {
  return `reminders:${userId}:${today}`;
}

/** One digest a week (ISO week, from Monday) per trainer. */
export function digestEmailKey(trainerId: string, today: Day): string {
  return `digest:${trainerId}:${weekStartOf(today)}`;
}
