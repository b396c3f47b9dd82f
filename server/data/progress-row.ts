import "server-only";
import type { Module } from "@/lib/content/types";
import type { Interval } from "@/lib/progress";

/**
 * The shapes shared by the heartbeat's writers (progress-heartbeat.ts → progress-sqlite.ts,
 * progress-postgres.ts) and progress.ts. Here, with nothing of theirs imported, so that none of
 * them imports another back (no import cycle).
 */

/** What a learner's progress view is made from (a ModuleProgress row, or a writer's read of it). */
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

/** A heartbeat, checked (its session verified, its intervals within the module), as the writers record it. */
export type HeartbeatReport = {
  userId: string;
  module: Module;
  reportId: string;
  sessionStartedAt: Date;
  reported: readonly Interval[];
  positionS: number;
  now: Date;
};

export type HeartbeatResult = { row: ProgressRow | null; addedS: number; droppedS: number; isReplay: boolean };

/** The progress row as the report leaves it (what the answer shows): `completedAt` when the report completed the module. */
export function savedRow(row: ProgressRow | null, input: HeartbeatReport, watchedS: number, completedAt: Date | null): ProgressRow {
  const { module, positionS, now } = input;
  return row
    ? { ...row, watchedS, lastPositionS: positionS, completedAt: row.completedAt ?? completedAt, updatedAt: now }
    : { moduleId: module.id, watchedS, lastPositionS: positionS, quizBestScore: null, quizTotal: null, quizPassedAt: null, completedAt, updatedAt: now };
}
