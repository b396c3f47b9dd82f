import { describe, expect, test } from "vitest";
import { planReport, type ReportState } from "./progress-report-plan";
import { METRIC } from "./stats/counters";

const module = { id: "m", chapterId: "c", durationS: 100 };
const now = new Date("2026-12-01T10:00:00Z");
// A session opened 10 minutes ago: its budget (2 × wall clock + slack) is far above what is reported here.
const sessionStartedAt = new Date(now.getTime() - 600_000);
const row = (intervals: [number, number][], extra: Partial<NonNullable<ReportState["progress"]>> = {}): ReportState["progress"] => ({
  intervals: JSON.stringify(intervals),
  watchedS: intervals.reduce((sum, [s, e]) => sum + e - s, 0),
  quizPassedAt: null,
  completedAt: null,
  ...extra,
});

describe("planReport", () => {
  const cases: {
    name: string;
    state: ReportState;
    reported: [number, number][];
    expected: Record<string, unknown>;
  }[] = [
    {
      name: "a module's first report, the day's first: the row is created, the learner is active today (and no longer yesterday)",
      state: { lastActiveOn: "2026-11-30", watchPeriods: "[]", progress: null },
      // Slice 1 (10–20 s) counts once at least half of it is watched: 16 s is enough.
      reported: [[0, 16]],
      expected: {
        kind: "write",
        addedS: 16,
        watchedS: 16,
        isFirstReport: true,
        slices: [0, 1],
        deltas: [
          { metric: METRIC.activeByDay, key: "2026-11-30", delta: -1 },
          { metric: METRIC.activeByDay, key: "2026-12-01", delta: 1 },
        ],
        learner: { lastActiveOn: "2026-12-01" },
      },
    },
    {
      name: "a learner's very first day: active today, nothing taken from another day",
      state: { lastActiveOn: null, watchPeriods: "[]", progress: null },
      reported: [[0, 4]],
      expected: { kind: "write", slices: [], deltas: [{ metric: METRIC.activeByDay, key: "2026-12-01", delta: 1 }] },
    },
    {
      name: "a common heartbeat: the row and the learner's watch periods change, no counter but the slices",
      state: { lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([[0, 20]]) },
      reported: [[20, 30]],
      expected: { kind: "write", addedS: 10, watchedS: 30, isFirstReport: false, slices: [2], deltas: [] },
    },
    {
      name: "seconds already watched: nothing added, no slice, no counter",
      state: { lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([[0, 20]]) },
      reported: [[5, 15]],
      expected: { kind: "write", addedS: 0, watchedS: 20, slices: [], deltas: [] },
    },
    {
      name: "the report that makes the module watched enough counts it once",
      state: { lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([[0, 85]]) },
      reported: [[85, 95]],
      expected: { kind: "write", watchedS: 95, deltas: [{ metric: METRIC.watchedEnough, key: "m", delta: 1 }] },
    },
    {
      name: "watched enough already: not counted again",
      state: { lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([[0, 95]]) },
      reported: [[95, 100]],
      expected: { kind: "write", watchedS: 100, deltas: [] },
    },
    {
      name: "quiz passed, the report makes it watched enough: it completes the module (the full path's work)",
      state: { lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([[0, 85]], { quizPassedAt: new Date("2026-11-30T09:00:00Z") }) },
      reported: [[85, 95]],
      expected: { kind: "completes" },
    },
    {
      name: "a module completed before: more watching is a common heartbeat",
      state: { lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([[0, 95]], { quizPassedAt: now, completedAt: now }) },
      reported: [[95, 100]],
      expected: { kind: "write", addedS: 5, deltas: [] },
    },
  ];

  test.each(cases)("$name", ({ state, reported, expected }) => {
    const plan = planReport(state, { module, sessionStartedAt, reported, now });
    expect(plan).toMatchObject(expected);
    if (plan.kind === "write") expect(JSON.parse(plan.intervalsText)).toBeInstanceOf(Array);
  });

  test("a report beyond the learner's budget is cut, and the cut is what the learner's periods are charged", () => {
    const justOpened = new Date(now.getTime() - 2_000);
    const plan = planReport({ lastActiveOn: "2026-12-01", watchPeriods: "[]", progress: row([]) }, { module, sessionStartedAt: justOpened, reported: [[0, 60]], now });
    // 2 s of wall clock at most 2× speed, plus the 5 s of slack: 9 s credited, the rest dropped.
    expect(plan).toMatchObject({ kind: "write", addedS: 9, droppedS: 51 });
  });
});
