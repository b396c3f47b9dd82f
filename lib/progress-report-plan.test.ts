import { describe, expect, test } from "vitest";
import { fakeProgramme } from "../tests/support/fake-programme";
import type { Module } from "./content/types";
import { planQuizAttempt, planReport, type LearnerModuleRow, type LearnerState, type ProgressState } from "./progress-report-plan";
import { METRIC } from "./stats/counters";

// ch1: m1 (100 s), vendor (200 s) / twin (400 s), m4 (300 s); ch2: m5 (600 s).
const programme = fakeProgramme();
const module = programme.modulesById.get("m1")!;
const m5 = programme.modulesById.get("m5")!;
const now = new Date("2026-12-01T10:00:00Z");
const earlier = new Date("2026-11-20T10:00:00Z");
// A session opened 10 minutes ago: its budget (2 × wall clock + slack) is far above what is reported here.
const sessionStartedAt = new Date(now.getTime() - 600_000);
const profile = { sector: "mode", department: "69", sizeBand: "0" };
const row = (intervals: [number, number][], extra: Partial<ProgressState> = {}): ProgressState => ({
  intervals: JSON.stringify(intervals),
  watchedS: intervals.reduce((sum, [s, e]) => sum + e - s, 0),
  quizBestScore: null,
  quizPassedAt: null,
  completedAt: null,
  createdAt: earlier,
  ...extra,
});
const state = (extra: Partial<LearnerState>): LearnerState => ({ lastActiveOn: "2026-12-01", watchPeriods: "[]", profile, progress: null, ...extra });
const done = (moduleId: string, chapterId: string, createdAt = earlier): LearnerModuleRow => ({ moduleId, chapterId, createdAt, completedAt: now });
const started = (moduleId: string, chapterId: string): LearnerModuleRow => ({ moduleId, chapterId, createdAt: earlier, completedAt: null });
const noStats = { stats: null };
const moduleStarted = { module: { started: 1, completed: 0 }, chapter: { started: 0, completed: 0 }, programme: { started: 0, completed: 0 } };

describe("planReport", () => {
  const cases: { name: string; module?: Module; state: LearnerState; reported: [number, number][]; expected: Record<string, unknown> }[] = [
    {
      name: "a first report in a module, without the learner's rows: the plan asks for them",
      state: state({ lastActiveOn: "2026-11-30" }),
      reported: [[0, 16]],
      expected: { kind: "needs-rows" },
    },
    {
      name: "a module's first report, the day's first, the learner's first row: started the module, its chapter and the programme; active today (and no longer yesterday)",
      state: state({ lastActiveOn: "2026-11-30", rows: [] }),
      // Slice 1 (10–20 s) counts once at least half of it is watched: 16 s is enough.
      reported: [[0, 16]],
      expected: {
        kind: "write",
        addedS: 16,
        watchedS: 16,
        row: { isNew: true, completedAt: null },
        stats: { module: { started: 1, completed: 0 }, chapter: { started: 1, completed: 0 }, programme: { started: 1, completed: 0 } },
        slices: [0, 1],
        deltas: [
          { metric: METRIC.activeByDay, key: "2026-11-30", delta: -1 },
          { metric: METRIC.activeByDay, key: "2026-12-01", delta: 1 },
        ],
        learner: { lastActiveOn: "2026-12-01" },
      },
    },
    {
      name: "a first row in the module, another row in its chapter already: only the module started",
      state: state({ rows: [started("m4", "ch1")] }),
      reported: [[0, 4]],
      expected: { kind: "write", stats: moduleStarted },
    },
    {
      name: "a first row in the chapter, a row in another chapter: the module and the chapter started, not the programme",
      module: m5,
      state: state({ rows: [started("m1", "ch1")] }),
      reported: [[0, 4]],
      expected: { kind: "write", stats: { ...moduleStarted, chapter: { started: 1, completed: 0 } } },
    },
    {
      name: "a learner's very first day: active today, nothing taken from another day",
      state: state({ lastActiveOn: null, rows: [] }),
      reported: [[0, 4]],
      expected: { kind: "write", slices: [], deltas: [{ metric: METRIC.activeByDay, key: "2026-12-01", delta: 1 }] },
    },
    {
      name: "a common heartbeat: the row and the learner's watch periods change, no counter but the slices (no rows needed)",
      state: state({ progress: row([[0, 20]]) }),
      reported: [[20, 30]],
      expected: { kind: "write", addedS: 10, watchedS: 30, row: { isNew: false, completedAt: null }, ...noStats, slices: [2], deltas: [] },
    },
    {
      name: "seconds already watched: nothing added, no slice, no counter",
      state: state({ progress: row([[0, 20]]) }),
      reported: [[5, 15]],
      expected: { kind: "write", addedS: 0, watchedS: 20, slices: [], deltas: [] },
    },
    {
      name: "the report that makes the module watched enough counts it once",
      state: state({ progress: row([[0, 85]]) }),
      reported: [[85, 95]],
      expected: { kind: "write", watchedS: 95, deltas: [{ metric: METRIC.watchedEnough, key: "m1", delta: 1 }] },
    },
    {
      name: "watched enough already: not counted again",
      state: state({ progress: row([[0, 95]]) }),
      reported: [[95, 100]],
      expected: { kind: "write", watchedS: 100, deltas: [] },
    },
    {
      name: "quiz passed, the report makes it watched enough, without the learner's rows: the plan asks for them",
      state: state({ progress: row([[0, 85]], { quizPassedAt: earlier }) }),
      reported: [[85, 95]],
      expected: { kind: "needs-rows" },
    },
    {
      name: "quiz passed, the report makes it watched enough: the module completes now, its chapter not yet",
      state: state({ progress: row([[0, 85]], { quizPassedAt: earlier }), rows: [started("m1", "ch1")] }),
      reported: [[85, 95]],
      expected: {
        kind: "write",
        row: { isNew: false, completedAt: now },
        stats: { module: { started: 0, completed: 1 }, chapter: { started: 0, completed: 0 }, programme: { started: 0, completed: 0 } },
        deltas: [
          { metric: METRIC.completionsByWeek, key: "2026-11-30", delta: 1 },
          { metric: METRIC.timeToCompleteModule, key: expect.stringMatching(/^m1:\d+$/), delta: 1 },
          { metric: METRIC.watchedEnough, key: "m1", delta: 1 },
        ].sort((a, b) => (a.metric + a.key < b.metric + b.key ? -1 : 1)),
      },
    },
    {
      name: "the last step of the last chapter: the module, its chapter and the programme complete",
      module: m5,
      state: state({
        progress: row([[0, 510]], { quizPassedAt: earlier }),
        // ch1's steps done (the vendor step by its neutral twin); m5 (ch2) is the last.
        rows: [done("m1", "ch1"), done("twin", "ch1"), done("m4", "ch1"), started("m5", "ch2")],
      }),
      reported: [[510, 570]],
      expected: {
        kind: "write",
        stats: { module: { started: 0, completed: 1 }, chapter: { started: 0, completed: 1 }, programme: { started: 0, completed: 1 } },
      },
    },
    {
      name: "a module completed before: more watching is a common heartbeat",
      state: state({ progress: row([[0, 95]], { quizPassedAt: now, completedAt: now }) }),
      reported: [[95, 100]],
      expected: { kind: "write", addedS: 5, row: { isNew: false, completedAt: null }, ...noStats, deltas: [] },
    },
  ];

  test.each(cases)("$name", ({ module: given, state, reported, expected }) => {
    const plan = planReport(state, { programme, module: given ?? module, sessionStartedAt, reported, now });
    expect(plan).toMatchObject(expected);
    if (plan.kind === "write") expect(JSON.parse(plan.intervalsText)).toBeInstanceOf(Array);
  });

  test("the programme's completion counts the completer's profile and the time from the learner's first start", () => {
    const rows = [done("m1", "ch1", new Date("2026-11-01T10:00:00Z")), done("twin", "ch1"), done("m4", "ch1"), started("m5", "ch2")];
    const plan = planReport(state({ progress: row([[0, 510]], { quizPassedAt: earlier }), rows }), { programme, module: m5, sessionStartedAt, reported: [[510, 570]], now });
    expect(plan.kind).toBe("write");
    if (plan.kind !== "write") return;
    const metrics = plan.deltas.map((d) => d.metric);
    expect(metrics).toEqual(expect.arrayContaining([METRIC.timeToCompleteModule, METRIC.timeToCompleteChapter, METRIC.timeToCompleteProgramme, METRIC.completersBySector, METRIC.completersByRegion, METRIC.completersBySize]));
    expect(plan.deltas.find((d) => d.metric === METRIC.completersBySector)).toMatchObject({ key: "mode", delta: 1 });
  });

  test("a report beyond the learner's budget is cut, and the cut is what the learner's periods are charged", () => {
    const justOpened = new Date(now.getTime() - 2_000);
    const plan = planReport(state({ progress: row([]) }), { programme, module, sessionStartedAt: justOpened, reported: [[0, 60]], now });
    // 2 s of wall clock at most 2× speed, plus the 5 s of slack: 9 s credited, the rest dropped.
    expect(plan).toMatchObject({ kind: "write", addedS: 9, droppedS: 51 });
  });
});

describe("planQuizAttempt", () => {
  const pass = { score: 3, total: 3, isPassed: true };
  const fail = { score: 1, total: 3, isPassed: false };
  const cases: { name: string; state: LearnerState; result: typeof pass; earlierAttempts: number; expected: Record<string, unknown> }[] = [
    {
      name: "a first attempt, passed, on a module never opened: the row is created (asks for the rows first)",
      state: state({}),
      result: pass,
      earlierAttempts: 0,
      expected: { kind: "needs-rows" },
    },
    {
      name: "a first attempt, passed, on a module never opened: started counters, first-try and pass counted, not complete (not watched)",
      state: state({ rows: [] }),
      result: pass,
      earlierAttempts: 0,
      expected: {
        kind: "write",
        quiz: { bestScore: 3, total: 3, passedAt: now },
        row: { isNew: true, completedAt: null },
        stats: { module: { started: 1, completed: 0 }, chapter: { started: 1, completed: 0 }, programme: { started: 1, completed: 0 } },
      },
    },
    {
      name: "a second attempt, failed, the best score kept: one more attempt, nothing else",
      state: state({ progress: row([[0, 20]], { quizBestScore: 2 }) }),
      result: fail,
      earlierAttempts: 1,
      expected: { kind: "write", quiz: { bestScore: 2, total: 3, passedAt: null }, ...noStats, deltas: [{ metric: METRIC.quizAttempts, key: "m1", delta: 1 }], learner: null },
    },
    {
      name: "passed after watching enough: the module completes",
      state: state({ progress: row([[0, 95]], { quizBestScore: 1 }), rows: [started("m1", "ch1")] }),
      result: pass,
      earlierAttempts: 1,
      expected: { kind: "write", quiz: { bestScore: 3, passedAt: now }, row: { isNew: false, completedAt: now }, stats: { module: { started: 0, completed: 1 } } },
    },
    {
      name: "passed again: the first pass is kept, nothing completes twice",
      state: state({ progress: row([[0, 95]], { quizBestScore: 3, quizPassedAt: earlier, completedAt: earlier }) }),
      result: pass,
      earlierAttempts: 2,
      expected: { kind: "write", quiz: { passedAt: earlier }, row: { completedAt: null }, ...noStats, deltas: [{ metric: METRIC.quizAttempts, key: "m1", delta: 1 }] },
    },
    {
      name: "a new day: the learner is active today",
      state: state({ lastActiveOn: "2026-11-29", progress: row([[0, 20]]) }),
      result: fail,
      earlierAttempts: 1,
      expected: { kind: "write", learner: { lastActiveOn: "2026-12-01", watchPeriods: "[]" } },
    },
  ];

  test.each(cases)("$name", ({ state: given, result, earlierAttempts, expected }) => {
    expect(planQuizAttempt(given, { programme, module, result, earlierAttempts, now })).toMatchObject(expected);
  });

  test("the quiz counters: attempts, learners, first try, passes", () => {
    const plan = planQuizAttempt(state({ rows: [] }), { programme, module, result: pass, earlierAttempts: 0, now });
    expect(plan.kind === "write" && plan.deltas.filter((d) => d.key === "m1").map((d) => d.metric).sort()).toEqual(
      [METRIC.quizAttempts, METRIC.quizFirstTry, METRIC.quizLearners, METRIC.quizPassed].sort(),
    );
  });
});
