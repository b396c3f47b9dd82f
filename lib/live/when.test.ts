import { describe, expect, it } from "vitest";
import { formatLiveStart, formatLiveWhen } from "./when";

describe("formatLiveWhen", () => {
  it.each([
    ["winter", "2026-12-10T17:00:00Z", 60, "fr", "jeudi 10 décembre 2026, 18:00–19:00 (heure de Paris)"],
    ["summer", "2026-07-01T16:30:00Z", 90, "fr", "mercredi 1 juillet 2026, 18:30–20:00 (heure de Paris)"],
    ["the night of the autumn change: 2 h of wall clock for 3 h", "2026-10-24T23:30:00Z", 180, "fr", "dimanche 25 octobre 2026, 01:30–03:30 (heure de Paris)"],
  ] as const)("%s", (_label, start, duration, locale, text) => expect(formatLiveWhen(new Date(start), duration, locale)).toBe(text));
  // English's comma after the weekday depends on the ICU version.
  it("English", () => expect(formatLiveWhen(new Date("2026-12-10T17:00:00Z"), 45, "en")).toMatch(/^Thursday,? 10 December 2026, 18:00–18:45 \(Paris time\)$/));
});

describe("formatLiveStart", () => {
  it.each([
    ["winter", "2026-12-10T17:00:00Z", "jeudi 10 décembre 2026 à 18:00 (heure de Paris)"],
    ["after the spring change", "2027-03-29T16:30:00Z", "lundi 29 mars 2027 à 18:30 (heure de Paris)"],
  ] as const)("%s", (_label, start, text) => expect(formatLiveStart(new Date(start), "fr")).toBe(text));
});
