import type { Locale } from "./i18n";

/** "3 min 40 s" for a module, "2 h 25 min" for a chapter or the programme. */
export function formatDuration(totalS: number, _locale: Locale): string {
  const s = Math.max(0, Math.round(totalS));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  // The same abbreviations (h, min, s) serve French and English.
  return `${seconds} s`;
}

/** "12:05" for a cue time. */
export function formatClock(totalS: number): string {
  const s = Math.max(0, Math.floor(totalS));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** A YYYY-MM-DD date in the reader's language ("24 novembre 2026"). */
export function formatIsoDate(iso: string, locale: Locale): string {
  const [year, month = "1", day = "1"] = iso.split("-");
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const options: Intl.DateTimeFormatOptions =
    iso.length === 4 ? { year: "numeric" } : iso.length === 7 ? { year: "numeric", month: "long" } : { dateStyle: "long" };
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { ...options, timeZone: "UTC" }).format(date);
}

/** "1,4 Mo" / "1.4 MB": a size on the device, in kB below a megabyte, GB from a gigabyte. */
export function formatBytes(bytes: number, locale: Locale): string {
  const [unit, divisor] = bytes >= 1e9 ? (["gigabyte", 1e9] as const) : bytes >= 1e6 ? (["megabyte", 1e6] as const) : (["kilobyte", 1e3] as const);
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "unit", unit, maximumFractionDigits: 1 }).format(Math.max(0, bytes) / divisor);
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
