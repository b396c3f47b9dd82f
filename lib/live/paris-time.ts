/**
 * Wall-clock day and time in Europe/Paris, the platform's time zone: a trainer types « 29 mars,
 * 18:00 » and means Paris time, whichever side of a clock change it falls on. The offsets come
 * from the tz database through Intl (no hard-coded change dates), so any year is right.
 */
import { PLATFORM_TIME_ZONE, dayOf, isDay } from "@/lib/calendar-day";

export type ParisLocal = { day: string /* YYYY-MM-DD */; time: string /* HH:MM, 24 h */ };

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_HOUR = 3_600_000;

/** h23, not hour12: false, which some engines render as "24" at midnight. */
const wallClockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: PLATFORM_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockOf(instantMs: number): WallClock {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const { type, value } of wallClockFormat.formatToParts(instantMs)) part[type] = Number(value);
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = part;
  return { year, month, day, hour, minute, second };
}

/** The Paris wall clock of an instant, read as if it were UTC (whole seconds). */
function wallClockMs(instantMs: number): number {
  const { year, month, day, hour, minute, second } = wallClockOf(instantMs);
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  at.setUTCHours(hour, minute, second, 0);
  return at.getTime();
}

/** Paris's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetMsAt(instantMs: number): number {
  return wallClockMs(instantMs) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock day and time in Europe/Paris stands for.
 *
 * - In the spring change the clock jumps from 02:00 to 03:00 (2026-03-29): 02:00–02:59 never
 *   happens, NONEXISTENT, so that the form asks again rather than silently moving the session.
 * - In the autumn change 02:00–02:59 happens twice (2026-10-25): we take the FIRST occurrence,
 *   still summer time (UTC+2) — the earlier instant, so nobody arrives after a session started.
 */
export function parisLocalToInstant(
  day: string,
  time: string,
):
  | { ok: true; instant: Date }
  | { ok: false; reason: "INVALID" /* not a real day or not HH:MM */ | "NONEXISTENT" /* skipped by the spring clock change */ } {
  const match = TIME_PATTERN.exec(time);
  if (!isDay(day) || !match) return { ok: false, reason: "INVALID" };
  const wall = Date.parse(`${day}T${time}:00Z`);
  // Every offset in force within a day either side; each one that maps back to this wall clock is
  // an occurrence of it (none in a gap, two in an overlap).
  const offsets = new Set([offsetMsAt(wall - 24 * MS_PER_HOUR), offsetMsAt(wall), offsetMsAt(wall + 24 * MS_PER_HOUR)]);
  const occurrences = [...offsets].map((offset) => wall - offset).filter((ms) => wallClockMs(ms) === wall);
  if (occurrences.length === 0) return { ok: false, reason: "NONEXISTENT" };
  return { ok: true, instant: new Date(Math.min(...occurrences)) };
}

/** The Europe/Paris wall-clock day and time of an instant (seconds dropped). */
export function instantToParisLocal(instant: Date): ParisLocal {
  const { hour, minute } = wallClockOf(instant.getTime());
  const twoDigits = (n: number) => String(n).padStart(2, "0");
  return { day: dayOf(instant), time: `${twoDigits(hour)}:${twoDigits(minute)}` };
}
