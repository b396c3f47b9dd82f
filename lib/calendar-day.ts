/**
 * Calendar days ("YYYY-MM-DD"), the unit of due dates and reminders. A due day ends at midnight in
 * the platform's time zone (Europe/Paris): a learner is overdue from the next day on.
 */
export type Day = string;

export const PLATFORM_TIME_ZONE = "Europe/Paris";
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isDay(value: unknown): value is Day {
  if (typeof value !== "string") return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Answers already computed, bounded (emptied when full): a cohort dashboard asks for the day of a
 * thousand instants and adds days to the same few joining days thousands of times, and Intl's
 * formatting and the day checks cost microseconds each.
 */
const MEMO_LIMIT = 20_000;
function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * A quarter of an hour: every time zone's offset from UTC, and every change of offset, falls on a
 * quarter of an hour (since 1972), so all the instants of one quarter of an hour have the same day.
 */
const QUARTER_HOUR_MS = 900_000;
const daysOfQuarterHours = new Map<string, Map<number, Day>>();

/** The calendar day of an instant in a time zone. */
export function dayOf(instant: Date, timeZone: string = PLATFORM_TIME_ZONE): Day {
  let days = daysOfQuarterHours.get(timeZone);
  if (!days) daysOfQuarterHours.set(timeZone, (days = new Map()));
  return memo(days, Math.floor(instant.getTime() / QUARTER_HOUR_MS), () => {
    let format = formatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
      formatters.set(timeZone, format);
    }
    return format.format(instant);
  });
}

const utcMsOfDays = new Map<string, number>();
function toUtcMs(day: Day): number {
  return memo(utcMsOfDays, day, () => {
    if (!isDay(day)) throw new RangeError(`Not a calendar day: ${day}`);
    return Date.parse(`${day}T00:00:00Z`);
  });
}

const addedDays = new Map<string, Map<number, Day>>();
export function addDays(day: Day, days: number): Day {
  let fromDay = addedDays.get(day);
  if (!fromDay) {
    if (addedDays.size >= MEMO_LIMIT) addedDays.clear();
    addedDays.set(day, (fromDay = new Map()));
  }
  return memo(fromDay, days, () => new Date(toUtcMs(day) + days * MS_PER_DAY).toISOString().slice(0, 10));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** The Monday of the ISO week that contains `day`. */
export function weekStartOf(day: Day): Day {
  const weekday = new Date(toUtcMs(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The last second of a day in the platform's time zone (Europe/Paris: UTC+1 in winter, UTC+2 in
 * summer), e.g. when a join code stops working: "valid until 30 June" means until 23:59:59 in Paris.
 */
export function lastSecondOf(day: Day): Date {
  const next = addDays(day, 1);
  for (const offset of ["+02:00", "+01:00"]) {
    const nextStart = new Date(`${next}T00:00:00${offset}`);
    const last = new Date(nextStart.getTime() - 1000);
    if (dayOf(nextStart) === next && dayOf(last) === day) return last;
  }
  return new Date(`${day}T23:59:59+01:00`);
}
