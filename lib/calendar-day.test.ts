import { describe, expect, it } from "vitest";
import { addDays, dayOf, daysBetween, isDay, lastSecondOf, weekStartOf } from "./calendar-day";

describe("isDay", () => {
  const table: [unknown, boolean][] = [
    ["2026-12-10", true],
    ["2028-02-29", true], // leap year
    ["2026-02-29", false], // not a leap year
    ["2100-02-29", false], // century, not a leap year
    ["2000-02-29", true], // 400-year rule
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-1-01", false],
    [" 2026-01-01", false],
    ["2026-01-01T00:00", false],
    ["", false],
    [20261210, false],
    [null, false],
    [undefined, false],
  ];
  it.each(table)("%j → %s", (value, expected) => expect(isDay(value)).toBe(expected));
});

describe("dayOf (Europe/Paris by default)", () => {
  const table: [string, string, string][] = [
    // Winter time (UTC+1)
    ["winter, 23:59:59 Paris", "2026-01-15T22:59:59Z", "2026-01-15"],
    ["winter, midnight Paris is still the previous day in UTC", "2026-01-15T23:00:00Z", "2026-01-16"],
    // Summer time (UTC+2)
    ["summer, 23:59:59 Paris", "2026-07-14T21:59:59Z", "2026-07-14"],
    ["summer, midnight Paris", "2026-07-14T22:00:00Z", "2026-07-15"],
    // 29 March 2026: clocks go from 02:00 to 03:00
    ["spring change day, just after midnight (still UTC+1)", "2026-03-28T23:00:00Z", "2026-03-29"],
    ["spring change day, just before the jump", "2026-03-29T00:59:59Z", "2026-03-29"],
    ["spring change day, just after the jump", "2026-03-29T01:00:00Z", "2026-03-29"],
    ["spring change day, 23:59:59 (now UTC+2)", "2026-03-29T21:59:59Z", "2026-03-29"],
    ["the day after the spring change", "2026-03-29T22:00:00Z", "2026-03-30"],
    // 25 October 2026: clocks go from 03:00 back to 02:00
    ["autumn change day starts (UTC+2)", "2026-10-24T22:00:00Z", "2026-10-25"],
    ["autumn change day, 23:59:59 (now UTC+1)", "2026-10-25T22:59:59Z", "2026-10-25"],
    ["the day after the autumn change", "2026-10-25T23:00:00Z", "2026-10-26"],
    // Year and month ends
    ["31 December, 23:59:59 Paris", "2026-12-31T22:59:59Z", "2026-12-31"],
    ["New Year in Paris, still 31 December in UTC", "2026-12-31T23:00:00Z", "2027-01-01"],
    ["leap day in Paris", "2028-02-28T23:30:00Z", "2028-02-29"],
    ["end of a 30-day month (summer)", "2026-04-30T22:00:00Z", "2026-05-01"],
  ];
  it.each(table)("%s", (_name, instant, expected) => expect(dayOf(new Date(instant))).toBe(expected));

  it.each([
    ["UTC", "2026-12-31T23:30:00Z", "2026-12-31"],
    ["America/New_York", "2027-01-01T03:00:00Z", "2026-12-31"],
    ["Pacific/Auckland", "2026-12-31T12:00:00Z", "2027-01-01"],
  ])("in %s", (timeZone, instant, expected) => expect(dayOf(new Date(instant), timeZone)).toBe(expected));

  // dayOf keeps its answers by quarter of an hour: every instant gives what Intl gives, minute by
  // minute across midnights and clock changes, in zones with whole, half and quarter-hour offsets
  // (Lord Howe moves its clocks by half an hour).
  it.each([
    ["Europe/Paris", "2026-03-28T20:00:00Z"],
    ["Europe/Paris", "2026-10-24T20:00:00Z"],
    ["Asia/Kathmandu", "2026-06-01T16:00:00Z"],
    ["Asia/Kolkata", "2026-06-01T16:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T12:00:00Z"],
    ["Australia/Lord_Howe", "2026-10-03T13:00:00Z"],
    ["America/St_Johns", "2026-11-01T00:00:00Z"],
  ])("in %s from %s, minute by minute for a day, as Intl says", (timeZone, from) => {
    const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    const start = Date.parse(from);
    for (let minute = 0; minute < 26 * 60; minute += 1) {
      const instant = new Date(start + minute * 60_000 + 59_999 * ((minute * 7) % 2));
      expect(dayOf(instant, timeZone), instant.toISOString()).toBe(format.format(instant));
    }
  });
});

describe("addDays", () => {
  const table: [string, number, string][] = [
    ["2026-12-10", 0, "2026-12-10"],
    ["2026-12-10", 1, "2026-12-11"],
    ["2026-12-10", -10, "2026-11-30"],
    ["2026-03-28", 1, "2026-03-29"], // across the spring DST change
    ["2026-03-28", 2, "2026-03-30"],
    ["2026-03-30", -2, "2026-03-28"],
    ["2026-10-24", 2, "2026-10-26"], // across the autumn DST change
    ["2026-04-30", 1, "2026-05-01"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"], // not a leap year
    ["2028-02-28", 1, "2028-02-29"], // leap year
    ["2028-02-29", 1, "2028-03-01"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2028-01-01", 365, "2028-12-31"],
    ["2026-11-24", 30, "2026-12-24"],
  ];
  it.each(table)("%s %+d → %s", (day, n, expected) => expect(addDays(day, n)).toBe(expected));

  it.each(["2026-02-30", "not a day", ""])("refuses %j", (day) => expect(() => addDays(day, 1)).toThrow(RangeError));
});

describe("daysBetween", () => {
  const table: [string, string, number][] = [
    ["2026-12-10", "2026-12-10", 0],
    ["2026-12-10", "2026-12-11", 1],
    ["2026-12-11", "2026-12-10", -1],
    ["2026-03-28", "2026-03-30", 2], // a 23-hour day in between, still whole days
    ["2026-10-24", "2026-10-26", 2], // a 25-hour day in between
    ["2026-03-01", "2026-11-01", 245],
    ["2026-02-28", "2026-03-01", 1],
    ["2028-02-28", "2028-03-01", 2],
    ["2026-01-01", "2027-01-01", 365],
    ["2028-01-01", "2029-01-01", 366],
    ["2026-12-31", "2027-01-01", 1],
  ];
  it.each(table)("%s → %s = %d", (from, to, expected) => expect(daysBetween(from, to)).toBe(expected));

  it("is the inverse of addDays", () => {
    for (const n of [-400, -31, -1, 0, 1, 29, 59, 366, 1000]) expect(daysBetween("2026-03-29", addDays("2026-03-29", n))).toBe(n);
  });
});

describe("weekStartOf (ISO week, from Monday)", () => {
  const table: [string, string][] = [
    ["2026-12-07", "2026-12-07"], // Monday
    ["2026-12-10", "2026-12-07"], // Thursday
    ["2026-12-13", "2026-12-07"], // Sunday belongs to the week before
    ["2026-12-14", "2026-12-14"], // next Monday
    ["2027-01-01", "2026-12-28"], // Friday, the week starts the year before
    ["2026-03-29", "2026-03-23"], // Sunday of the spring DST change
    ["2028-03-01", "2028-02-28"], // across a leap day
  ];
  it.each(table)("%s → %s", (day, expected) => expect(weekStartOf(day)).toBe(expected));
});

describe("lastSecondOf (Paris)", () => {
  it.each([
    ["2026-12-31", "2026-12-31T22:59:59.000Z"],
    ["2026-06-30", "2026-06-30T21:59:59.000Z"],
    ["2026-03-29", "2026-03-29T21:59:59.000Z"],
    ["2026-10-25", "2026-10-25T22:59:59.000Z"],
  ])("%s ends at %s", (day, instant) => {
    expect(lastSecondOf(day).toISOString()).toBe(instant);
  });
});
