import { describe, expect, it } from "vitest";
import { formatBytes, formatClock, formatDuration, formatIsoDate, hostnameOf } from "./format";

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

describe("formatBytes", () => {
  it.each([
    [0, "fr", "0 ko"],
    [48_256, "fr", "48,3 ko"],
    [1_432_000, "fr", "1,4 Mo"],
    [1_432_000, "en", "1.4 MB"],
    [2_500_000_000, "fr", "2,5 Go"],
    [-5, "en", "0 kB"],
  ] as const)("%d bytes (%s) → %s", (bytes, locale, expected) => expect(formatBytes(bytes, locale).replace(/\u202f|\u00a0/g, " ")).toBe(expected));
});
