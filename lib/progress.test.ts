import { describe, expect, it } from "vitest";
import { isSettledBy } from "./progress-outbox";
import {
  applyReport,
  coveredSeconds,
  findReportProblem,
  isModuleComplete,
  mergeIntervals,
  playbackBudgetS,
  resumePositionS,
  subtractIntervals,
  type Interval,
} from "./progress";

describe("mergeIntervals", () => {
  const table: [string, Interval[], Interval[]][] = [
    ["empty", [], []],
    ["one", [[0, 10]], [[0, 10]]],
    ["disjoint, unsorted", [[20, 30], [0, 10]], [[0, 10], [20, 30]]],
    ["overlapping", [[0, 10], [5, 15]], [[0, 15]]],
    ["touching", [[0, 10], [10, 20]], [[0, 20]]],
    ["nested", [[0, 30], [5, 10]], [[0, 30]]],
    ["empty intervals dropped", [[5, 5], [0, 1]], [[0, 1]]],
    ["rounded to a tenth", [[0.04, 1.06]], [[0, 1.1]]],
    ["many", [[50, 60], [0, 5], [4, 8], [59, 70], [8, 9]], [[0, 9], [50, 70]]],
  ];
  it.each(table)("%s", (_name, input, expected) => expect(mergeIntervals(input)).toEqual(expected));

  it("counts unique seconds", () => expect(coveredSeconds([[0, 10], [5, 15], [100, 101.5]])).toBe(16.5));
});

describe("subtractIntervals", () => {
  const table: [Interval[], Interval[], Interval[]][] = [
    [[[0, 10]], [], [[0, 10]]],
    [[[0, 10]], [[0, 10]], []],
    [[[0, 10]], [[2, 4]], [[0, 2], [4, 10]]],
    [[[0, 10], [20, 30]], [[5, 25]], [[0, 5], [25, 30]]],
    [[[5, 8]], [[0, 6], [7, 20]], [[6, 7]]],
  ];
  it.each(table)("%j − %j = %j", (a, b, expected) => expect(subtractIntervals(a, b)).toEqual(expected));
});

describe("applyReport", () => {
  const table: [string, Parameters<typeof applyReport>[0], ReturnType<typeof applyReport>][] = [
    ["within budget", { stored: [], reported: [[0, 20]], budgetS: 25 }, { intervals: [[0, 20]], addedS: 20, droppedS: 0 }],
    ["over budget: cut off at the budget", { stored: [], reported: [[0, 60]], budgetS: 25 }, { intervals: [[0, 25]], addedS: 25, droppedS: 35 }],
    ["re-watched seconds cost nothing", { stored: [[0, 60]], reported: [[0, 60]], budgetS: 0 }, { intervals: [[0, 60]], addedS: 0, droppedS: 0 }],
    ["only new seconds count", { stored: [[0, 50]], reported: [[40, 70]], budgetS: 20 }, { intervals: [[0, 70]], addedS: 20, droppedS: 0 }],
    ["earliest new seconds first", { stored: [], reported: [[100, 110], [0, 10]], budgetS: 15 }, { intervals: [[0, 10], [100, 105]], addedS: 15, droppedS: 5 }],
    ["no budget, nothing new", { stored: [[0, 10]], reported: [[10, 20]], budgetS: 0 }, { intervals: [[0, 10]], addedS: 0, droppedS: 10 }],
  ];
  it.each(table)("%s", (_name, input, expected) => expect(applyReport(input)).toEqual(expected));
});

describe("playbackBudgetS", () => {
  it.each([
    [0, 0, 5],
    [10, 0, 25],
    [10, 20, 5],
    [10, 40, 0],
    [-3, 0, 5],
  ])("after %d s, having added %d s → %d s", (elapsed, added, expected) => expect(playbackBudgetS(elapsed, added)).toBe(expected));
});

describe("findReportProblem", () => {
  const table: [string, Interval[], number, string | null][] = [
    ["fine", [[0, 10]], 10, null],
    ["negative", [[-1, 10]], 10, "NEGATIVE_INTERVAL"],
    ["reversed", [[10, 5]], 10, "REVERSED_INTERVAL"],
    ["past the end", [[0, 200.6]], 10, "INTERVAL_PAST_DURATION"],
    ["a hair past the end is tolerated", [[0, 200.4]], 10, null],
    ["too many", Array.from({ length: 51 }, (_, i) => [i, i + 0.5] as Interval), 10, "TOO_MANY_INTERVALS"],
    ["position past the end", [], 201, "POSITION_PAST_DURATION"],
  ];
  it.each(table)("%s", (_name, intervals, position, expected) => expect(findReportProblem(intervals, position, 200)).toBe(expected));
});

describe("completion", () => {
  const table: [number, boolean, boolean][] = [
    [180, true, true],
    [179.9, true, false],
    [200, false, false],
    [0, true, false],
  ];
  it.each(table)("watched %d s of 200, quiz passed %s → complete %s", (watchedS, isQuizPassed, expected) =>
    expect(isModuleComplete({ watchedS, durationS: 200, isQuizPassed })).toBe(expected),
  );
  it.each([
    [0, 0],
    [75.5, 75.5],
    [198.5, 0],
    [200, 0],
  ])("resumes %d s at %d s", (last, expected) => expect(resumePositionS(last, 200)).toBe(expected));
});

describe("isSettledBy: what the server's answer does to something queued on the device", () => {
  it.each<[number, boolean, string]>([
    [200, true, "recorded"],
    [201, true, "graded"],
    [400, true, "refused for good: invalid"],
    [401, true, "refused for good: signed out"],
    [409, true, "refused for good: an id taken"],
    [429, false, "throttled: sent again"],
    [500, false, "server error: sent again"],
    [503, false, "unavailable: sent again"],
  ])("%d → %s (%s)", (status, expected) => expect(isSettledBy(status)).toBe(expected));
});
