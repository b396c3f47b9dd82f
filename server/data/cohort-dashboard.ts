import "server-only";
import { stringify as stringifySync } from "csv-stringify/sync";
import { dayOf } from "@/lib/calendar-day";
import { itemSlots, type DueKind, type ItemKind } from "@/lib/cohorts/assignments";
import { buildDashboard, liveAttendanceOf, type DashboardAssignment, type DashboardLearner, type LiveAttendance, type ProgressFact } from "@/lib/cohorts/dashboard";
import { csvColumns, csvLearnerRecords } from "@/lib/cohorts/dashboard-csv";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { getProgramme } from "../content";
import { getDb, instantColumn, instantMs, instantOf, isPostgres, readRows } from "../db";
import { recordAudit } from "./audit";
import { requireTrainedCohort } from "./cohorts";

/**
 * The cohort dashboard. Reads a fixed number of statements whatever the cohort's size: the access
 * check, the cohort, its assignments and their extensions, its learners with their last activity,
 * their progress rows in the assigned modules, and the cohort's live sessions attended. The arithmetic is lib/cohorts/dashboard.ts.
 * Every read, the access check included, is a prepared statement on the driver (readRows), not
 * Prisma: with a thousand learners, Prisma's query compiler and driver adapter cost most of the
 * call's CPU (about 3,000 rows turned into objects twice).
 */

type CohortRowSql = { id: string; name: string; reminderDaysBefore: number };
type AssignmentRowSql = { id: string; itemKind: string; itemId: string; dueKind: string; dueOn: string | null; dueDays: number | null };
type ExtensionRowSql = { assignmentId: string; userId: string; dueOn: string };

/** The cohort, its assignments (oldest first) and their extensions: three prepared statements. */
async function loadCohort(cohortId: string) {
  const [[cohort], assignmentRows, extensionRows] = await Promise.all([
    readRows<CohortRowSql>("dashboard-cohort", `SELECT "id", "name", "reminderDaysBefore" FROM "Cohort" WHERE "id" = $1`, [cohortId]),
    readRows<AssignmentRowSql>(
      "dashboard-assignments",
      `SELECT "id", "itemKind", "itemId", "dueKind", "dueOn", "dueDays" FROM "Assignment" WHERE "cohortId" = $1 ORDER BY "createdAt", "id"`,
      [cohortId],
    ),
    readRows<ExtensionRowSql>(
      "dashboard-extensions",
      `SELECT e."assignmentId", e."userId", e."dueOn" FROM "AssignmentExtension" e JOIN "Assignment" a ON a."id" = e."assignmentId" WHERE a."cohortId" = $1`,
      [cohortId],
    ),
  ]);
  if (!cohort) throw new AppError("NOT_FOUND");
  const programme = getProgramme();
  const assignments: DashboardAssignment[] = assignmentRows
    .map((a) => ({ id: a.id, itemKind: a.itemKind as ItemKind, itemId: a.itemId, dueKind: a.dueKind as DueKind, dueOn: a.dueOn, dueDays: a.dueDays === null ? null : Number(a.dueDays) }))
    .filter((a) => itemSlots(programme, a).length > 0);
  const extensions = extensionRows.map((e) => ({ assignmentId: e.assignmentId, userId: e.userId, dueOn: e.dueOn }));
  const moduleIds = [...new Set(assignments.flatMap((a) => itemSlots(programme, a).flat()))];
  return { cohort, assignments, extensions, moduleIds, programme };
}

type LearnerRowSql = { userId: string; joinedAt: unknown; name: string; email: string; lastActivity?: unknown };
type FactRowSql = { userId: string; moduleId: string; watchedS: number; completedAt: unknown; updatedAt?: unknown };

/**
 * Where the learners' last activity and the assigned modules' rows are picked out. On PostgreSQL
 * every row crosses a socket and is parsed by the driver: the database does it (a learner's newest
 * row, found by the index on userId, moduleId; only the assigned modules' rows sent), which halves
 * the call's CPU with a thousand learners. On SQLite, in the process, a row costs little but a
 * correlated sub-select per learner and json_each cost more than they save: every row of the cohort's
 * learners is read, and both are picked out here.
 */
const isPickedByDatabase = () => isPostgres();

/** One page of a cohort's learners by name ($2 how many, $3 how many skipped), as a sub-select. */
const PAGE_OF_LEARNERS = `SELECT p."userId" FROM (
    SELECT cm2."userId" FROM "CohortMember" cm2 JOIN "User" u2 ON u2."id" = cm2."userId"
    WHERE cm2."cohortId" = $1 AND cm2."role" = 'learner' ORDER BY u2."name", cm2."userId" LIMIT $2 OFFSET $3) p`;

/** The cohort's learners ($1 the cohort), or one page of them by name, with their last activity when the database picks it. */
const LEARNERS_SQL = (isPage: boolean) => `
  SELECT cm."userId", ${instantColumn(`cm."joinedAt"`)} AS "joinedAt", u."name", u."email"${
    isPickedByDatabase() ? `, ${instantColumn(`(SELECT MAX(mp."updatedAt") FROM "ModuleProgress" mp WHERE mp."userId" = cm."userId")`)} AS "lastActivity"` : ""
  }
  FROM "CohortMember" cm JOIN "User" u ON u."id" = cm."userId"
  WHERE cm."cohortId" = $1 AND cm."role" = 'learner'${isPage ? ` ORDER BY u."name", cm."userId" LIMIT $2 OFFSET $3` : ""}`;

/**
 * Those learners' progress rows: a join from the cohort's memberships. When the database picks
 * them, only the assigned modules' ($2, or $4 for a page: an array); else every row, with its
 * last change.
 */
const FACTS_SQL = (isPage: boolean) => `
  SELECT mp."userId", mp."moduleId", mp."watchedS", ${instantColumn(`mp."completedAt"`)} AS "completedAt"${isPickedByDatabase() ? "" : `, ${instantColumn(`mp."updatedAt"`)} AS "updatedAt"`}
  FROM "CohortMember" cm JOIN "ModuleProgress" mp ON mp."userId" = cm."userId"
  WHERE cm."cohortId" = $1 AND cm."role" = 'learner'${isPickedByDatabase() ? ` AND mp."moduleId" = ANY($${isPage ? 4 : 2}::text[])` : ""}${
    isPage ? ` AND cm."userId" IN (${PAGE_OF_LEARNERS})` : ""
  }`;

/**
 * Learners of a cohort (optionally one page of them, by name) with their last activity, and their
 * progress rows in the assigned modules: two statements whatever the cohort's size. They are joins
 * that start from the cohort's memberships, so the database reads only this cohort's rows (a
 * relation filter on ModuleProgress made SQLite scan every learner's progress on the platform).
 */
async function loadLearnerFacts(cohortId: string, moduleIds: readonly string[], page?: { skip: number; take: number }) {
  const isPage = !!page;
  const byDatabase = isPickedByDatabase();
  const values = page ? [cohortId, page.take, page.skip] : [cohortId];
  const [members, rows] = await Promise.all([
    readRows<LearnerRowSql>(isPage ? "cohort-learners-page" : "cohort-learners", LEARNERS_SQL(isPage), values),
    readRows<FactRowSql>(isPage ? "cohort-facts-page" : "cohort-facts", FACTS_SQL(isPage), byDatabase ? [...values, [...moduleIds]] : values),
  ]);
  const learners: (DashboardLearner & { email: string })[] = members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, joinedAt: instantOf(m.joinedAt)! }));
  const lastActivityMs = new Map<string, number>();
  if (byDatabase) {
    for (const m of members) if (m.lastActivity !== null && m.lastActivity !== undefined) lastActivityMs.set(m.userId, instantMs(m.lastActivity)!);
  } else {
    for (const row of rows) {
      const updatedMs = instantMs(row.updatedAt)!;
      const last = lastActivityMs.get(row.userId);
      if (last === undefined || updatedMs > last) lastActivityMs.set(row.userId, updatedMs);
    }
  }
  const assigned = new Set(moduleIds);
  const facts: ProgressFact[] = [];
  for (const row of rows) {
    if (assigned.has(row.moduleId)) facts.push({ userId: row.userId, moduleId: row.moduleId, watchedS: Number(row.watchedS), completedAt: instantOf(row.completedAt) });
  }
  const lastActivity = new Map([...lastActivityMs].map(([userId, ms]) => [userId, new Date(ms)]));
  return { learners, facts, lastActivity };
}

/** Sessions held ($2: now, in ms): not cancelled, started. The same rule as lib/live/sessions.ts hasStarted. */
const HELD_SESSION = () => `s."cohortId" = $1 AND s."cancelledAt" IS NULL AND ${instantColumn(`s."startsAt"`)} <= $2`;

/**
 * The cohort's live sessions held, and how many of them each learner attended (marked present):
 * one statement for the whole cohort, whatever its size — a row with no user for the sessions
 * held, then a row per learner present at least once.
 */
const LIVE_ATTENDANCE_SQL = () => `
  SELECT NULL AS "userId", COUNT(*) AS "count" FROM "LiveSession" s WHERE ${HELD_SESSION()}
  UNION ALL
  SELECT r."userId", COUNT(*) AS "count" FROM "LiveRegistration" r JOIN "LiveSession" s ON s."id" = r."sessionId"
  WHERE ${HELD_SESSION()} AND r."attended" = true
  GROUP BY r."userId"`;

async function loadLiveAttendance(cohortId: string, now: Date): Promise<LiveAttendance> {
  return liveAttendanceOf(await readRows<{ userId: string | null; count: number | string }>("cohort-live-attendance", LIVE_ATTENDANCE_SQL(), [cohortId, now.getTime()]));
}

export async function getCohortDashboard(actor: Actor, cohortId: string, now = new Date()) {
  await requireTrainedCohort(actor, cohortId);
  // The assignments say which modules' rows to read.
  const [{ cohort, assignments, extensions, moduleIds, programme }, liveAttendance] = await Promise.all([loadCohort(cohortId), loadLiveAttendance(cohortId, now)]);
  const { learners, facts, lastActivity } = await loadLearnerFacts(cohortId, moduleIds);
  const today = dayOf(now);
  const { rows, summaries } = buildDashboard({ programme, assignments, learners, facts, extensions, lastActivity, liveAttendance, today });
  return { cohort: { id: cohort.id, name: cohort.name }, assignments, rows, summaries, liveHeldCount: liveAttendance.heldCount, today };
}

/**
 * One learner seen by a trainer of their cohort: every module they opened, time watched, quiz
 * best scores, last activity. Each opening writes an audit entry (who looked at whose data, when),
 * in the same transaction as the read.
 */
export async function getLearnerDetail(actor: Actor, cohortId: string, userId: string, now = new Date()) {
  await requireTrainedCohort(actor, cohortId);
  const db = getDb();
  const membership = await db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { role: true, joinedAt: true, user: { select: { name: true, email: true } } },
  });
  if (!membership || membership.role !== "learner") throw new AppError("NOT_FOUND");
  const [modules] = await db.$transaction([
    db.moduleProgress.findMany({
      where: { userId },
      orderBy: [{ chapterId: "asc" }, { moduleId: "asc" }],
      select: { moduleId: true, chapterId: true, watchedS: true, quizBestScore: true, quizTotal: true, quizPassedAt: true, completedAt: true, updatedAt: true },
    }),
    recordAudit(db, { action: "learner.viewed", actorId: actor.id, targetUserId: userId, details: { cohortId }, createdAt: now }),
  ]);
  const { cohort, assignments, extensions, programme } = await loadCohort(cohortId);
  const learner = { userId, name: membership.user.name, joinedAt: membership.joinedAt };
  const lastActivityAt = modules.reduce<Date | null>((last, m) => (!last || m.updatedAt > last ? m.updatedAt : last), null);
  const { rows } = buildDashboard({
    programme,
    assignments,
    learners: [learner],
    facts: modules.map((m) => ({ ...m, userId })),
    extensions: extensions.filter((e) => e.userId === userId),
    lastActivity: new Map(lastActivityAt ? [[userId, lastActivityAt]] : []),
    today: dayOf(now),
  });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    learner: { ...learner, email: membership.user.email },
    assignments,
    cells: rows[0]!.cells,
    lastActivityAt,
    totalWatchedS: modules.reduce((s, m) => s + m.watchedS, 0),
    modules: modules.filter((m) => programme.modulesById.has(m.moduleId)),
  };
}

const CSV_PAGE_SIZE = 500;

/**
 * The dashboard as CSV, streamed: learners are read 500 at a time, each page is turned into CSV
 * text (csv-stringify) and handed to the response when the client asks for more, so a big cohort
 * is never held in memory as one string. Long format: one line per learner and assignment (one line
 * per learner when nothing is assigned), with French spreadsheet conventions (BOM, ";", decimal
 * comma: lib/cohorts/dashboard-csv.ts). The live sessions attended are read once, for the whole cohort.
 */
export async function streamCohortCsv(actor: Actor, cohortId: string, now = new Date()): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  await requireTrainedCohort(actor, cohortId);
  // One audit entry per export, written before the first page is read (not one per page).
  const db = getDb();
  await db.$transaction(async (tx) => {
    const learners = await tx.cohortMember.count({ where: { cohortId, role: "learner" } });
    await recordAudit(tx, { action: "cohort.exported", actorId: actor.id, details: { cohortId, learners }, createdAt: now });
  });
  const [{ cohort, assignments, extensions, moduleIds, programme }, liveAttendance] = await Promise.all([loadCohort(cohortId), loadLiveAttendance(cohortId, now)]);
  const today = dayOf(now);
  const encoder = new TextEncoder();
  let skip = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const isFirstPage = skip === 0;
      const { learners, facts, lastActivity } = await loadLearnerFacts(cohortId, moduleIds, { skip, take: CSV_PAGE_SIZE });
      skip += learners.length;
      const { rows } = buildDashboard({ programme, assignments, learners, facts, extensions, lastActivity, liveAttendance, today });
      const emailOf = new Map(learners.map((l) => [l.userId, l.email]));
      const watchedOf = new Map<string, Map<string, number>>();
      for (const f of facts) {
        if (!watchedOf.has(f.userId)) watchedOf.set(f.userId, new Map());
        watchedOf.get(f.userId)!.set(f.moduleId, f.watchedS);
      }
      const records = rows.flatMap((row) =>
        csvLearnerRecords({ row, email: emailOf.get(row.userId) ?? "", assignments, programme, watchedByModule: watchedOf.get(row.userId) ?? new Map() }),
      );
      const text = stringifySync(records, { bom: isFirstPage, header: isFirstPage, columns: csvColumns(), delimiter: ";", record_delimiter: "\r\n" });
      if (text) controller.enqueue(encoder.encode(text));
      if (learners.length < CSV_PAGE_SIZE) controller.close();
    },
  });
  const safeName = cohort.name.normalize("NFD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "cohorte";
  return { filename: `tableau-de-bord-${safeName}-${today}.csv`, stream };
}
