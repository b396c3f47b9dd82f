import "server-only";
import { getDb } from "../db";

/**
 * Bulk writes for the benchmark's generator (scripts/generate-cohort.mts) only: never called by the
 * platform. Creating 1,000 merchants through createUserWithRole would hash 1,000 passwords (scrypt)
 * and recording their progress through recordProgressReport would take thousands of transactions;
 * these insert the same rows in batches. The merchants cannot sign in (their hash is "bench"), and
 * the dashboard counters (ModuleStat, …) are not kept: the cohort dashboard does not read them.
 */

const BATCH = 500;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export type BenchLearner = { id: string; email: string; name: string; sector: string; department: string; sizeBand: string; joinedAt: Date };

/** Merchant accounts, joined to a cohort as learners on their own date. */
export async function insertBenchLearners(cohortId: string, learners: readonly BenchLearner[]) {
  const db = getDb();
  await inBatches(learners, (batch) =>
    db.user.createMany({
      data: batch.map((l) => ({
        id: l.id,
        email: l.email,
        passwordHash: "bench",
        name: l.name,
        role: "merchant",
        sector: l.sector,
        department: l.department,
        sizeBand: l.sizeBand,
        createdAt: l.joinedAt,
      })),
    }),
  );
  await inBatches(learners, (batch) =>
    db.cohortMember.createMany({ data: batch.map((l) => ({ cohortId, userId: l.id, role: "learner", joinedAt: l.joinedAt })) }),
  );
}

export type BenchProgressRow = {
  userId: string;
  moduleId: string;
  chapterId: string;
  watchedS: number;
  completedAt: Date | null;
  updatedAt: Date;
};

/** ModuleProgress rows as the player would leave them: one watched interval from 0, quiz passed when completed. */
export async function insertBenchProgress(rows: readonly BenchProgressRow[]) {
  const db = getDb();
  await inBatches(rows, (batch) =>
    db.moduleProgress.createMany({
      data: batch.map((r) => ({
        userId: r.userId,
        moduleId: r.moduleId,
        chapterId: r.chapterId,
        intervals: JSON.stringify(r.watchedS > 0 ? [[0, r.watchedS]] : []),
        watchedS: r.watchedS,
        lastPositionS: r.watchedS,
        lastReportAt: r.updatedAt,
        quizBestScore: r.completedAt ? 3 : null,
        quizTotal: r.completedAt ? 3 : null,
        quizPassedAt: r.completedAt,
        completedAt: r.completedAt,
        createdAt: new Date(r.updatedAt.getTime() - 3_600_000),
        updatedAt: r.updatedAt,
      })),
    }),
  );
}
