import { describe, expect, it } from "vitest";
import { instantToParisLocal, parisLocalToInstant } from "./paris-time";

describe("parisLocalToInstant", () => {
  // [what, day, time, expected UTC instant]
  const existing: [string, string, string, string][] = [
    ["ordinary winter (UTC+1)", "2026-01-15", "10:00", "2026-01-15T09:00:00.000Z"],
    ["ordinary summer (UTC+2)", "2026-07-01", "18:30", "2026-07-01T16:30:00.000Z"],
    ["midnight, winter", "2026-01-01", "00:00", "2025-12-31T23:00:00.000Z"],
    ["last minute of a summer day", "2026-07-14", "23:59", "2026-07-14T21:59:00.000Z"],
    // 29 March 2026: 02:00 → 03:00
    ["spring change, last minute before the jump", "2026-03-29", "01:59", "2026-03-29T00:59:00.000Z"],
    ["spring change, first minute after the jump", "2026-03-29", "03:00", "2026-03-29T01:00:00.000Z"],
    ["spring change day, evening", "2026-03-29", "18:00", "2026-03-29T16:00:00.000Z"],
    ["the day before the spring change", "2026-03-28", "18:00", "2026-03-28T17:00:00.000Z"],
    // 25 October 2026: 03:00 → 02:00, 02:00–02:59 twice: the first (UTC+2) is taken
    ["autumn change, before the repeated hour", "2026-10-25", "01:30", "2026-10-24T23:30:00.000Z"],
    ["autumn change, repeated hour starts (first occurrence)", "2026-10-25", "02:00", "2026-10-25T00:00:00.000Z"],
    ["autumn change, repeated hour (first occurrence)", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"],
    ["autumn change, repeated hour ends (first occurrence)", "2026-10-25", "02:59", "2026-10-25T00:59:00.000Z"],
    ["autumn change, after the repeated hour", "2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"],
    ["autumn change day, evening", "2026-10-25", "18:00", "2026-10-25T17:00:00.000Z"],
    ["the day before the autumn change", "2026-10-24", "18:00", "2026-10-24T16:00:00.000Z"],
    // 2027: 28 March and 31 October
    ["2027 spring, before", "2027-03-28", "01:59", "2027-03-28T00:59:00.000Z"],
    ["2027 spring, after", "2027-03-28", "03:00", "2027-03-28T01:00:00.000Z"],
    ["2027 a week before the spring change (still winter)", "2027-03-21", "02:30", "2027-03-21T01:30:00.000Z"],
    ["2027 autumn, repeated hour (first occurrence)", "2027-10-31", "02:30", "2027-10-31T00:30:00.000Z"],
    ["2027 autumn, after", "2027-10-31", "03:00", "2027-10-31T02:00:00.000Z"],
    ["2027 a week before the autumn change (still summer)", "2027-10-24", "02:30", "2027-10-24T00:30:00.000Z"],
    // Other years, from the tz database: no date is hard-coded
    ["2040 spring change (25 March)", "2040-03-25", "03:00", "2040-03-25T01:00:00.000Z"],
    ["2100 spring change, before (28 March)", "2100-03-28", "01:59", "2100-03-28T00:59:00.000Z"],
    ["1995: summer time ended on 24 September (first occurrence)", "1995-09-24", "02:30", "1995-09-24T00:30:00.000Z"],
    ["1995: 29 October was an ordinary winter day", "1995-10-29", "02:30", "1995-10-29T01:30:00.000Z"],
    ["leap day", "2028-02-29", "12:00", "2028-02-29T11:00:00.000Z"],
  ];
  it.each(existing)("%s: %s %s → %s", (_, day, time, expected) => {
    expect(parisLocalToInstant(day, time)).toEqual({ ok: true, instant: new Date(expected) });
  });

  const refused: [string, string, string, "INVALID" | "NONEXISTENT"][] = [
    ["spring change, the jump itself", "2026-03-29", "02:00", "NONEXISTENT"],
    ["spring change, inside the gap", "2026-03-29", "02:30", "NONEXISTENT"],
    ["spring change, end of the gap", "2026-03-29", "02:59", "NONEXISTENT"],
    ["2027 spring change gap", "2027-03-28", "02:15", "NONEXISTENT"],
    ["2100 spring change gap", "2100-03-28", "02:00", "NONEXISTENT"],
    ["not a real day", "2026-02-30", "10:00", "INVALID"],
    ["not a leap year", "2026-02-29", "10:00", "INVALID"],
    ["24:00", "2026-01-15", "24:00", "INVALID"],
    ["one-digit hour and minute", "2026-01-15", "9:5", "INVALID"],
    ["one-digit hour", "2026-01-15", "9:05", "INVALID"],
    ["minute 60", "2026-01-15", "10:60", "INVALID"],
    ["seconds", "2026-01-15", "10:00:00", "INVALID"],
    ["12-hour clock", "2026-01-15", "10:00 PM", "INVALID"],
    ["empty time", "2026-01-15", "", "INVALID"],
    ["empty day", "", "10:00", "INVALID"],
    ["both empty", "", "", "INVALID"],
    ["French day order", "15/01/2026", "10:00", "INVALID"],
  ];
  it.each(refused)("%s: %j %j → %s", (_, day, time, reason) => {
    expect(parisLocalToInstant(day, time)).toEqual({ ok: false, reason });
  });
});

describe("instantToParisLocal", () => {
  const table: [string, string, string, string][] = [
    ["winter", "2026-01-15T09:00:00Z", "2026-01-15", "10:00"],
    ["summer", "2026-07-01T16:30:00Z", "2026-07-01", "18:30"],
    ["winter midnight is the next day in Paris", "2025-12-31T23:00:00Z", "2026-01-01", "00:00"],
    ["seconds dropped", "2026-01-15T09:00:59.999Z", "2026-01-15", "10:00"],
    ["just before the spring jump", "2026-03-29T00:59:59Z", "2026-03-29", "01:59"],
    ["just after the spring jump", "2026-03-29T01:00:00Z", "2026-03-29", "03:00"],
    ["autumn, first 02:30", "2026-10-25T00:30:00Z", "2026-10-25", "02:30"],
    ["autumn, second 02:30", "2026-10-25T01:30:00Z", "2026-10-25", "02:30"],
    ["autumn, 03:00", "2026-10-25T02:00:00Z", "2026-10-25", "03:00"],
  ];
  it.each(table)("%s: %s → %s %s", (_, instant, day, time) => {
    expect(instantToParisLocal(new Date(instant))).toEqual({ day, time });
  });
});

describe("round trips", () => {
  const pad = (n: number) => String(n).padStart(2, "0");
  const everyQuarterHour = Array.from({ length: 96 }, (_, i) => `${pad(Math.floor(i / 4))}:${pad((i % 4) * 15)}`);
  const changeDays = ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31", "2031-03-30", "2031-10-26"];
  const ordinaryDays = ["2026-01-01", "2026-03-28", "2026-03-30", "2026-06-21", "2026-10-24", "2026-10-26", "2026-12-31", "2028-02-29"];

  it("a wall clock → instant → the same wall clock, for every time that exists", () => {
    let checked = 0;
    for (const day of [...changeDays, ...ordinaryDays]) {
      for (const time of [...everyQuarterHour, "01:59", "02:01", "02:59", "03:01", "23:59"]) {
        const result = parisLocalToInstant(day, time);
        const inGap = changeDays.includes(day) && day.slice(5, 7) === "03" && time.startsWith("02:");
        if (inGap) {
          expect(result, `${day} ${time}`).toEqual({ ok: false, reason: "NONEXISTENT" });
          continue;
        }
        if (!result.ok) throw new Error(`${day} ${time}: ${result.reason}`);
        expect(instantToParisLocal(result.instant), `${day} ${time}`).toEqual({ day, time });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1300);
  });

  it("an instant → wall clock → the same instant, except the second pass of a repeated hour", () => {
    // Every minute over both 2026 change days, whole minutes.
    for (const [from, to] of [["2026-03-28T12:00:00Z", "2026-03-30T00:00:00Z"], ["2026-10-24T12:00:00Z", "2026-10-26T00:00:00Z"]] as const) {
      for (let ms = Date.parse(from); ms < Date.parse(to); ms += 60_000) {
        const local = instantToParisLocal(new Date(ms));
        const back = parisLocalToInstant(local.day, local.time);
        const secondPass = ms >= Date.parse("2026-10-25T01:00:00Z") && ms < Date.parse("2026-10-25T02:00:00Z");
        expect(back, new Date(ms).toISOString()).toEqual({ ok: true, instant: new Date(secondPass ? ms - 3_600_000 : ms) });
      }
    }
  });
});
