import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { AppError } from "@/lib/errors";
import { planReport } from "@/lib/progress-report-plan";
import { getPgPool } from "../db";
import { savedRow, type FastReport, type FastResult, type ProgressRow } from "./progress-row";

/**
 * The heartbeat's hot path on PostgreSQL: named (server-side prepared) statements on a connection of
 * Prisma's own pool, in one READ COMMITTED transaction that first locks the learner's row (FOR
 * UPDATE), then their progress row in the module. Every heartbeat of a learner takes that lock first,
 * so a learner's reports are recorded one after the other (their watch budget, intervals and replay
 * check read under it), while different learners only meet on counter rows, which are bumped with
 * atomic upserts in one fixed order (module started, chapter, programme, retention slices ascending,
 * then the other counters sorted) — no serialization failures to retry, unlike the serializable full
 * path, whose conflicts on those rows made two instances answer 8 heartbeats a second. A Prisma
 * transaction touching the same rows (a quiz attempt) is serializable: it waits for the lock and
 * retries when this one committed first; this one reads its committed result when it waited.
 * A deadlock, a serialization failure or a unique violation (a quiz creating the same progress row
 * at the same instant) rolls back and returns "fallback": the full path records the report.
 */

// The replay check rides on the learner's read: one round trip fewer. Its snapshot is the
// statement's, taken before the lock was granted, so a copy of this report committed by a
// concurrent request while this one waited is not seen here: the report's insert then meets the
// unique key (23505) and the full path records it — as a replay.
const LEARNER = `SELECT "lastActiveOn", "watchPeriods",
    EXISTS (SELECT 1 FROM "ProgressReport" WHERE "userId" = $1 AND "reportId" = $2) AS "isReplay"
  FROM "User" WHERE "id" = $1 FOR UPDATE`;
// Timestamps are stored without time zone, in UTC (Prisma's convention): read as instants.
const PROGRESS = `SELECT "id", "intervals", "watchedS", "lastPositionS", "quizBestScore", "quizTotal",
    "quizPassedAt" AT TIME ZONE 'UTC' AS "quizPassedAt", "completedAt" AT TIME ZONE 'UTC' AS "completedAt", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
  FROM "ModuleProgress" WHERE "userId" = $1 AND "moduleId" = $2 FOR UPDATE`;
// The learner's own rows (theirs alone, already locked or new) in one statement: the learner's
// budget (when the plan changes it: $8), the progress row (updated, or inserted), the report.
// $1 user, $2 report, $3 module, $4 session start, $5 added seconds, $6 now, $7 watch periods,
// $8 whether to update the learner, $9 last active day, $10 intervals, $11 watched, $12 position.
const OWN_ROWS = (progress: string) => `WITH "learner" AS (
    UPDATE "User" SET "watchPeriods" = $7, "lastActiveOn" = $9, "updatedAt" = $6 WHERE "id" = $1 AND $8::boolean
  ), "progress" AS (${progress})
  INSERT INTO "ProgressReport" ("userId", "reportId", "moduleId", "sessionStartedAt", "addedS", "receivedAt") VALUES ($1, $2, $3, $4, $5, $6)`;
const UPDATE_PROGRESS = OWN_ROWS(`UPDATE "ModuleProgress" SET "intervals" = $10, "watchedS" = $11, "lastPositionS" = $12, "lastReportAt" = $6, "updatedAt" = $6 WHERE "id" = $13`);
const INSERT_PROGRESS = OWN_ROWS(`INSERT INTO "ModuleProgress" ("id", "userId", "moduleId", "chapterId", "intervals", "watchedS", "lastPositionS", "lastReportAt", "createdAt", "updatedAt")
    VALUES ($13, $1, $3, $14, $10, $11, $12, $6, $6, $6)`);
const COUNT_MODULE_STARTED = `INSERT INTO "ModuleStat" ("moduleId", "chapterId", "startedCount", "completedCount", "updatedAt") VALUES ($1, $2, 1, 0, $3)
  ON CONFLICT ("moduleId") DO UPDATE SET "startedCount" = "ModuleStat"."startedCount" + 1, "updatedAt" = excluded."updatedAt"`;
const COUNT_CHAPTER_STARTED = `INSERT INTO "ChapterStat" ("chapterId", "startedCount", "completedCount", "updatedAt") VALUES ($1, 1, 0, $2)
  ON CONFLICT ("chapterId") DO UPDATE SET "startedCount" = "ChapterStat"."startedCount" + 1, "updatedAt" = excluded."updatedAt"`;
const COUNT_PROGRAMME_STARTED = `INSERT INTO "ProgrammeStat" ("id", "startedCount", "completedCount", "updatedAt") VALUES ('programme', 1, 0, $1)
  ON CONFLICT ("id") DO UPDATE SET "startedCount" = "ProgrammeStat"."startedCount" + 1, "updatedAt" = excluded."updatedAt"`;
const STARTED_IN_CHAPTER = `SELECT COUNT(*)::int AS "n" FROM "ModuleProgress" WHERE "userId" = $1 AND "chapterId" = $2`;
const STARTED_IN_PROGRAMME = `SELECT COUNT(*)::int AS "n" FROM "ModuleProgress" WHERE "userId" = $1`;
// Every slice of the report in one statement, in ascending order (the plan's): the rows are locked
// in that order, as every heartbeat locks them.
const COUNT_SLICES = `INSERT INTO "ModuleSliceStat" ("moduleId", "slice", "watchedCount", "updatedAt")
  SELECT $1, "slice", 1, $3 FROM unnest($2::int[]) WITH ORDINALITY AS s("slice", "n") ORDER BY "n"
  ON CONFLICT ("moduleId", "slice") DO UPDATE SET "watchedCount" = "ModuleSliceStat"."watchedCount" + 1, "updatedAt" = excluded."updatedAt"`;
const ADD_TO_COUNTER = `INSERT INTO "StatCounter" ("metric", "key", "value", "updatedAt") VALUES ($1, $2, $3, $4)
  ON CONFLICT ("metric", "key") DO UPDATE SET "value" = "StatCounter"."value" + excluded."value", "updatedAt" = excluded."updatedAt"`;

/** SQLSTATEs after which the full path records the report instead: serialization failure, deadlock, unique violation. */
const FALL_BACK_ON = new Set(["40001", "40P01", "23505"]);

type ProgressRecord = Omit<ProgressRow, "moduleId"> & { id: string; intervals: string };

/** A named statement: PostgreSQL parses and plans it once per connection. */
function run<R extends object = Record<string, unknown>>(client: PoolClient, name: string, text: string, values: unknown[]) {
  return client.query<R>({ name: `heartbeat-${name}`, text, values });
}

export async function recordProgressPostgres(input: FastReport): Promise<FastResult> {
  const pool = await getPgPool();
  if (!pool) return "fallback";
  const { userId, module, now } = input;
  const client = await pool.connect();
  let releaseError: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      const learner = (await run<{ lastActiveOn: string | null; watchPeriods: string; isReplay: boolean }>(client, "learner", LEARNER, [userId, input.reportId])).rows[0];
      if (!learner) throw new AppError("UNAUTHENTICATED");
      const found = (await run<ProgressRecord>(client, "progress", PROGRESS, [userId, module.id])).rows[0];
      const row: ProgressRow | null = found ? { moduleId: module.id, watchedS: found.watchedS, lastPositionS: found.lastPositionS, quizBestScore: found.quizBestScore, quizTotal: found.quizTotal, quizPassedAt: found.quizPassedAt, completedAt: found.completedAt, updatedAt: found.updatedAt } : null;
      if (learner.isReplay) {
        await client.query("ROLLBACK");
        return { row, addedS: 0, droppedS: 0, isReplay: true };
      }
      const plan = planReport(
        { lastActiveOn: learner.lastActiveOn, watchPeriods: learner.watchPeriods, progress: found ? { intervals: found.intervals, watchedS: found.watchedS, quizPassedAt: found.quizPassedAt, completedAt: found.completedAt } : null },
        { module, sessionStartedAt: input.sessionStartedAt, reported: input.reported, now },
      );
      if (plan.kind === "completes") {
        await client.query("ROLLBACK");
        return "fallback";
      }
      // Timestamps as ISO text: PostgreSQL keeps the UTC wall time in a column without time zone.
      const at = now.toISOString();
      const own = [userId, input.reportId, module.id, input.sessionStartedAt.toISOString(), plan.addedS, at, plan.learner?.watchPeriods ?? learner.watchPeriods, !!plan.learner, plan.learner?.lastActiveOn ?? learner.lastActiveOn, plan.intervalsText, plan.watchedS, input.positionS];
      if (found) await run(client, "update-progress", UPDATE_PROGRESS, [...own, found.id]);
      // Prisma's own rows get a cuid; these a UUID (ids are opaque: nothing orders or parses them).
      else await run(client, "insert-progress", INSERT_PROGRESS, [...own, randomUUID(), module.chapterId]);
      if (plan.isFirstReport) {
        await run(client, "module-started", COUNT_MODULE_STARTED, [module.id, module.chapterId, at]);
        if ((await run<{ n: number }>(client, "in-chapter", STARTED_IN_CHAPTER, [userId, module.chapterId])).rows[0]!.n === 1) await run(client, "chapter-started", COUNT_CHAPTER_STARTED, [module.chapterId, at]);
        if ((await run<{ n: number }>(client, "in-programme", STARTED_IN_PROGRAMME, [userId])).rows[0]!.n === 1) await run(client, "programme-started", COUNT_PROGRAMME_STARTED, [at]);
      }
      if (plan.slices.length) await run(client, "slices", COUNT_SLICES, [module.id, plan.slices, at]);
      for (const d of plan.deltas) await run(client, "counter", ADD_TO_COUNTER, [d.metric, d.key, d.delta, at]);
      await client.query("COMMIT");
      return { row: savedRow(row, input, plan.watchedS), addedS: plan.addedS, droppedS: plan.droppedS, isReplay: false };
    } catch (error) {
      await client.query("ROLLBACK");
      if (FALL_BACK_ON.has((error as { code?: string }).code ?? "")) return "fallback";
      throw error;
    }
  } catch (error) {
    // A failed BEGIN, COMMIT or ROLLBACK: this connection's state is unknown, the pool closes it.
    if (!(error instanceof AppError)) releaseError = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(releaseError);
  }
}
