import { dayOf } from "./calendar-day";
import { applyReport, coveredSeconds, isModuleComplete, isWatchedEnough, parseIntervals, type Interval } from "./progress";
import { activityDeltas, mergeDeltas, METRIC, type Delta } from "./stats/counters";
import { newlyWatchedSlices } from "./stats/retention";
import { coverSession, creditPeriod, parseWatchPeriods, periodBudgetS, serializeWatchPeriods } from "./watch-budget";

/** What a heartbeat's write path read, under the learner's lock: the learner and their progress row in the module. */
export type ReportState = {
  lastActiveOn: string | null;
  watchPeriods: string;
  progress: {
    intervals: string;
    watchedS: number;
    quizPassedAt: Date | null;
    completedAt: Date | null;
  } | null;
};

export type ReportInput = {
  module: { id: string; chapterId: string; durationS: number };
  sessionStartedAt: Date;
  reported: readonly Interval[];
  now: Date;
};

/**
 * Every write a heartbeat makes, decided from what was read (the same arithmetic as the full path in
 * server/data/progress.ts): the learner's watch periods and last active day, the progress row, and
 * the counters it moves. "completes" when the report completes the module (its quiz already passed):
 * the full path keeps those counters.
 */
export type ReportPlan =
  | { kind: "completes" }
  | {
      kind: "write";
      addedS: number;
      droppedS: number;
      watchedS: number;
      intervalsText: string;
      /** The learner's new watch periods and last active day, or null when both are unchanged. */
      learner: { watchPeriods: string; lastActiveOn: string } | null;
      /** A first report in this module: the row is created, and the module counts one more learner who started it. */
      isFirstReport: boolean;
      /** Retention slices this report made newly watched, ascending. */
      slices: number[];
      /** Counter deltas (learners active by day, modules watched enough), merged, in a fixed order. */
      deltas: Delta[];
    };

export function planReport(state: ReportState, input: ReportInput): ReportPlan {
  const { module, now } = input;
  const row = state.progress;
  const covered = coverSession(parseWatchPeriods(state.watchPeriods), input.sessionStartedAt.getTime(), now.getTime());
  const stored = parseIntervals(row?.intervals ?? "[]");
  const { intervals, addedS, droppedS } = applyReport({ stored, reported: input.reported, budgetS: periodBudgetS(covered.periods[covered.index]!) });
  const watchedS = coveredSeconds(intervals);
  if (!row?.completedAt && isModuleComplete({ watchedS, durationS: module.durationS, isQuizPassed: !!row?.quizPassedAt })) return { kind: "completes" };

  const today = dayOf(now);
  const deltas: Delta[] = activityDeltas(state.lastActiveOn, today);
  const isNewDay = deltas.length > 0;
  const watchPeriods = serializeWatchPeriods(creditPeriod(covered.periods, covered.index, addedS));
  if (isWatchedEnough(watchedS, module.durationS) && !isWatchedEnough(row?.watchedS ?? 0, module.durationS)) {
    deltas.push({ metric: METRIC.watchedEnough, key: module.id, delta: 1 });
  }
  return {
    kind: "write",
    addedS,
    droppedS,
    watchedS,
    intervalsText: JSON.stringify(intervals),
    learner: isNewDay || watchPeriods !== state.watchPeriods ? { watchPeriods, lastActiveOn: today } : null,
    isFirstReport: !row,
    slices: addedS > 0 ? [...newlyWatchedSlices(stored, intervals, module.durationS)].sort((a, b) => a - b) : [],
    // One order for every writer, so that two transactions never wait on each other's counter rows.
    deltas: mergeDeltas(deltas).sort((a, b) => (a.metric + a.key < b.metric + b.key ? -1 : 1)),
  };
}
