import "server-only";
import type { ModuleState } from "@/lib/learner-summary";
import type { Actor } from "@/lib/permissions";
import { getModule } from "../content";
import { getDb } from "../db";

/**
 * What the learner's pages (home, chapter, module, Mon parcours) read per request, and only that:
 * the learner's path setting with their progress in one read, without the watched intervals (the
 * largest column, which these pages never show). The programme itself is static and rendered once
 * per process (components/programme/programme-markup.tsx); the writes are in progress.ts.
 */
export type LearnerPageState = {
  isNeutralPath: boolean;
  states: Map<string, ModuleState>;
  /** Whether they learn in at least one group: without one, their groups and to-do list need no reading. */
  isInCohort: boolean;
};

const STATE_COLUMNS = { moduleId: true, watchedS: true, completedAt: true, updatedAt: true } as const;
const ONE_LEARNER_MEMBERSHIP = { where: { role: "learner" }, select: { cohortId: true }, take: 1 } as const;

type StateRow = { moduleId: string; watchedS: number; completedAt: Date | null; updatedAt: Date };

/** Same statuses as progress.ts's views: a row means started, a completion time completed; modules no longer in the programme are left out. */
function toStates(rows: StateRow[]): Map<string, ModuleState> {
  return new Map(
    rows.filter((row) => getModule(row.moduleId)).map((row) => [row.moduleId, { status: row.completedAt ? "completed" : "in-progress", watchedS: row.watchedS, updatedAt: row.updatedAt }]),
  );
}

/** The signed-in learner's path (parcours neutre or not) and their state in every module they opened. */
export async function getLearnerPageState(actor: Actor): Promise<LearnerPageState> {
  const user = await getDb().user.findUnique({
    where: { id: actor.id },
    select: { prefersNeutralPath: true, moduleProgress: { select: STATE_COLUMNS }, cohortMemberships: ONE_LEARNER_MEMBERSHIP },
  });
  return { isNeutralPath: user?.prefersNeutralPath ?? false, states: toStates(user?.moduleProgress ?? []), isInCohort: (user?.cohortMemberships.length ?? 0) > 0 };
}

/** Mon parcours: the same, and whether the learner's attestation was issued. */
export async function getProgressPageState(actor: Actor): Promise<LearnerPageState & { hasAttestation: boolean }> {
  const user = await getDb().user.findUnique({
    where: { id: actor.id },
    select: { prefersNeutralPath: true, moduleProgress: { select: STATE_COLUMNS }, cohortMemberships: ONE_LEARNER_MEMBERSHIP, attestation: { select: { code: true } } },
  });
  return {
    isNeutralPath: user?.prefersNeutralPath ?? false,
    states: toStates(user?.moduleProgress ?? []),
    isInCohort: (user?.cohortMemberships.length ?? 0) > 0,
    hasAttestation: !!user?.attestation,
  };
}

export type ModulePageProgress = {
  status: ModuleState["status"];
  watchedS: number;
  lastPositionS: number;
  quizBestScore: number | null;
  quizTotal: number | null;
  isQuizPassed: boolean;
};

/** The signed-in learner's path and their progress in one module (null: not started), in one read. */
export async function getModulePageState(actor: Actor, moduleId: string): Promise<{ isNeutralPath: boolean; progress: ModulePageProgress | null }> {
  const user = await getDb().user.findUnique({
    where: { id: actor.id },
    select: {
      prefersNeutralPath: true,
      moduleProgress: {
        where: { moduleId },
        select: { watchedS: true, lastPositionS: true, quizBestScore: true, quizTotal: true, quizPassedAt: true, completedAt: true },
      },
    },
  });
  const row = user?.moduleProgress[0];
  return {
    isNeutralPath: user?.prefersNeutralPath ?? false,
    progress: row
      ? {
          status: row.completedAt ? "completed" : "in-progress",
          watchedS: row.watchedS,
          lastPositionS: row.lastPositionS,
          quizBestScore: row.quizBestScore,
          quizTotal: row.quizTotal,
          isQuizPassed: !!row.quizPassedAt,
        }
      : null,
  };
}
