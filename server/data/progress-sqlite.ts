import "server-only";
import { randomUUID } from "node:crypto";
import type { Statement } from "better-sqlite3";
import { AppError } from "@/lib/errors";
import { planReport } from "@/lib/progress-report-plan";
import { getSqliteDriver, instantOf, type SqliteDriver } from "../db";
import { savedRow, type FastReport, type FastResult, type ProgressRow } from "./progress-row";

/**
 * The heartbeat's hot path on SQLite: a report recorded with prepared statements on Prisma's own
 * connection, under Prisma's own transaction lock (so it never interleaves with a Prisma
 * transaction), in one transaction: the replay check, the learner and their progress row in one read,
 * then the learner's watch periods (and last active day), the progress row (created on a first
 * report), the report, and the counters this report moves — retention slices, learners active by
 * day, modules watched enough, learners who started the module, its chapter or the programme.
 * Prisma 6's query compiler costs 1–5 ms of CPU per query on this machine (measured), so the first
 * report of a module or of a day, which took about a dozen Prisma queries (≈ 50 ms of CPU) on the
 * full path, is here too. Only a report that completes the module (the quiz already passed) returns
 * "fallback", before any write, and takes the full path in progress.ts, which keeps the completion
 * counters. Same arithmetic, same rows, same counters, same answer as that path: the counters
 * integration test (tests/integration/stat-counters.test.ts) recounts them after every batch.
 */
type Statements = {
  replay: Statement<[string, string]>;
  learner: Statement<[string, string]>;
  updateLearner: Statement<[string, string | null, string, string]>;
  updateProgress: Statement<[string, number, number, string, string, string]>;
  insertProgress: Statement<[string, string, string, string, string, number, number, string, string, string]>;
  insertReport: Statement<[string, string, string, string, number, string]>;
  countSlice: Statement<[string, number, string]>;
  countModuleStarted: Statement<[string, string, string]>;
  countChapterStarted: Statement<[string, string]>;
  countProgrammeStarted: Statement<[string]>;
  startedInChapter: Statement<[string, string]>;
  startedInProgramme: Statement<[string]>;
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
        `SELECT u."lastActiveOn", u."watchPeriods", p."id" AS "progressId", p."intervals", p."watchedS", p."lastPositionS", p."quizBestScore",
                p."quizTotal", p."quizPassedAt", p."completedAt", p."updatedAt"
           FROM "User" u LEFT JOIN "ModuleProgress" p ON p."userId" = u."id" AND p."moduleId" = ?
          WHERE u."id" = ?`,
      ),
      updateLearner: client.prepare(`UPDATE "User" SET "watchPeriods" = ?, "lastActiveOn" = ?, "updatedAt" = ? WHERE "id" = ?`),
      updateProgress: client.prepare(
        `UPDATE "ModuleProgress" SET "intervals" = ?, "watchedS" = ?, "lastPositionS" = ?, "lastReportAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
      ),
      insertProgress: client.prepare(
        `INSERT INTO "ModuleProgress" ("id", "userId", "moduleId", "chapterId", "intervals", "watchedS", "lastPositionS", "lastReportAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertReport: client.prepare(
        `INSERT INTO "ProgressReport" ("userId", "reportId", "moduleId", "sessionStartedAt", "addedS", "receivedAt") VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      countSlice: client.prepare(
        `INSERT INTO "ModuleSliceStat" ("moduleId", "slice", "watchedCount", "updatedAt") VALUES (?, ?, 1, ?)
         ON CONFLICT ("moduleId", "slice") DO UPDATE SET "watchedCount" = "watchedCount" + 1, "updatedAt" = excluded."updatedAt"`,
      ),
      countModuleStarted: client.prepare(
        `INSERT INTO "ModuleStat" ("moduleId", "chapterId", "startedCount", "completedCount", "updatedAt") VALUES (?, ?, 1, 0, ?)
         ON CONFLICT ("moduleId") DO UPDATE SET "startedCount" = "startedCount" + 1, "updatedAt" = excluded."updatedAt"`,
      ),
      countChapterStarted: client.prepare(
        `INSERT INTO "ChapterStat" ("chapterId", "startedCount", "completedCount", "updatedAt") VALUES (?, 1, 0, ?)
         ON CONFLICT ("chapterId") DO UPDATE SET "startedCount" = "startedCount" + 1, "updatedAt" = excluded."updatedAt"`,
      ),
      countProgrammeStarted: client.prepare(
        `INSERT INTO "ProgrammeStat" ("id", "startedCount", "completedCount", "updatedAt") VALUES ('programme', 1, 0, ?)
         ON CONFLICT ("id") DO UPDATE SET "startedCount" = "startedCount" + 1, "updatedAt" = excluded."updatedAt"`,
      ),
      startedInChapter: client.prepare(`SELECT COUNT(*) AS "n" FROM "ModuleProgress" WHERE "userId" = ? AND "chapterId" = ?`),
      startedInProgramme: client.prepare(`SELECT COUNT(*) AS "n" FROM "ModuleProgress" WHERE "userId" = ?`),
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

export async function recordProgressSqlite(input: FastReport): Promise<FastResult> {
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
          quizPassedAt: instantOf(found.quizPassedAt),
          completedAt: instantOf(found.completedAt),
          updatedAt: new Date(String(found.updatedAt)),
        }
      : null;
    if (statements.replay.get(userId, input.reportId)) return { row, addedS: 0, droppedS: 0, isReplay: true };

    const plan = planReport(
      { lastActiveOn: found.lastActiveOn, watchPeriods: found.watchPeriods, progress: row && { intervals: found.intervals ?? "[]", watchedS: row.watchedS, quizPassedAt: row.quizPassedAt, completedAt: row.completedAt } },
      { module, sessionStartedAt: input.sessionStartedAt, reported: input.reported, now },
    );
    if (plan.kind === "completes") return "fallback";
    const { addedS, droppedS, watchedS } = plan;

    const at = stamp(now);
    if (plan.learner) statements.updateLearner.run(plan.learner.watchPeriods, plan.learner.lastActiveOn, at, userId);
    if (row) statements.updateProgress.run(plan.intervalsText, watchedS, input.positionS, at, at, found.progressId!);
    // Prisma's own rows get a cuid; these a UUID (ids are opaque: nothing orders or parses them).
    else statements.insertProgress.run(randomUUID(), userId, module.id, module.chapterId, plan.intervalsText, watchedS, input.positionS, at, at, at);
    statements.insertReport.run(userId, input.reportId, module.id, stamp(input.sessionStartedAt), addedS, at);
    if (plan.isFirstReport) {
      statements.countModuleStarted.run(module.id, module.chapterId, at);
      if (Number((statements.startedInChapter.get(userId, module.chapterId) as { n: bigint | number }).n) === 1) statements.countChapterStarted.run(module.chapterId, at);
      if (Number((statements.startedInProgramme.get(userId) as { n: bigint | number }).n) === 1) statements.countProgrammeStarted.run(at);
    }
    for (const slice of plan.slices) statements.countSlice.run(module.id, slice, at);
    for (const d of plan.deltas) statements.addToCounter.run(d.metric, d.key, d.delta, at);
    statements.commit.run();
    isCommitted = true;
    return { row: savedRow(row, input, watchedS), addedS, droppedS, isReplay: false };
  } finally {
    if (!isCommitted) statements.rollback.run();
    await (isCommitted ? transaction.commit() : transaction.rollback());
  }
}
