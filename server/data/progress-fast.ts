import "server-only";
import type { Module } from "@/lib/content/types";
import type { Interval } from "@/lib/progress";
import { isPostgres } from "../db";
import type { ProgressRow } from "./progress";
import { recordProgressPostgres } from "./progress-postgres";
import { recordProgressSqlite } from "./progress-sqlite";

/**
 * The heartbeat's hot path, one per engine, on the driver under Prisma (prepared statements, one
 * transaction holding the learner's lock): what the report changes is decided by planReport
 * (lib/progress-report-plan.ts), the same arithmetic as the full path in progress.ts. Prisma 6's
 * query compiler costs 1–5 ms of CPU per query on this machine, and a heartbeat took 7 to 15 of
 * them. "fallback": the full path records the report (a report that completes the module, or on
 * PostgreSQL a transaction that met a concurrent one), nothing having been written.
 */
export type FastReport = {
  userId: string;
  module: Module;
  reportId: string;
  sessionStartedAt: Date;
  reported: readonly Interval[];
  positionS: number;
  now: Date;
};

export type FastResult = { row: ProgressRow | null; addedS: number; droppedS: number; isReplay: boolean } | "fallback";

export function recordProgressFast(input: FastReport): Promise<FastResult> {
  return isPostgres() ? recordProgressPostgres(input) : recordProgressSqlite(input);
}

/** The progress row as the report leaves it (what the answer shows). */
export function savedRow(row: ProgressRow | null, input: FastReport, watchedS: number): ProgressRow {
  const { module, positionS, now } = input;
  return row
    ? { ...row, watchedS, lastPositionS: positionS, updatedAt: now }
    : { moduleId: module.id, watchedS, lastPositionS: positionS, quizBestScore: null, quizTotal: null, quizPassedAt: null, completedAt: null, updatedAt: now };
}
