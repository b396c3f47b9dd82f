import { describe, expect, it } from "vitest";
import { formatClock, formatDuration, formatIsoDate, hostnameOf } from "./format";

describe("formatDuration", () => {
  const table: [number, string][] = [
    [0, "0 s"],
    [45, "45 s"],
    [180, "3 min"],
    [220, "3 min 40 s"],
    [3600, "1 h"],
    [8730, "2 h 25 min"],
  ];
  it.each(table)("%i s → %s", (s, expected) => expect(formatDuration(s, "fr")).toBe(expected));
});

describe("formatClock / formatIsoDate / hostnameOf", () => {
  it.each([[0, "0:00"], [61.9, "1:01"], [725, "12:05"]] as const)("clock %d → %s", (s, e) => expect(formatClock(s)).toBe(e));
  it.each([
    ["2026-11-24", "fr", "24 novembre 2026"],
    ["2019-03", "fr", "mars 2019"],
    ["2018", "en", "2018"],
  ] as const)("date %s (%s) → %s", (iso, locale, e) => expect(formatIsoDate(iso, locale)).toBe(e));
  it.each([["https://www.inpi.fr/x?y", "inpi.fr"], ["not a url", "not a url"]])("host of %s", (u, e) => expect(hostnameOf(u)).toBe(e));
});
