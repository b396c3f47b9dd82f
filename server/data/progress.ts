import "server-only";
import { randomBytes } from "node:crypto";
import type { Module } from "@/lib/content/types";
import { isProgrammeComplete } from "@/lib/course-completion";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { findReportProblem, isWatchedEnough, type Interval } from "@/lib/progress";
import { planQuizAttempt, type LearnerState } from "@/lib/progress-report-plan";
import { gradeQuiz, type QuizResult } from "@/lib/quiz";
import { METRIC, weekKey } from "@/lib/stats/counters";
import { getModule, getProgramme } from "../content";
import { getDb } from "../db";
import { inSerializableTransaction } from "../transactions";
import { isPlaybackSessionOf, readPlaybackSession } from "../playback-session";
import { recordHeartbeat } from "./progress-heartbeat";
import type { ProgressRow } from "./progress-row";
import { applyDeltas, applyStatChanges } from "./stat-counters";

export type ProgressStatus = "not-started" | "in-progress" | "completed";

export type ModuleProgressView = {
  moduleId: string;
  durationS: number;
  watchedS: number;
  lastPositionS: number;
  quizBestScore: number | null;
  quizTotal: number | null;
  isQuizPassed: boolean;
  isWatchedEnough: boolean;
  completedAt: Date | null;
  updatedAt: Date | null;
  status: ProgressStatus;
};

function toView(module: Module, row: ProgressRow | null): ModuleProgressView {
  return {
    moduleId: module.id,
    durationS: module.durationS,
    watchedS: row?.watchedS ?? 0,
    lastPositionS: row?.lastPositionS ?? 0,
    quizBestScore: row?.quizBestScore ?? null,
    quizTotal: row?.quizTotal ?? null,
    isQuizPassed: !!row?.quizPassedAt,
    isWatchedEnough: isWatchedEnough(row?.watchedS ?? 0, module.durationS),
    completedAt: row?.completedAt ?? null,
    updatedAt: row?.updatedAt ?? null,
    status: !row ? "not-started" : row.completedAt ? "completed" : "in-progress",
  };
}

function requireModule(moduleId: string): Module {
  const module = getModule(moduleId);
  if (!module) throw new AppError("UNKNOWN_MODULE");
  return module;
}

export type ProgressReportInput = { reportId: string; moduleId: string; session: string; intervals: Interval[]; positionS: number };

/**
 * Records one heartbeat of the player: merges the watched intervals within the learner's
 * plausibility budget (lib/watch-budget.ts: one budget per learner across tabs and modules), keeps
 * the resume position, completes the module when it is watched enough and its quiz passed, and keeps
 * the dashboard counters — all in one transaction, decided by planReport and written by the engine's
 * writer (progress-heartbeat.ts). A report whose id was already recorded changes nothing. An invalid
 * report is refused whole.
 */
export async function recordProgressReport(actor: Actor, input: ProgressReportInput, now = new Date()) {
  if (!can(actor, "progress:record")) throw new AppError("FORBIDDEN");
  const module = requireModule(input.moduleId);
  const problem = findReportProblem(input.intervals, input.positionS, module.durationS);
  if (problem) throw new AppError(problem);
  const sessionStartedAt = readPlaybackSession(input.session, actor.id, module.id, now.getTime());
  if (!sessionStartedAt) throw new AppError("INVALID_PLAYBACK_SESSION");
  const reported = input.intervals.map(([s, e]) => [s, Math.min(e, module.durationS)] as const);
  const positionS = Math.min(input.positionS, module.durationS);
  const saved = await recordHeartbeat({ userId: actor.id, module, reportId: input.reportId, sessionStartedAt, reported, positionS, now });
  return { progress: toView(module, saved.row), addedS: saved.addedS, droppedS: saved.droppedS, isReplay: saved.isReplay };
}

/**
 * Grades a quiz attempt, keeps the best result, and completes the module when it was watched
 * enough: decided by planQuizAttempt, written here through Prisma in a serializable transaction.
 */
export async function recordQuizAttempt(
  actor: Actor,
  input: { moduleId: string; answers: number[]; attemptId?: string; session?: string },
  now = new Date(),
): Promise<{ result: QuizResult; progress: ModuleProgressView }> {
  if (!can(actor, "progress:record")) throw new AppError("FORBIDDEN");
  const module = requireModule(input.moduleId);
  // Answered by someone else (another account's attempt, sent again from a shared device): refused.
  if (input.session !== undefined && !isPlaybackSessionOf(input.session, actor.id, module.id)) throw new AppError("INVALID_PLAYBACK_SESSION");
  if (input.answers.length !== module.quiz.length) throw new AppError("WRONG_ANSWER_COUNT");
  const result = gradeQuiz(module.quiz, input.answers);
  return inSerializableTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { lastActiveOn: true, watchPeriods: true, sector: true, department: true, sizeBand: true } });
    // An account erased meanwhile (its session still signed) writes nothing.
    if (!user) throw new AppError("UNAUTHENTICATED");
    const row = await tx.moduleProgress.findUnique({ where: { userId_moduleId: { userId: actor.id, moduleId: module.id } } });
    // The same attempt sent again (answered offline, its first answer lost): graded as it was, written once.
    if (input.attemptId) {
      const recorded = await tx.quizAttempt.findUnique({ where: { id: input.attemptId }, select: { userId: true, moduleId: true, answers: true } });
      if (recorded && (recorded.userId !== actor.id || recorded.moduleId !== module.id)) throw new AppError("ATTEMPT_ID_TAKEN");
      if (recorded) return { result: gradeQuiz(module.quiz, JSON.parse(recorded.answers) as number[]), progress: toView(module, row) };
    }
    const earlierAttempts = await tx.quizAttempt.count({ where: { userId: actor.id, moduleId: module.id } });
    const state: LearnerState = {
      lastActiveOn: user.lastActiveOn,
      watchPeriods: user.watchPeriods,
      profile: { sector: user.sector, department: user.department, sizeBand: user.sizeBand },
      progress: row,
    };
    const planInput = { programme: getProgramme(), module, result, earlierAttempts, now };
    let plan = planQuizAttempt(state, planInput);
    if (plan.kind === "needs-rows") {
      const rows = await tx.moduleProgress.findMany({ where: { userId: actor.id }, select: { moduleId: true, chapterId: true, createdAt: true, completedAt: true } });
      plan = planQuizAttempt({ ...state, rows }, planInput);
      if (plan.kind === "needs-rows") throw new Error("planQuizAttempt asked for the learner's rows twice");
    }

    if (plan.learner) await tx.user.update({ where: { id: actor.id }, data: { lastActiveOn: plan.learner.lastActiveOn } });
    await tx.quizAttempt.create({
      data: { ...(input.attemptId ? { id: input.attemptId } : {}), userId: actor.id, moduleId: module.id, score: result.score, total: result.total, isPassed: result.isPassed, answers: JSON.stringify(input.answers), createdAt: now },
    });
    // updatedAt is the attempt's instant, as the heartbeat's writers set it (not Prisma's clock).
    const data = { quizBestScore: plan.quiz.bestScore, quizTotal: plan.quiz.total, quizPassedAt: plan.quiz.passedAt, updatedAt: now, ...(plan.row.completedAt ? { completedAt: plan.row.completedAt } : {}) };
    const saved = row
      ? await tx.moduleProgress.update({ where: { id: row.id }, data })
      : await tx.moduleProgress.create({ data: { ...data, userId: actor.id, moduleId: module.id, chapterId: module.chapterId, createdAt: now } });
    if (plan.stats) await applyStatChanges(tx, module, plan.stats);
    await applyDeltas(tx, plan.deltas);
    return { result, progress: toView(module, saved) };
  });
}

export async function getModuleProgress(actor: Actor, moduleId: string): Promise<ModuleProgressView> {
  const module = requireModule(moduleId);
  const row = await getDb().moduleProgress.findUnique({ where: { userId_moduleId: { userId: actor.id, moduleId } } });
  return toView(module, row);
}

/** Every module's progress for one learner (one query, at most one row per module). */
export async function getLearnerProgress(actor: Actor): Promise<Map<string, ModuleProgressView>> {
  const rows = await getDb().moduleProgress.findMany({ where: { userId: actor.id } });
  const byModule = new Map(rows.map((row) => [row.moduleId, row]));
  const views = new Map<string, ModuleProgressView>();
  for (const module of getProgramme().modulesById.values()) views.set(module.id, toView(module, byModule.get(module.id) ?? null));
  return views;
}

export type Attestation = { code: string; learnerName: string; issuedAt: Date; totalWatchedS: number; chapterIds: string[] };

/** Issues the learner's attestation once every step of the programme is complete (idempotent). */
export async function issueAttestation(actor: Actor & { name: string }, now = new Date()): Promise<Attestation> {
  if (!can(actor, "progress:record")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const existing = await db.attestation.findUnique({ where: { userId: actor.id } });
  if (existing) return { ...existing, chapterIds: JSON.parse(existing.chapterIds) as string[] };
  const progress = await getLearnerProgress(actor);
  const completed = new Set([...progress.values()].filter((p) => p.status === "completed").map((p) => p.moduleId));
  const programme = getProgramme();
  if (!isProgrammeComplete(programme, completed)) throw new AppError("ATTESTATION_NOT_EARNED");
  const totalWatchedS = [...progress.values()].reduce((sum, p) => sum + p.watchedS, 0);
  const chapterIds = programme.chapters.map((c) => c.id);
  try {
    const created = await inSerializableTransaction(
      async (tx) => {
        const attestation = await tx.attestation.create({
          data: { userId: actor.id, code: randomBytes(8).toString("hex").toUpperCase(), learnerName: actor.name, totalWatchedS, chapterIds: JSON.stringify(chapterIds), issuedAt: now },
        });
        await applyDeltas(tx, [{ metric: METRIC.attestationsByWeek, key: weekKey(now), delta: 1 }]);
        return attestation;
      },
      { retriesUniqueViolations: false },
    );
    return { ...created, chapterIds };
  } catch (error) {
    // Two tabs asking at once: the other one created it.
    const again = await db.attestation.findUnique({ where: { userId: actor.id } });
    if (again) return { ...again, chapterIds: JSON.parse(again.chapterIds) as string[] };
    throw error;
  }
}

export async function findOwnAttestation(actor: Actor): Promise<Attestation | null> {
  const row = await getDb().attestation.findUnique({ where: { userId: actor.id } });
  return row ? { ...row, chapterIds: JSON.parse(row.chapterIds) as string[] } : null;
}

/** Public verification: only what the attestation itself shows. */
export async function verifyAttestation(code: string): Promise<{ learnerName: string; issuedAt: Date; chapterCount: number } | null> {
  if (!/^[0-9A-F]{16}$/.test(code)) return null;
  const row = await getDb().attestation.findUnique({ where: { code }, select: { learnerName: true, issuedAt: true, chapterIds: true } });
  return row ? { learnerName: row.learnerName, issuedAt: row.issuedAt, chapterCount: (JSON.parse(row.chapterIds) as string[]).length } : null;
}

/** Public verification of a code whose learner erased their account: only that it existed, and when it was issued. */
export async function findRevokedAttestation(code: string): Promise<{ issuedAt: Date } | null> {
  if (!/^[0-9A-F]{16}$/.test(code)) return null;
  return getDb().revokedAttestation.findUnique({ where: { code }, select: { issuedAt: true } });
}
