/**
 * The statistics counters (StatCounter rows) the admin pages read: their metric names and keys, the
 * changes each event makes to them, and a recount from one learner's rows (the reference the write
 * path must always agree with, and what `rebuildStatCounters` writes after a bulk import).
 * Pure: no database, no clock.
 */
import { chapterSlots, isChapterComplete, isProgrammeComplete } from "../course-completion";
import { dayOf, weekStartOf, type Day } from "../calendar-day";
import type { Programme } from "../content/types";
import { isWatchedEnough, type Interval } from "../progress";
import { durationBucket } from "./durations";
import { regionOf } from "./regions";
import { watchedSlices } from "./retention";

export const METRIC = {
  /** Merchant accounts by registration week (key: the Monday, a Day). Their sum is every registered learner. */
  learnersByWeek: "learners.week",
  learnersBySector: "learners.sector",
  learnersByRegion: "learners.region",
  learnersBySize: "learners.size",
  /** Learners who completed the programme, by business profile (any role: staff have no profile). */
  completersBySector: "completers.sector",
  completersByRegion: "completers.region",
  completersBySize: "completers.size",
  /** Module completions by week of completion. */
  completionsByWeek: "completions.week",
  attestationsByWeek: "attestations.week",
  /** Learners by the day of their last activity (key: Day): the active in the last N days are a sum of N rows. */
  activeByDay: "active.day",
  /** Merchants following the parcours neutre (key ""). */
  neutralPath: "path.neutral",
  /** Learners in at least one cohort (key ""). */
  cohortLearners: "cohort.learners",
  /** Per module (key: module id): learners who watched enough, tried its quiz, passed it at the first try, passed it; attempts. */
  watchedEnough: "module.watched-enough",
  quizLearners: "quiz.learners",
  quizFirstTry: "quiz.first-try",
  quizPassed: "quiz.passed",
  quizAttempts: "quiz.attempts",
  /** Time from first start to completion, as histograms (lib/stats/durations): key "<id>:<bucket>" or "<bucket>". */
  timeToCompleteModule: "time.module",
  timeToCompleteChapter: "time.chapter",
  timeToCompleteProgramme: "time.programme",
} as const;
export type Metric = (typeof METRIC)[keyof typeof METRIC];

/** Key of an unknown or withdrawn profile answer. */
export const NO_PROFILE = "none";

export type Delta = { metric: Metric; key: string; delta: number };
export type Profile = { sector: string | null; department: string | null; sizeBand: string | null };

export function weekKey(instant: Date): Day {
  return weekStartOf(dayOf(instant));
}

export function profileKeys(profile: Profile): { sector: string; region: string; size: string } {
  return { sector: profile.sector ?? NO_PROFILE, region: regionOf(profile.department) ?? NO_PROFILE, size: profile.sizeBand ?? NO_PROFILE };
}

export type LearnerAccount = Profile & { role: string; createdAt: Date; prefersNeutralPath: boolean };

/** A merchant account counted (sign +1: sign-up, becoming a merchant again) or no longer counted (−1). */
export function learnerDeltas(user: LearnerAccount, sign: 1 | -1): Delta[] {
  if (user.role !== "merchant") return [];
  const keys = profileKeys(user);
  const deltas: Delta[] = [
    { metric: METRIC.learnersByWeek, key: weekKey(user.createdAt), delta: sign },
    { metric: METRIC.learnersBySector, key: keys.sector, delta: sign },
    { metric: METRIC.learnersByRegion, key: keys.region, delta: sign },
    { metric: METRIC.learnersBySize, key: keys.size, delta: sign },
  ];
  if (user.prefersNeutralPath) deltas.push({ metric: METRIC.neutralPath, key: "", delta: sign });
  return deltas;
}

export function completerDeltas(profile: Profile, sign: 1 | -1): Delta[] {
  const keys = profileKeys(profile);
  return [
    { metric: METRIC.completersBySector, key: keys.sector, delta: sign },
    { metric: METRIC.completersByRegion, key: keys.region, delta: sign },
    { metric: METRIC.completersBySize, key: keys.size, delta: sign },
  ];
}

/** The learner's last active day moves from `previous` to `today` (nothing when it is already today). */
export function activityDeltas(previous: Day | null, today: Day): Delta[] {
  if (previous === today) return [];
  const deltas: Delta[] = [{ metric: METRIC.activeByDay, key: today, delta: 1 }];
  if (previous) deltas.push({ metric: METRIC.activeByDay, key: previous, delta: -1 });
  return deltas;
}

export function durationDelta(metric: Metric, id: string | null, fromInstant: Date, toInstant: Date): Delta {
  const bucket = durationBucket((toInstant.getTime() - fromInstant.getTime()) / 1000);
  return { metric, key: id === null ? String(bucket) : `${id}:${bucket}`, delta: 1 };
}

/** The histogram of one id out of "<id>:<bucket>" keys (or of plain "<bucket>" keys when id is null). */
export function histogramOf(rows: readonly { key: string; value: number }[], id: string | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const separator = row.key.lastIndexOf(":");
    const rowId = separator < 0 ? null : row.key.slice(0, separator);
    if (rowId !== id) continue;
    const bucket = Number(row.key.slice(separator + 1));
    counts.set(bucket, (counts.get(bucket) ?? 0) + row.value);
  }
  return counts;
}

/** Adds deltas that target the same counter, drops those that cancel out. */
export function mergeDeltas(deltas: readonly Delta[]): Delta[] {
  const byCounter = new Map<string, Delta>();
  for (const d of deltas) {
    const id = `${d.metric}\t${d.key}`;
    const existing = byCounter.get(id);
    byCounter.set(id, existing ? { ...existing, delta: existing.delta + d.delta } : { ...d });
  }
  return [...byCounter.values()].filter((d) => d.delta !== 0);
}

// ---------------------------------------------------------------------------------------------
// The recount: what every counter must say, from the rows themselves, one learner at a time.

export type LearnerRecord = {
  user: LearnerAccount & { lastActiveOn: Day | null };
  progress: { moduleId: string; chapterId: string; watchedS: number; intervals: Interval[]; createdAt: Date; completedAt: Date | null; quizPassedAt: Date | null }[];
  quizAttempts: { moduleId: string; isPassed: boolean; createdAt: Date }[];
  attestationIssuedAt: Date | null;
  isCohortLearner: boolean;
};

export type StartedCompleted = { startedCount: number; completedCount: number };
export type Tally = {
  counters: Map<string, number>;
  modules: Map<string, StartedCompleted & { chapterId: string }>;
  chapters: Map<string, StartedCompleted>;
  programme: StartedCompleted;
  /** "<moduleId>\t<slice>" → learners who watched the slice. */
  slices: Map<string, number>;
};

export function emptyTally(): Tally {
  return { counters: new Map(), modules: new Map(), chapters: new Map(), programme: { startedCount: 0, completedCount: 0 }, slices: new Map() };
}

export function counterId(metric: string, key: string): string {
  return `${metric}\t${key}`;
}

function add(map: Map<string, number>, id: string, n = 1) {
  map.set(id, (map.get(id) ?? 0) + n);
}

/** The moment a set of slots became complete: each slot's first completion, the latest of those. */
function completionMoment(slots: string[][], completedAt: Map<string, Date>): Date {
  let moment = 0;
  for (const slot of slots) {
    const first = Math.min(...slot.flatMap((id) => (completedAt.has(id) ? [completedAt.get(id)!.getTime()] : [])));
    moment = Math.max(moment, first);
  }
  return new Date(moment);
}

export function tallyLearner(tally: Tally, record: LearnerRecord, programme: Programme): void {
  const { user } = record;
  for (const d of learnerDeltas(user, 1)) add(tally.counters, counterId(d.metric, d.key), d.delta);
  if (user.lastActiveOn) add(tally.counters, counterId(METRIC.activeByDay, user.lastActiveOn));
  if (record.isCohortLearner) add(tally.counters, counterId(METRIC.cohortLearners, ""));
  if (record.attestationIssuedAt) add(tally.counters, counterId(METRIC.attestationsByWeek, weekKey(record.attestationIssuedAt)));

  const completedAt = new Map<string, Date>();
  for (const row of record.progress) {
    const module = programme.modulesById.get(row.moduleId);
    const moduleStat = tally.modules.get(row.moduleId) ?? { chapterId: row.chapterId, startedCount: 0, completedCount: 0 };
    tally.modules.set(row.moduleId, moduleStat);
    moduleStat.startedCount++;
    if (module && isWatchedEnough(row.watchedS, module.durationS)) add(tally.counters, counterId(METRIC.watchedEnough, row.moduleId));
    if (row.quizPassedAt) add(tally.counters, counterId(METRIC.quizPassed, row.moduleId));
    if (module) for (const slice of watchedSlices(row.intervals, module.durationS)) add(tally.slices, `${row.moduleId}\t${slice}`);
    if (row.completedAt) {
      moduleStat.completedCount++;
      completedAt.set(row.moduleId, row.completedAt);
      add(tally.counters, counterId(METRIC.completionsByWeek, weekKey(row.completedAt)));
      const d = durationDelta(METRIC.timeToCompleteModule, row.moduleId, row.createdAt, row.completedAt);
      add(tally.counters, counterId(d.metric, d.key));
    }
  }

  const attemptsByModule = new Map<string, { isPassed: boolean; createdAt: Date }[]>();
  for (const attempt of record.quizAttempts) attemptsByModule.set(attempt.moduleId, [...(attemptsByModule.get(attempt.moduleId) ?? []), attempt]);
  for (const [moduleId, attempts] of attemptsByModule) {
    const first = attempts.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    add(tally.counters, counterId(METRIC.quizLearners, moduleId));
    add(tally.counters, counterId(METRIC.quizAttempts, moduleId), attempts.length);
    if (first.isPassed) add(tally.counters, counterId(METRIC.quizFirstTry, moduleId));
  }

  if (record.progress.length > 0) tally.programme.startedCount++;
  const completed = new Set(completedAt.keys());
  for (const chapter of programme.chapters) {
    const rows = record.progress.filter((p) => p.chapterId === chapter.id);
    if (rows.length === 0) continue;
    const chapterStat = tally.chapters.get(chapter.id) ?? { startedCount: 0, completedCount: 0 };
    tally.chapters.set(chapter.id, chapterStat);
    chapterStat.startedCount++;
    if (!isChapterComplete(chapter, completed)) continue;
    chapterStat.completedCount++;
    const startedAt = new Date(Math.min(...rows.map((r) => r.createdAt.getTime())));
    const d = durationDelta(METRIC.timeToCompleteChapter, chapter.id, startedAt, completionMoment(chapterSlots(chapter), completedAt));
    add(tally.counters, counterId(d.metric, d.key));
  }
  if (record.progress.length > 0 && isProgrammeComplete(programme, completed)) {
    tally.programme.completedCount++;
    for (const d of completerDeltas(user, 1)) add(tally.counters, counterId(d.metric, d.key), d.delta);
    const startedAt = new Date(Math.min(...record.progress.map((r) => r.createdAt.getTime())));
    const d = durationDelta(METRIC.timeToCompleteProgramme, null, startedAt, completionMoment(programme.chapters.flatMap(chapterSlots), completedAt));
    add(tally.counters, counterId(d.metric, d.key));
  }
}
