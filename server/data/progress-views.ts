import "server-only";
import type { ModuleState } from "@/lib/learner-summary";
import type { Actor } from "@/lib/permissions";
import { getModule } from "../content";
import { instantColumn, instantOf, readRows } from "../db";

/**
 * What the learner's pages (home, chapter, module, Mon parcours) read per request, and only that:
 * the learner's path setting with their progress in one read, without the watched intervals (the
 * largest column, which these pages never show). The programme itself is read once per process
 * (server/content); the writes are in progress.ts.
 */
export type LearnerPageState = {
  isNeutralPath: boolean;
  states: Map<string, ModuleState>;
  /** Whether they learn in at least one group: without one, their groups and to-do list need no reading. */
  isInCohort: boolean;
};

// Read with prepared statements (readRows), not Prisma: these run on every page view of every
// learner, and Prisma's query compiler cost more CPU than the rest of the read (see server/db.ts).
type StateRow = {
  prefersNeutralPath: unknown;
  isInCohort: unknown;
  hasAttestation: unknown;
  moduleId: string | null;
  watchedS: number | null;
  isCompleted: unknown;
  updatedAt: unknown;
};

/**
 * One row per module the learner opened (one with null module columns when none), each with the
 * learner's own columns — computed once, in the inner query, not once per module row.
 */
function readStateRows(userId: string): Promise<StateRow[]> {
  return readRows<StateRow>(
    "learner-page-state",
    `SELECT u."prefersNeutralPath", u."isInCohort", u."hasAttestation",
       p."moduleId", p."watchedS", p."completedAt" IS NOT NULL AS "isCompleted", ${instantColumn(`p."updatedAt"`)} AS "updatedAt"
     FROM (
       SELECT "id", "prefersNeutralPath",
         EXISTS (SELECT 1 FROM "CohortMember" m WHERE m."userId" = "User"."id" AND m."role" = 'learner') AS "isInCohort",
         EXISTS (SELECT 1 FROM "Attestation" a WHERE a."userId" = "User"."id") AS "hasAttestation"
       FROM "User" WHERE "id" = $1
     ) u LEFT JOIN "ModuleProgress" p ON p."userId" = u."id"`,
    [userId],
  );
}

/** SQLite answers booleans as 0 and 1, PostgreSQL as booleans. */
const truthy = (value: unknown) => value === true || value === 1 || value === 1n;

/** Same statuses as progress.ts's views: a row means started, a completion time completed; modules no longer in the programme are left out. */
function toStates(rows: StateRow[]): Map<string, ModuleState> {
  const states = new Map<string, ModuleState>();
  for (const row of rows) {
    if (!row.moduleId || !getModule(row.moduleId)) continue;
    states.set(row.moduleId, { status: truthy(row.isCompleted) ? "completed" : "in-progress", watchedS: Number(row.watchedS), updatedAt: instantOf(row.updatedAt) });
  }
  return states;
}

/** The learner's own part of the rows: path, group, and the state of each module. */
function pageStateOf(rows: StateRow[]): LearnerPageState {
  return { isNeutralPath: truthy(rows[0]?.prefersNeutralPath), states: toStates(rows), isInCohort: truthy(rows[0]?.isInCohort) };
}

/** The signed-in learner's path (parcours neutre or not) and their state in every module they opened. */
export async function getLearnerPageState(actor: Actor): Promise<LearnerPageState> {
  return pageStateOf(await readStateRows(actor.id));
}

/** Mon parcours: the same, and whether the learner's attestation was issued. */
export async function getProgressPageState(actor: Actor): Promise<LearnerPageState & { hasAttestation: boolean }> {
  const rows = await readStateRows(actor.id);
  return { ...pageStateOf(rows), hasAttestation: truthy(rows[0]?.hasAttestation) };
}

export type ModulePageProgress = {
  status: ModuleState["status"];
  watchedS: number;
  lastPositionS: number;
  quizBestScore: number | null;
  quizTotal: number | null;
  isQuizPassed: boolean;
};

type ModuleStateRow = {
  prefersNeutralPath: unknown;
  progressId: string | null;
  watchedS: number | null;
  lastPositionS: number | null;
  quizBestScore: number | null;
  quizTotal: number | null;
  isQuizPassed: unknown;
  isCompleted: unknown;
};

/** The signed-in learner's path and their progress in one module (null: not started), in one read. */
export async function getModulePageState(actor: Actor, moduleId: string): Promise<{ isNeutralPath: boolean; progress: ModulePageProgress | null }> {
  const [row] = await readRows<ModuleStateRow>(
    "module-page-state",
    `SELECT u."prefersNeutralPath", p."id" AS "progressId", p."watchedS", p."lastPositionS", p."quizBestScore", p."quizTotal",
       p."quizPassedAt" IS NOT NULL AS "isQuizPassed", p."completedAt" IS NOT NULL AS "isCompleted"
     FROM "User" u LEFT JOIN "ModuleProgress" p ON p."userId" = u."id" AND p."moduleId" = $2
     WHERE u."id" = $1`,
    [actor.id, moduleId],
  );
  return {
    isNeutralPath: truthy(row?.prefersNeutralPath),
    progress: row?.progressId
      ? {
          status: truthy(row.isCompleted) ? "completed" : "in-progress",
          watchedS: Number(row.watchedS),
          lastPositionS: Number(row.lastPositionS),
          quizBestScore: row.quizBestScore === null ? null : Number(row.quizBestScore),
          quizTotal: row.quizTotal === null ? null : Number(row.quizTotal),
          isQuizPassed: truthy(row.isQuizPassed),
        }
      : null,
  };
}
