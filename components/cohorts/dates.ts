import { PLATFORM_TIME_ZONE } from "@/lib/calendar-day";
import type { Locale } from "@/lib/i18n";

const tag = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-GB");

/** An instant as a day in the platform's time zone: "3 décembre 2026". */
export function formatInstantDay(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "long", timeZone: PLATFORM_TIME_ZONE }).format(instant);
}

/** A short day for crowded table cells: "3 déc.". */
export function formatInstantShortDay(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { day: "numeric", month: "short", timeZone: PLATFORM_TIME_ZONE }).format(instant);
}

/** An instant with its time: "3 déc. 2026, 14:05". */
export function formatInstant(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: PLATFORM_TIME_ZONE }).format(instant);
}
