import { describe, expect, it } from "vitest";
import { fakeProgramme } from "../../tests/support/fake-programme";
import { activityDeltas, completerDeltas, counterId, emptyTally, histogramOf, learnerDeltas, mergeDeltas, METRIC, tallyLearner, type LearnerRecord } from "./counters";
import { durationBucket } from "./durations";

const account = { role: "merchant", createdAt: new Date("2026-12-02T09:00:00Z"), sector: "artisanat", department: "44", sizeBand: "0", prefersNeutralPath: false };

describe("learnerDeltas", () => {
  it.each([
    ["a merchant with a profile", account, 1, [["learners.week", "2026-11-30", 1], ["learners.sector", "artisanat", 1], ["learners.region", "52", 1], ["learners.size", "0", 1]]],
    ["a merchant without a profile", { ...account, sector: null, department: null, sizeBand: null }, 1, [["learners.week", "2026-11-30", 1], ["learners.sector", "none", 1], ["learners.region", "none", 1], ["learners.size", "none", 1]]],
    ["on the parcours neutre", { ...account, prefersNeutralPath: true }, -1, [["learners.week", "2026-11-30", -1], ["learners.sector", "artisanat", -1], ["learners.region", "52", -1], ["learners.size", "0", -1], ["path.neutral", "", -1]]],
    ["a trainer: not a learner", { ...account, role: "trainer" }, 1, []],
    // Sunday 29 Nov, 23:30 in Paris is still the week of 23 Nov.
    ["registered late on a Sunday in Paris", { ...account, createdAt: new Date("2026-11-29T22:30:00Z") }, 1, [["learners.week", "2026-11-23", 1], ["learners.sector", "artisanat", 1], ["learners.region", "52", 1], ["learners.size", "0", 1]]],
  ] as const)("%s", (_name, user, sign, expected) => {
    expect(learnerDeltas(user, sign).map((d) => [d.metric, d.key, d.delta])).toEqual(expected);
  });
});

describe("activityDeltas", () => {
  it.each([
    [null, "2026-12-01", [["2026-12-01", 1]]],
    ["2026-12-01", "2026-12-01", []],
    ["2026-11-20", "2026-12-01", [["2026-12-01", 1], ["2026-11-20", -1]]],
  ] as const)("from %s to %s", (previous, today, expected) => {
    expect(activityDeltas(previous, today).map((d) => [d.key, d.delta])).toEqual(expected);
  });
});

describe("mergeDeltas", () => {
  it("adds changes to the same counter and drops those that cancel out", () => {
    const merged = mergeDeltas([...learnerDeltas(account, -1), ...learnerDeltas({ ...account, sector: "mode" }, 1), ...completerDeltas(account, 1)]);
    expect(merged.map((d) => [d.metric, d.key, d.delta])).toEqual([
      ["learners.sector", "artisanat", -1],
      ["learners.sector", "mode", 1],
      ["completers.sector", "artisanat", 1],
      ["completers.region", "52", 1],
      ["completers.size", "0", 1],
    ]);
  });
});

describe("histogramOf", () => {
  it("reads one id's buckets out of the keys", () => {
    const rows = [
      { key: "m1:3", value: 2 },
      { key: "m1:7", value: 1 },
      { key: "m10:3", value: 5 },
      { key: "4", value: 9 },
    ];
    expect([...histogramOf(rows, "m1")]).toEqual([[3, 2], [7, 1]]);
    expect([...histogramOf(rows, null)]).toEqual([[4, 9]]);
  });
});

describe("tallyLearner", () => {
  const programme = fakeProgramme();
  const at = (hours: number) => new Date(Date.parse("2026-11-30T08:00:00Z") + hours * 3_600_000);
  const record: LearnerRecord = {
    user: { ...account, lastActiveOn: "2026-12-03" },
    progress: [
      { moduleId: "m1", chapterId: "ch1", watchedS: 100, intervals: [[0, 100]], createdAt: at(0), completedAt: at(1), quizPassedAt: at(1) },
      { moduleId: "twin", chapterId: "ch1", watchedS: 400, intervals: [[0, 400]], createdAt: at(2), completedAt: at(3), quizPassedAt: at(3) },
      { moduleId: "m4", chapterId: "ch1", watchedS: 300, intervals: [[0, 300]], createdAt: at(4), completedAt: at(5), quizPassedAt: at(5) },
      { moduleId: "m5", chapterId: "ch2", watchedS: 10, intervals: [[0, 10]], createdAt: at(6), completedAt: null, quizPassedAt: null },
    ],
    quizAttempts: [
      { moduleId: "m1", isPassed: false, createdAt: at(0.5) },
      { moduleId: "m1", isPassed: true, createdAt: at(1) },
      { moduleId: "twin", isPassed: true, createdAt: at(3) },
    ],
    attestationIssuedAt: null,
    isCohortLearner: true,
  };
  const tally = emptyTally();
  tallyLearner(tally, record, programme);
  const counter = (metric: string, key: string) => tally.counters.get(counterId(metric, key)) ?? 0;

  it.each([
    [METRIC.learnersByWeek, "2026-11-30", 1],
    [METRIC.activeByDay, "2026-12-03", 1],
    [METRIC.cohortLearners, "", 1],
    [METRIC.completionsByWeek, "2026-11-30", 3],
    [METRIC.watchedEnough, "m1", 1],
    [METRIC.watchedEnough, "m5", 0],
    [METRIC.quizLearners, "m1", 1],
    [METRIC.quizAttempts, "m1", 2],
    [METRIC.quizFirstTry, "m1", 0],
    [METRIC.quizFirstTry, "twin", 1],
    [METRIC.quizPassed, "m4", 1],
    [METRIC.timeToCompleteModule, `m1:${durationBucket(3600)}`, 1],
    // The chapter: first start at 0 h, its last step completed at 5 h.
    [METRIC.timeToCompleteChapter, `ch1:${durationBucket(5 * 3600)}`, 1],
    [METRIC.timeToCompleteProgramme, String(durationBucket(5 * 3600)), 0],
    [METRIC.completersBySector, "artisanat", 0],
  ])("counts %s %s as %s", (metric, key, value) => {
    expect(counter(metric, key)).toBe(value);
  });

  it("counts modules, chapters and the programme started and completed, and the watched slices", () => {
    expect(tally.modules.get("twin")).toEqual({ chapterId: "ch1", startedCount: 1, completedCount: 1 });
    expect(tally.chapters.get("ch1")).toEqual({ startedCount: 1, completedCount: 1 });
    expect(tally.chapters.get("ch2")).toEqual({ startedCount: 1, completedCount: 0 });
    expect(tally.programme).toEqual({ startedCount: 1, completedCount: 0 });
    expect(tally.slices.get("m5\t0")).toBe(1);
    expect(tally.slices.get("m5\t1")).toBeUndefined();
  });
});
