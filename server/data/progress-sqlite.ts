import "server-only";
import type { Statement } from "better-sqlite3";
import { dayOf } from "@/lib/calendar-day";
import type { Module } from "@/lib/content/types";
import { AppError } from "@/lib/errors";
import { applyReport, coveredSeconds, isModuleComplete, isWatchedEnough, parseIntervals, type Interval } from "@/lib/progress";
import { newlyWatchedSlices } from "@/lib/stats/retention";
import { coverSession, creditPeriod, parseWatchPeriods, periodBudgetS, serializeWatchPeriods } from "@/lib/watch-budget";
import { getSqliteDriver, type SqliteDriver } from "../db";
import type { ProgressRow } from "./progress";

/**
 * The heartbeat's hot path on SQLite: the common report — a module the learner already started,
 * already active today, that this report neither makes "watched enough" nor completes — recorded
 * with a handful of prepared statements on Prisma's own connection, under Prisma's own transaction
 * lock (so it never interleaves with a Prisma transaction), in one transaction: the replay check,
 * the learner and their progress row in one read, then the learner's watch periods, the progress
 * row, the report and the retention counters. Everything else (a first report, a new day, a
 * completion…) returns "fallback" before any write, and takes the full path in progress.ts, which
 * keeps the other counters. Same arithmetic, same rows, same answer as that path.
 */

export type FastResult = { row: ProgressRow | null; addedS: number; droppedS: number; isReplay: boolean } | "fallback";

type Statements = {
  replay: Statement<[string, string]>;
  learner: Statement<[string, string]>;
  updateLearner: Statement<[string, string, string]>;
  updateProgress: Statement<[string, number, number, string, string, string]>;
  insertReport: Statement<[string, string, string, string, number, string]>;
  countSlice: Statement<[string, number, string]>;
  commit: Statement<[]>;
  rollback: Statement<[]>;
};
const prepared = new WeakMap<SqliteDriver["client"], Statements>();

function statementsFor(client: SqliteDriver["client"]): Statements {
  let statements = prepared.get(client);
  if (!statements) {
    statements = {
      replay: client.prepare(`SELECT 1 AS "found" FROM "ProgressReport" WHERE "userId" = ? AND "reportId" = ?`),
      learner: client.prepare(
        `SELECT u."lastActiveOn", u."watchPeriods", p."id" AS "progressId", p."intervals", p."watchedS", p."lastPositionS", p."quizBestScore",
                p."quizTotal", p."quizPassedAt", p."completedAt", p."updatedAt"
           FROM "User" u LEFT JOIN "ModuleProgress" p ON p."userId" = u."id" AND p."moduleId" = ?
          WHERE u."id" = ?`,
      ),
      updateLearner: client.prepare(`UPDATE "User" SET "watchPeriods" = ?, "updatedAt" = ? WHERE "id" = ?`),
      updateProgress: client.prepare(
        `UPDATE "ModuleProgress" SET "intervals" = ?, "watchedS" = ?, "lastPositionS" = ?, "lastReportAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
      ),
      insertReport: client.prepare(
        `INSERT INTO "ProgressReport" ("userId", "reportId", "moduleId", "sessionStartedAt", "addedS", "receivedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      countSlice: client.prepare(
        `INSERT INTO "ModuleSliceStat" ("moduleId", "slice", "watchedCount", "updatedAt") VALUES (?, ?, 1, ?)
         ON CONFLICT ("moduleId", "slice") DO UPDATE SET "watchedCount" = "watchedCount" + 1, "updatedAt" = excluded."updatedAt"`,
      ),
      commit: client.prepare("COMMIT"),
      rollback: client.prepare("ROLLBACK"),
    };
    prepared.set(client, statements);
  }
  return statements;
}

/** DateTime as Prisma's SQLite adapter stores it. */
const stamp = (date: Date) => date.toISOString().replace("Z", "+00:00");
const dateOrNull = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

type LearnerRow = {
  lastActiveOn: string | null;
  watchPeriods: string;
  progressId: string | null;
  intervals: string | null;
  watchedS: number | null;
  lastPositionS: number | null;
  quizBestScore: bigint | number | null;
  quizTotal: bigint | number | null;
  quizPassedAt: string | null;
  completedAt: string | null;
  updatedAt: string | null;
};

export async function recordProgressFast(input: {
  userId: string;
  module: Module;
  reportId: string;
  sessionStartedAt: Date;
  reported: readonly Interval[];
  positionS: number;
  now: Date;
}): Promise<FastResult> {
  const driver = await getSqliteDriver();
  if (!driver) return "fallback";
  const { client } = driver;
  const statements = statementsFor(client);
  const { userId, module, now } = input;
  const transaction = await driver.startTransaction();
  let isCommitted = false;
  try {
    const found = statements.learner.get(module.id, userId) as LearnerRow | undefined;
    if (!found) throw new AppError("UNAUTHENTICATED");
    const row: ProgressRow | null = found.progressId
      ? {
          moduleId: module.id,
          watchedS: Number(found.watchedS),
          lastPositionS: Number(found.lastPositionS),
          quizBestScore: numberOrNull(found.quizBestScore),
          quizTotal: numberOrNull(found.quizTotal),
          quizPassedAt: dateOrNull(found.quizPassedAt),
          completedAt: dateOrNull(found.completedAt),
          updatedAt: new Date(String(found.updatedAt)),
        }
      : null;
    if (statements.replay.get(userId, input.reportId)) return { row, addedS: 0, droppedS: 0, isReplay: true };
    if (!row || found.lastActiveOn !== dayOf(now)) return "fallback";

    const covered = coverSession(parseWatchPeriods(found.watchPeriods), input.sessionStartedAt.getTime(), now.getTime());
    const stored = parseIntervals(found.intervals ?? "[]");
    const { intervals, addedS, droppedS } = applyReport({ stored, reported: input.reported, budgetS: periodBudgetS(covered.periods[covered.index]!) });
    const watchedS = coveredSeconds(intervals);
    const becomesWatchedEnough = isWatchedEnough(watchedS, module.durationS) && !isWatchedEnough(row.watchedS, module.durationS);
    const becomesComplete = !row.completedAt && isModuleComplete({ watchedS, durationS: module.durationS, isQuizPassed: !!row.quizPassedAt });
    if (becomesWatchedEnough || becomesComplete) return "fallback";

    const at = stamp(now);
    const periods = serializeWatchPeriods(creditPeriod(covered.periods, covered.index, addedS));
    if (periods !== found.watchPeriods) statements.updateLearner.run(periods, at, userId);
    statements.updateProgress.run(JSON.stringify(intervals), watchedS, input.positionS, at, at, found.progressId!);
    statements.insertReport.run(userId, input.reportId, module.id, stamp(input.sessionStartedAt), addedS, at);
    if (addedS > 0) for (const slice of newlyWatchedSlices(stored, intervals, module.durationS)) statements.countSlice.run(module.id, slice, at);
    statements.commit.run();
    isCommitted = true;
    return { row: { ...row, watchedS, lastPositionS: input.positionS, updatedAt: now }, addedS, droppedS, isReplay: false };
  } finally {
    if (!isCommitted) statements.rollback.run();
    await (isCommitted ? transaction.commit() : transaction.rollback());
  }
}
