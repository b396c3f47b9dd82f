import "server-only";
import { randomUUID } from "node:crypto";
import type { Statement } from "better-sqlite3";
import { AppError } from "@/lib/errors";
import { planReport, type LearnerModuleRow, type LearnerState } from "@/lib/progress-report-plan";
import { getProgramme } from "../content";
import { getSqliteDriver, instantMs, instantOf, type SqliteDriver } from "../db";
import { savedRow, type HeartbeatReport, type HeartbeatResult, type ProgressRow } from "./progress-row";

/**
 * The heartbeat on SQLite: a report recorded with prepared statements on Prisma's own connection,
 * under Prisma's own transaction lock (so it never interleaves with a Prisma transaction), in one
 * transaction: the replay check, the learner and their progress row in one read (and their other
 * rows when the plan needs them: a first row in a module, or a completion), then what planReport
 * (lib/progress-report-plan.ts) decided — the learner's watch periods and last active day, the
 * progress row (created on a first report, completed when the report completes the module), the
 * report, and the counters it moves. Prisma 6's query compiler costs 1–5 ms of CPU per query on this
 * machine (measured); a heartbeat took a dozen of them. Decides nothing itself: the counters
 * integration test (tests/integration/stat-counters.test.ts) recounts after every batch.
 */
type Statements = {
  replay: Statement<[string, string]>;
  learner: Statement<[string, string]>;
  updateLearner: Statement<[string, string | null, string, string]>;
  learnerRows: Statement<[string]>;
  updateProgress: Statement<[string, number, number, string, string, string | null, string]>;
  insertProgress: Statement<[string, string, string, string, string, number, number, string, string | null, string, string]>;
  insertReport: Statement<[string, string, string, string, number, string]>;
  countSlice: Statement<[string, number, string]>;
  moduleStat: Statement<[string, string, number, number, string]>;
  chapterStat: Statement<[string, number, number, string]>;
  programmeStat: Statement<[number, number, string]>;
  addToCounter: Statement<[string, string, number, string]>;
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
        `SELECT u."lastActiveOn", u."watchPeriods", u."sector", u."department", u."sizeBand", p."id" AS "progressId", p."intervals", p."watchedS",
                p."lastPositionS", p."quizBestScore", p."quizTotal", p."quizPassedAt", p."completedAt", p."createdAt", p."updatedAt"
           FROM "User" u LEFT JOIN "ModuleProgress" p ON p."userId" = u."id" AND p."moduleId" = ?
          WHERE u."id" = ?`,
      ),
      updateLearner: client.prepare(`UPDATE "User" SET "watchPeriods" = ?, "lastActiveOn" = ?, "updatedAt" = ? WHERE "id" = ?`),
      learnerRows: client.prepare(`SELECT "moduleId", "chapterId", "createdAt", "completedAt" FROM "ModuleProgress" WHERE "userId" = ?`),
      updateProgress: client.prepare(
        `UPDATE "ModuleProgress" SET "intervals" = ?, "watchedS" = ?, "lastPositionS" = ?, "lastReportAt" = ?, "updatedAt" = ?, "completedAt" = COALESCE(?, "completedAt") WHERE "id" = ?`,
      ),
      insertProgress: client.prepare(
        `INSERT INTO "ModuleProgress" ("id", "userId", "moduleId", "chapterId", "intervals", "watchedS", "lastPositionS", "lastReportAt", "completedAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertReport: client.prepare(
        `INSERT INTO "ProgressReport" ("userId", "reportId", "moduleId", "sessionStartedAt", "addedS", "receivedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      countSlice: client.prepare(
        `INSERT INTO "ModuleSliceStat" ("moduleId", "slice", "watchedCount", "updatedAt") VALUES (?, ?, 1, ?)
         ON CONFLICT ("moduleId", "slice") DO UPDATE SET "watchedCount" = "watchedCount" + 1, "updatedAt" = excluded."updatedAt"`,
      ),
      moduleStat: client.prepare(
        `INSERT INTO "ModuleStat" ("moduleId", "chapterId", "startedCount", "completedCount", "updatedAt") VALUES (?, ?, ?, ?, ?)
         ON CONFLICT ("moduleId") DO UPDATE SET "startedCount" = "startedCount" + excluded."startedCount", "completedCount" = "completedCount" + excluded."completedCount", "updatedAt" = excluded."updatedAt"`,
      ),
      chapterStat: client.prepare(
        `INSERT INTO "ChapterStat" ("chapterId", "startedCount", "completedCount", "updatedAt") VALUES (?, ?, ?, ?)
         ON CONFLICT ("chapterId") DO UPDATE SET "startedCount" = "startedCount" + excluded."startedCount", "completedCount" = "completedCount" + excluded."completedCount", "updatedAt" = excluded."updatedAt"`,
      ),
      programmeStat: client.prepare(
        `INSERT INTO "ProgrammeStat" ("id", "startedCount", "completedCount", "updatedAt") VALUES ('programme', ?, ?, ?)
         ON CONFLICT ("id") DO UPDATE SET "startedCount" = "startedCount" + excluded."startedCount", "completedCount" = "completedCount" + excluded."completedCount", "updatedAt" = excluded."updatedAt"`,
      ),
      addToCounter: client.prepare(
        `INSERT INTO "StatCounter" ("metric", "key", "value", "updatedAt") VALUES (?, ?, ?, ?)
         ON CONFLICT ("metric", "key") DO UPDATE SET "value" = "value" + excluded."value", "updatedAt" = excluded."updatedAt"`,
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
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

type LearnerRow = {
  lastActiveOn: string | null;
  watchPeriods: string;
  sector: string | null;
  department: string | null;
  sizeBand: string | null;
  progressId: string | null;
  intervals: string | null;
  watchedS: number | null;
  lastPositionS: number | null;
  quizBestScore: bigint | number | null;
  quizTotal: bigint | number | null;
  quizPassedAt: string | null;
  completedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
};

export async function recordProgressSqlite(input: HeartbeatReport): Promise<HeartbeatResult> {
  const driver = await getSqliteDriver();
  if (!driver) throw new Error("No SQLite driver under Prisma");
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
          quizPassedAt: instantOf(found.quizPassedAt),
          completedAt: instantOf(found.completedAt),
          updatedAt: instantOf(found.updatedAt)!,
        }
      : null;
    if (statements.replay.get(userId, input.reportId)) return { row, addedS: 0, droppedS: 0, isReplay: true };

    const state: LearnerState = {
      lastActiveOn: found.lastActiveOn,
      watchPeriods: found.watchPeriods,
      profile: { sector: found.sector, department: found.department, sizeBand: found.sizeBand },
      progress: row && { intervals: found.intervals ?? "[]", watchedS: row.watchedS, quizBestScore: row.quizBestScore, quizPassedAt: row.quizPassedAt, completedAt: row.completedAt, createdAt: instantOf(found.createdAt)! },
    };
    const planInput = { programme: getProgramme(), module, sessionStartedAt: input.sessionStartedAt, reported: input.reported, now };
    let plan = planReport(state, planInput);
    if (plan.kind === "needs-rows") {
      const rows = statements.learnerRows.all(userId) as { moduleId: string; chapterId: string; createdAt: string; completedAt: string | null }[];
      plan = planReport({ ...state, rows: rows.map((r): LearnerModuleRow => ({ moduleId: r.moduleId, chapterId: r.chapterId, createdAt: new Date(instantMs(r.createdAt)!), completedAt: instantOf(r.completedAt) })) }, planInput);
      if (plan.kind === "needs-rows") throw new Error("planReport asked for the learner's rows twice");
    }
    const { addedS, droppedS, watchedS } = plan;

    const at = stamp(now);
    const completedAt = plan.row.completedAt && stamp(plan.row.completedAt);
    if (plan.learner) statements.updateLearner.run(plan.learner.watchPeriods, plan.learner.lastActiveOn, at, userId);
    if (row) statements.updateProgress.run(plan.intervalsText, watchedS, input.positionS, at, at, completedAt, found.progressId!);
    // Prisma's own rows get a cuid; these a UUID (ids are opaque: nothing orders or parses them).
    else statements.insertProgress.run(randomUUID(), userId, module.id, module.chapterId, plan.intervalsText, watchedS, input.positionS, at, completedAt, at, at);
    statements.insertReport.run(userId, input.reportId, module.id, stamp(input.sessionStartedAt), addedS, at);
    const { stats } = plan;
    if (stats) {
      statements.moduleStat.run(module.id, module.chapterId, stats.module.started, stats.module.completed, at);
      if (stats.chapter.started || stats.chapter.completed) statements.chapterStat.run(module.chapterId, stats.chapter.started, stats.chapter.completed, at);
      if (stats.programme.started || stats.programme.completed) statements.programmeStat.run(stats.programme.started, stats.programme.completed, at);
    }
    for (const slice of plan.slices) statements.countSlice.run(module.id, slice, at);
    for (const d of plan.deltas) statements.addToCounter.run(d.metric, d.key, d.delta, at);
    statements.commit.run();
    isCommitted = true;
    return { row: savedRow(row, input, watchedS, plan.row.completedAt), addedS, droppedS, isReplay: false };
  } finally {
    if (!isCommitted) statements.rollback.run();
    await (isCommitted ? transaction.commit() : transaction.rollback());
  }
}
