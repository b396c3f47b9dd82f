/** A live session's time in words, in Europe/Paris: « jeudi 10 décembre 2026, 18:00–19:00 (heure de Paris) ». */
import { PLATFORM_TIME_ZONE } from "../calendar-day";
import type { Locale } from "../i18n";
import { endsAt } from "./sessions";

export function formatLiveWhen(startsAt: Date, durationMin: number, locale: Locale): string {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  const day = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: PLATFORM_TIME_ZONE }).format(startsAt);
  const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", timeZone: PLATFORM_TIME_ZONE });
  const end = endsAt({ startsAt, durationMin });
  return locale === "fr" ? `${day}, ${time.format(startsAt)}–${time.format(end)} (heure de Paris)` : `${day}, ${time.format(startsAt)}–${time.format(end)} (Paris time)`;
}

/** Only the start: « jeudi 10 décembre 2026 à 18:00 (heure de Paris) » (notifications, where the length may have changed since). */
export function formatLiveStart(startsAt: Date, locale: Locale): string {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  const day = new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: PLATFORM_TIME_ZONE }).format(startsAt);
  const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", timeZone: PLATFORM_TIME_ZONE }).format(startsAt);
  return locale === "fr" ? `${day} à ${time} (heure de Paris)` : `${day} at ${time} (Paris time)`;
}
