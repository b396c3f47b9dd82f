import "server-only";
import type { Module } from "@/lib/content/types";
import type { Interval } from "@/lib/progress";

/**
 * The shapes shared by the heartbeat's write paths: the full path (progress.ts) and each engine's
 * hot path (progress-fast.ts → progress-sqlite.ts, progress-postgres.ts). Here, with nothing of
 * theirs imported, so that none of them imports another back (no import cycle).
 */

/** What a learner's progress view is made from (a ModuleProgress row, or the hot path's read of it). */
export type ProgressRow = {
  moduleId: string;
  watchedS: number;
  lastPositionS: number;
  quizBestScore: number | null;
  quizTotal: number | null;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
};

/** A report as the hot paths record it. */
export type FastReport = {
  userId: string;
  module: Module;
  reportId: string;
  sessionStartedAt: Date;
  reported: readonly Interval[];
  positionS: number;
  now: Date;
};

/** "fallback": the full path records the report (nothing having been written). */
export type FastResult = { row: ProgressRow | null; addedS: number; droppedS: number; isReplay: boolean } | "fallback";

/** The progress row as the report leaves it (what the answer shows). */
export function savedRow(row: ProgressRow | null, input: FastReport, watchedS: number): ProgressRow {
  const { module, positionS, now } = input;
  return row
    ? { ...row, watchedS, lastPositionS: positionS, updatedAt: now }
    : { moduleId: module.id, watchedS, lastPositionS: positionS, quizBestScore: null, quizTotal: null, quizPassedAt: null, completedAt: null, updatedAt: now };
}
