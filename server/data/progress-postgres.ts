import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors";
import { planReport, type LearnerModuleRow, type LearnerState } from "@/lib/progress-report-plan";
import { getProgramme } from "../content";
import { getPgPool } from "../db";
import { retryingConflicts } from "../transactions";
import { savedRow, type HeartbeatReport, type HeartbeatResult, type ProgressRow } from "./progress-row";

/**
 * The heartbeat on PostgreSQL: named (server-side prepared) statements on a connection of Prisma's
 * own pool, in one READ COMMITTED transaction that first locks the learner's row (FOR UPDATE), then
 * their progress row in the module. Every heartbeat of a learner takes that lock first, so a
 * learner's reports are recorded one after the other (their watch budget, intervals and replay
 * check read under it), while different learners only meet on counter rows, which are bumped with
 * atomic upserts in one fixed order (the module's, chapter's and programme's rows, retention slices
 * ascending, then the other counters sorted) — no serialization failures between learners. What the
 * report writes, completion included, is planReport's (lib/progress-report-plan.ts). A Prisma
 * transaction touching the same rows (a quiz attempt) is serializable: it waits for the lock and
 * retries when this one committed first; this one reads its committed result when it waited. A
 * deadlock, a serialization failure or a unique violation (a quiz creating the same progress row at
 * the same instant, or the same report recorded by a concurrent request) rolls back, and the report
 * is recorded again from the start (retryingConflicts): the second time it reads what the other
 * transaction committed.
 */

// The replay check rides on the learner's read: one round trip fewer. Its snapshot is the
// statement's, taken before the lock was granted, so a copy of this report committed by a
// concurrent request while this one waited is not seen here: the report's insert then meets the
// unique key (23505) and the report is recorded again from the start — as a replay.
const LEARNER = `SELECT "lastActiveOn", "watchPeriods", "sector", "department", "sizeBand",
    EXISTS (SELECT 1 FROM "ProgressReport" WHERE "userId" = $1 AND "reportId" = $2) AS "isReplay"
  FROM "User" WHERE "id" = $1 FOR UPDATE`;
// Timestamps are stored without time zone, in UTC (Prisma's convention): read as instants.
const PROGRESS = `SELECT "id", "intervals", "watchedS", "lastPositionS", "quizBestScore", "quizTotal",
    "quizPassedAt" AT TIME ZONE 'UTC' AS "quizPassedAt", "completedAt" AT TIME ZONE 'UTC' AS "completedAt", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
  FROM "ModuleProgress" WHERE "userId" = $1 AND "moduleId" = $2 FOR UPDATE`;
// The learner's rows in every module, when the plan needs them (a first row in a module, a completion).
const LEARNER_ROWS = `SELECT "moduleId", "chapterId", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "completedAt" AT TIME ZONE 'UTC' AS "completedAt"
  FROM "ModuleProgress" WHERE "userId" = $1`;
// The learner's own rows (theirs alone, already locked or new) in one statement: the learner's
// budget (when the plan changes it: $8), the progress row (updated, or inserted), the report.
// $1 user, $2 report, $3 module, $4 session start, $5 added seconds, $6 now, $7 watch periods,
// $8 whether to update the learner, $9 last active day, $10 intervals, $11 watched, $12 position,
// $13 completion (null: unchanged).
const OWN_ROWS = (progress: string) => `WITH "learner" AS (
    UPDATE "User" SET "watchPeriods" = $7, "lastActiveOn" = $9, "updatedAt" = $6 WHERE "id" = $1 AND $8::boolean
  ), "progress" AS (${progress})
  INSERT INTO "ProgressReport" ("userId", "reportId", "moduleId", "sessionStartedAt", "addedS", "receivedAt") VALUES ($1, $2, $3, $4, $5, $6)`;
const UPDATE_PROGRESS = OWN_ROWS(
  `UPDATE "ModuleProgress" SET "intervals" = $10, "watchedS" = $11, "lastPositionS" = $12, "lastReportAt" = $6, "updatedAt" = $6, "completedAt" = COALESCE($13, "completedAt") WHERE "id" = $14`,
);
const INSERT_PROGRESS = OWN_ROWS(`INSERT INTO "ModuleProgress" ("id", "userId", "moduleId", "chapterId", "intervals", "watchedS", "lastPositionS", "lastReportAt", "completedAt", "createdAt", "updatedAt")
    VALUES ($14, $1, $3, $15, $10, $11, $12, $6, $13, $6, $6)`);
// The module's, chapter's and programme's counters: learners who started and completed each.
const MODULE_STAT = `INSERT INTO "ModuleStat" ("moduleId", "chapterId", "startedCount", "completedCount", "updatedAt") VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT ("moduleId") DO UPDATE SET "startedCount" = "ModuleStat"."startedCount" + excluded."startedCount", "completedCount" = "ModuleStat"."completedCount" + excluded."completedCount", "updatedAt" = excluded."updatedAt"`;
const CHAPTER_STAT = `INSERT INTO "ChapterStat" ("chapterId", "startedCount", "completedCount", "updatedAt") VALUES ($1, $2, $3, $4)
  ON CONFLICT ("chapterId") DO UPDATE SET "startedCount" = "ChapterStat"."startedCount" + excluded."startedCount", "completedCount" = "ChapterStat"."completedCount" + excluded."completedCount", "updatedAt" = excluded."updatedAt"`;
const PROGRAMME_STAT = `INSERT INTO "ProgrammeStat" ("id", "startedCount", "completedCount", "updatedAt") VALUES ('programme', $1, $2, $3)
  ON CONFLICT ("id") DO UPDATE SET "startedCount" = "ProgrammeStat"."startedCount" + excluded."startedCount", "completedCount" = "ProgrammeStat"."completedCount" + excluded."completedCount", "updatedAt" = excluded."updatedAt"`;
// Every slice of the report in one statement, in ascending order (the plan's): the rows are locked
// in that order, as every heartbeat locks them.
const COUNT_SLICES = `INSERT INTO "ModuleSliceStat" ("moduleId", "slice", "watchedCount", "updatedAt")
  SELECT $1, "slice", 1, $3 FROM unnest($2::int[]) WITH ORDINALITY AS s("slice", "n") ORDER BY "n"
  ON CONFLICT ("moduleId", "slice") DO UPDATE SET "watchedCount" = "ModuleSliceStat"."watchedCount" + 1, "updatedAt" = excluded."updatedAt"`;
const ADD_TO_COUNTER = `INSERT INTO "StatCounter" ("metric", "key", "value", "updatedAt") VALUES ($1, $2, $3, $4)
  ON CONFLICT ("metric", "key") DO UPDATE SET "value" = "StatCounter"."value" + excluded."value", "updatedAt" = excluded."updatedAt"`;

/** SQLSTATEs after which the report is recorded again from the start: serialization failure, deadlock, unique violation. */
const CONFLICTS = new Set(["40001", "40P01", "23505"]);
const isConflict = (error: unknown) => CONFLICTS.has((error as { code?: string }).code ?? "");

type ProgressRecord = Omit<ProgressRow, "moduleId"> & { id: string; intervals: string; createdAt: Date };

/** A named statement: PostgreSQL parses and plans it once per connection. */
function run<R extends object = Record<string, unknown>>(client: PoolClient, name: string, text: string, values: unknown[]) {
  return client.query<R>({ name: `heartbeat-${name}`, text, values });
}

export async function recordProgressPostgres(input: HeartbeatReport): Promise<HeartbeatResult> {
  const pool = await getPgPool();
  if (!pool) throw new Error("No PostgreSQL pool under Prisma");
  return retryingConflicts(() => recordOnce(pool, input), isConflict);
}

async function recordOnce(pool: NonNullable<Awaited<ReturnType<typeof getPgPool>>>, input: HeartbeatReport): Promise<HeartbeatResult> {
  const { userId, module, now } = input;
  const client = await pool.connect();
  let releaseError: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      type LearnerRecord = { lastActiveOn: string | null; watchPeriods: string; sector: string | null; department: string | null; sizeBand: string | null; isReplay: boolean };
      const learner = (await run<LearnerRecord>(client, "learner", LEARNER, [userId, input.reportId])).rows[0];
      if (!learner) throw new AppError("UNAUTHENTICATED");
      const found = (await run<ProgressRecord>(client, "progress", PROGRESS, [userId, module.id])).rows[0];
      const row: ProgressRow | null = found ? { moduleId: module.id, watchedS: found.watchedS, lastPositionS: found.lastPositionS, quizBestScore: found.quizBestScore, quizTotal: found.quizTotal, quizPassedAt: found.quizPassedAt, completedAt: found.completedAt, updatedAt: found.updatedAt } : null;
      if (learner.isReplay) {
        await client.query("ROLLBACK");
        return { row, addedS: 0, droppedS: 0, isReplay: true };
      }
      const state: LearnerState = {
        lastActiveOn: learner.lastActiveOn,
        watchPeriods: learner.watchPeriods,
        profile: { sector: learner.sector, department: learner.department, sizeBand: learner.sizeBand },
        progress: found ? { intervals: found.intervals, watchedS: found.watchedS, quizBestScore: found.quizBestScore, quizPassedAt: found.quizPassedAt, completedAt: found.completedAt, createdAt: found.createdAt } : null,
      };
      const planInput = { programme: getProgramme(), module, sessionStartedAt: input.sessionStartedAt, reported: input.reported, now };
      let plan = planReport(state, planInput);
      if (plan.kind === "needs-rows") {
        const rows = (await run<LearnerModuleRow>(client, "learner-rows", LEARNER_ROWS, [userId])).rows;
        plan = planReport({ ...state, rows }, planInput);
        if (plan.kind === "needs-rows") throw new Error("planReport asked for the learner's rows twice");
      }
      // Timestamps as ISO text: PostgreSQL keeps the UTC wall time in a column without time zone.
      const at = now.toISOString();
      const completedAt = plan.row.completedAt?.toISOString() ?? null;
      const own = [userId, input.reportId, module.id, input.sessionStartedAt.toISOString(), plan.addedS, at, plan.learner?.watchPeriods ?? learner.watchPeriods, !!plan.learner, plan.learner?.lastActiveOn ?? learner.lastActiveOn, plan.intervalsText, plan.watchedS, input.positionS, completedAt];
      if (found) await run(client, "update-progress", UPDATE_PROGRESS, [...own, found.id]);
      // Prisma's own rows get a cuid; these a UUID (ids are opaque: nothing orders or parses them).
      else await run(client, "insert-progress", INSERT_PROGRESS, [...own, randomUUID(), module.chapterId]);
      const { stats } = plan;
      if (stats) {
        await run(client, "module-stat", MODULE_STAT, [module.id, module.chapterId, stats.module.started, stats.module.completed, at]);
        if (stats.chapter.started || stats.chapter.completed) await run(client, "chapter-stat", CHAPTER_STAT, [module.chapterId, stats.chapter.started, stats.chapter.completed, at]);
        if (stats.programme.started || stats.programme.completed) await run(client, "programme-stat", PROGRAMME_STAT, [stats.programme.started, stats.programme.completed, at]);
      }
      if (plan.slices.length) await run(client, "slices", COUNT_SLICES, [module.id, plan.slices, at]);
      for (const d of plan.deltas) await run(client, "counter", ADD_TO_COUNTER, [d.metric, d.key, d.delta, at]);
      await client.query("COMMIT");
      return { row: savedRow(row, input, plan.watchedS, plan.row.completedAt), addedS: plan.addedS, droppedS: plan.droppedS, isReplay: false };
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } catch (error) {
    // A failed BEGIN, COMMIT or ROLLBACK: this connection's state is unknown, the pool closes it.
    if (!(error instanceof AppError) && !isConflict(error)) releaseError = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(releaseError);
  }
}
