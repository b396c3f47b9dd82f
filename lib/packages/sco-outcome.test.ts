import { describe, expect, it } from "vitest";
import { parseLessonLocation, scorePercent, scorm12LessonStatus, scorm12Timespan, type ScoOutcome } from "./sco-outcome";

describe("scorm12LessonStatus", () => {
  const passed = { score: 3, total: 3, isPassed: true };
  const failed = { score: 1, total: 3, isPassed: false };
  const table: [string, ScoOutcome, string][] = [
    ["nothing done", { watchedS: 0, durationS: 100, quiz: null }, "incomplete"],
    ["watched enough, no quiz yet", { watchedS: 95, durationS: 100, quiz: null }, "incomplete"],
    ["quiz passed, not watched enough", { watchedS: 89, durationS: 100, quiz: passed }, "incomplete"],
    ["quiz failed, not watched enough", { watchedS: 50, durationS: 100, quiz: failed }, "incomplete"],
    ["watched exactly 90 % and passed", { watchedS: 90, durationS: 100, quiz: passed }, "passed"],
    ["watched enough and passed", { watchedS: 100, durationS: 100, quiz: passed }, "passed"],
    ["watched enough and failed", { watchedS: 100, durationS: 100, quiz: failed }, "failed"],
  ];
  it.each(table)("%s", (_name, outcome, expected) => expect(scorm12LessonStatus(outcome)).toBe(expected));
});

describe("scorePercent", () => {
  const table: [number, number, number][] = [
    [0, 3, 0],
    [2, 3, 67],
    [3, 3, 100],
    [0, 0, 0],
  ];
  it.each(table)("%d / %d = %d %%", (score, total, expected) => expect(scorePercent({ score, total, isPassed: false })).toBe(expected));
});

describe("scorm12Timespan", () => {
  const table: [number, string][] = [
    [0, "0000:00:00.00"],
    [1234, "0000:00:01.23"],
    [61_005, "0000:01:01.01"],
    [3_600_000 * 2 + 59_999, "0002:01:00.00"],
    [-5, "0000:00:00.00"],
    [Number.NaN, "0000:00:00.00"],
    [3_600_000 * 12_000, "9999:00:00.00"],
  ];
  it.each(table)("%d ms is %s", (ms, expected) => expect(scorm12Timespan(ms)).toBe(expected));
});

describe("parseLessonLocation", () => {
  const table: [unknown, number | null][] = [
    ["", null],
    ["12", 12],
    ["12.5", 12.5],
    ["-3", null],
    ["abc", null],
    [12, null],
  ];
  it.each(table)("%j", (value, expected) => expect(parseLessonLocation(value)).toBe(expected));
});
