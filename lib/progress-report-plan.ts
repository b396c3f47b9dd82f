import { dayOf } from "./calendar-day";
import type { Module, Programme } from "./content/types";
import { isChapterComplete, isProgrammeComplete } from "./course-completion";
import { applyReport, coveredSeconds, isModuleComplete, isWatchedEnough, parseIntervals, type Interval } from "./progress";
import { activityDeltas, completerDeltas, durationDelta, mergeDeltas, METRIC, weekKey, type Delta, type Profile } from "./stats/counters";
import { newlyWatchedSlices } from "./stats/retention";
import { coverSession, creditPeriod, parseWatchPeriods, periodBudgetS, serializeWatchPeriods } from "./watch-budget";

/**
 * Every progress write decided in one place: what a heartbeat (planReport) or a quiz attempt
 * (planQuizAttempt) changes — the learner's watch periods and last active day, the progress row,
 * completion, and every counter it moves — from what was read under the learner's lock. The
 * writers (server/data/progress-sqlite.ts and progress-postgres.ts for heartbeats, progress.ts for
 * quiz attempts) carry a plan out and decide nothing. Adding a counter: a delta here (the StatCounter
 * table, written by every writer as it is), or a field of `stats` plus its column in each writer.
 */

/** One of the learner's progress rows, as the started and completion counters need it. */
export type LearnerModuleRow = { moduleId: string; chapterId: string; createdAt: Date; completedAt: Date | null };

/** The progress row of the module, as read. */
export type ProgressState = {
  intervals: string;
  watchedS: number;
  quizBestScore: number | null;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
};

/** What a write path read, under the learner's lock. */
export type LearnerState = {
  lastActiveOn: string | null;
  watchPeriods: string;
  profile: Profile;
  progress: ProgressState | null;
  /**
   * The learner's progress rows in every module (this one's included when it exists): read only
   * when a plan asks for them ("needs-rows": a first row in a module, or a completion).
   */
  rows?: readonly LearnerModuleRow[];
};

/** The counter rows of the module, its chapter and the programme: learners who started and completed each (0 or 1 more). */
export type StatChanges = {
  module: { started: number; completed: number };
  chapter: { started: number; completed: number };
  programme: { started: number; completed: number };
};

/** The progress row as the write leaves it (only the columns this kind of write sets; a new row gets `createdAt` = now). */
export type RowWrite = {
  isNew: boolean;
  /** When the module became complete with this write, else null (an earlier completion is kept as it is). */
  completedAt: Date | null;
};

type Common = {
  row: RowWrite;
  /** The learner's new watch periods and last active day, or null when both are unchanged. */
  learner: { watchPeriods: string; lastActiveOn: string } | null;
  /** Null when no ModuleStat, ChapterStat or ProgrammeStat row changes. */
  stats: StatChanges | null;
  /** StatCounter deltas, merged, in one fixed order for every writer (two transactions never wait on each other's counter rows). */
  deltas: Delta[];
};

export type ReportPlan =
  | { kind: "needs-rows" }
  | (Common & {
      kind: "write";
      addedS: number;
      droppedS: number;
      watchedS: number;
      intervalsText: string;
      /** Retention slices this report made newly watched, ascending (the order every writer locks them in). */
      slices: number[];
    });

export type ReportInput = {
  programme: Programme;
  module: Module;
  sessionStartedAt: Date;
  reported: readonly Interval[];
  now: Date;
};

const sorted = (deltas: Delta[]) => mergeDeltas(deltas).sort((a, b) => (a.metric + a.key < b.metric + b.key ? -1 : 1));

/**
 * The started and completion counters of a write: a first row in the module (maybe in its chapter
 * and in the programme), and a completion (maybe of its chapter and of the programme), with the
 * weekly completions, the times from first start to completion and the completers' profiles.
 */
function counterChanges(
  programme: Programme,
  module: Module,
  state: LearnerState,
  change: { isNewRow: boolean; completes: boolean; now: Date },
): { stats: StatChanges | null; deltas: Delta[] } | null {
  if (!change.isNewRow && !change.completes) return { stats: null, deltas: [] };
  const rows = state.rows;
  if (!rows) return null;
  const others = rows.filter((r) => r.moduleId !== module.id);
  const stats: StatChanges = { module: { started: 0, completed: 0 }, chapter: { started: 0, completed: 0 }, programme: { started: 0, completed: 0 } };
  const deltas: Delta[] = [];
  if (change.isNewRow) {
    stats.module.started = 1;
    if (!others.some((r) => r.chapterId === module.chapterId)) stats.chapter.started = 1;
    if (others.length === 0) stats.programme.started = 1;
  }
  if (change.completes) {
    const { now } = change;
    const startedAt = state.progress?.createdAt ?? now;
    stats.module.completed = 1;
    deltas.push({ metric: METRIC.completionsByWeek, key: weekKey(now), delta: 1 }, durationDelta(METRIC.timeToCompleteModule, module.id, startedAt, now));
    const before = new Set(others.filter((r) => r.completedAt).map((r) => r.moduleId));
    const after = new Set([...before, module.id]);
    const firstStart = (list: readonly LearnerModuleRow[]) => new Date(Math.min(startedAt.getTime(), ...list.map((r) => r.createdAt.getTime())));
    const chapter = programme.chapters.find((c) => c.id === module.chapterId)!;
    if (isChapterComplete(chapter, after) && !isChapterComplete(chapter, before)) {
      stats.chapter.completed = 1;
      deltas.push(durationDelta(METRIC.timeToCompleteChapter, chapter.id, firstStart(others.filter((r) => r.chapterId === chapter.id)), now));
    }
    if (isProgrammeComplete(programme, after) && !isProgrammeComplete(programme, before)) {
      stats.programme.completed = 1;
      deltas.push(durationDelta(METRIC.timeToCompleteProgramme, null, firstStart(others), now), ...completerDeltas(state.profile, 1));
    }
  }
  return { stats, deltas };
}

export function planReport(state: LearnerState, input: ReportInput): ReportPlan {
  const { programme, module, now } = input;
  const row = state.progress;
  const covered = coverSession(parseWatchPeriods(state.watchPeriods), input.sessionStartedAt.getTime(), now.getTime());
  const stored = parseIntervals(row?.intervals ?? "[]");
  const { intervals, addedS, droppedS } = applyReport({ stored, reported: input.reported, budgetS: periodBudgetS(covered.periods[covered.index]!) });
  const watchedS = coveredSeconds(intervals);
  const completes = !row?.completedAt && isModuleComplete({ watchedS, durationS: module.durationS, isQuizPassed: !!row?.quizPassedAt });
  const counters = counterChanges(programme, module, state, { isNewRow: !row, completes, now });
  if (!counters) return { kind: "needs-rows" };

  const today = dayOf(now);
  const deltas: Delta[] = [...activityDeltas(state.lastActiveOn, today), ...counters.deltas];
  const isNewDay = state.lastActiveOn !== today;
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
    row: { isNew: !row, completedAt: completes ? now : null },
    learner: isNewDay || watchPeriods !== state.watchPeriods ? { watchPeriods, lastActiveOn: today } : null,
    stats: counters.stats,
    slices: addedS > 0 ? [...newlyWatchedSlices(stored, intervals, module.durationS)].sort((a, b) => a - b) : [],
    deltas: sorted(deltas),
  };
}

export type QuizAttemptInput = {
  programme: Programme;
  module: Module;
  result: { score: number; total: number; isPassed: boolean };
  /** The learner's attempts at this quiz before this one. */
  earlierAttempts: number;
  now: Date;
};

export type QuizAttemptPlan =
  | { kind: "needs-rows" }
  | (Common & {
      kind: "write";
      /** The row's quiz columns after the attempt (the best score kept, the first pass kept). */
      quiz: { bestScore: number; total: number; passedAt: Date | null };
    });

/** A quiz attempt: the best score and first pass kept, completion when the module was watched enough, the quiz counters. */
export function planQuizAttempt(state: LearnerState, input: QuizAttemptInput): QuizAttemptPlan {
  const { programme, module, result, now } = input;
  const row = state.progress;
  const passedAt = row?.quizPassedAt ?? (result.isPassed ? now : null);
  const completes = !row?.completedAt && isModuleComplete({ watchedS: row?.watchedS ?? 0, durationS: module.durationS, isQuizPassed: !!passedAt });
  const counters = counterChanges(programme, module, state, { isNewRow: !row, completes, now });
  if (!counters) return { kind: "needs-rows" };

  const today = dayOf(now);
  const deltas: Delta[] = [...activityDeltas(state.lastActiveOn, today), ...counters.deltas, { metric: METRIC.quizAttempts, key: module.id, delta: 1 }];
  if (input.earlierAttempts === 0) deltas.push({ metric: METRIC.quizLearners, key: module.id, delta: 1 });
  if (input.earlierAttempts === 0 && result.isPassed) deltas.push({ metric: METRIC.quizFirstTry, key: module.id, delta: 1 });
  if (passedAt && !row?.quizPassedAt) deltas.push({ metric: METRIC.quizPassed, key: module.id, delta: 1 });
  return {
    kind: "write",
    quiz: { bestScore: Math.max(row?.quizBestScore ?? 0, result.score), total: result.total, passedAt },
    row: { isNew: !row, completedAt: completes ? now : null },
    learner: state.lastActiveOn !== today ? { watchPeriods: state.watchPeriods, lastActiveOn: today } : null,
    stats: counters.stats,
    deltas: sorted(deltas),
  };
}
