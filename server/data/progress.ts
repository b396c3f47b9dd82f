import "server-only";
import { randomBytes } from "node:crypto";
import type { Module } from "@/lib/content/types";
import { isChapterComplete, isProgrammeComplete } from "@/lib/course-completion";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import {
  applyReport,
  coveredSeconds,
  findReportProblem,
  isModuleComplete,
  isWatchedEnough,
  mergeIntervals,
  playbackBudgetS,
  type Interval,
} from "@/lib/progress";
import { gradeQuiz, type QuizResult } from "@/lib/quiz";
import { newlyWatchedSlices } from "@/lib/stats/retention";
import { getChapter, getModule, getProgramme } from "../content";
import { getDb, isUniqueViolation, isWriteConflict } from "../db";
import { readPlaybackSession } from "../playback-session";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

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

type ProgressRow = {
  moduleId: string;
  watchedS: number;
  lastPositionS: number;
  quizBestScore: number | null;
  quizTotal: number | null;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
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

const MAX_ATTEMPTS = 8;
/** Upper bound of the random pause before retry n (ms): n × this. Spreads writers that collided on a counter row. */
const RETRY_JITTER_MS = 15;

/**
 * A serializable transaction, retried when PostgreSQL reports a conflict with a concurrent one
 * (two learners bumping the same counter row at once), after a short random pause so that the
 * same writers do not collide again at once.
 */
async function inSerializableTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(work, { isolationLevel: "Serializable", maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      // A unique violation here is a concurrent first write of the same row (progress or counter).
      const isConflict = isWriteConflict(error) || isUniqueViolation(error);
      if (!isConflict || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_JITTER_MS * attempt));
    }
  }
}

/** Counters for the dashboards: a learner's first activity in a module (and so maybe in its chapter and the programme). */
async function countModuleStarted(tx: Tx, userId: string, module: Module) {
  await tx.moduleStat.upsert({
    where: { moduleId: module.id },
    create: { moduleId: module.id, chapterId: module.chapterId, startedCount: 1 },
    update: { startedCount: { increment: 1 } },
  });
  const [inChapter, inProgramme] = await Promise.all([
    tx.moduleProgress.count({ where: { userId, chapterId: module.chapterId } }),
    tx.moduleProgress.count({ where: { userId } }),
  ]);
  if (inChapter === 1) {
    await tx.chapterStat.upsert({ where: { chapterId: module.chapterId }, create: { chapterId: module.chapterId, startedCount: 1 }, update: { startedCount: { increment: 1 } } });
  }
  if (inProgramme === 1) {
    await tx.programmeStat.upsert({ where: { id: "programme" }, create: { id: "programme", startedCount: 1 }, update: { startedCount: { increment: 1 } } });
  }
}

/** Counters when a module becomes complete: its chapter and the programme may become complete with it. */
async function countModuleCompleted(tx: Tx, userId: string, module: Module) {
  await tx.moduleStat.upsert({
    where: { moduleId: module.id },
    create: { moduleId: module.id, chapterId: module.chapterId, completedCount: 1 },
    update: { completedCount: { increment: 1 } },
  });
  const rows = await tx.moduleProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { moduleId: true } });
  const completed = new Set(rows.map((r) => r.moduleId));
  completed.add(module.id);
  const before = new Set(completed);
  before.delete(module.id);
  const chapter = getChapter(module.chapterId)!;
  if (isChapterComplete(chapter, completed) && !isChapterComplete(chapter, before)) {
    await tx.chapterStat.upsert({ where: { chapterId: chapter.id }, create: { chapterId: chapter.id, completedCount: 1 }, update: { completedCount: { increment: 1 } } });
  }
  const programme = getProgramme();
  if (isProgrammeComplete(programme, completed) && !isProgrammeComplete(programme, before)) {
    await tx.programmeStat.upsert({ where: { id: "programme" }, create: { id: "programme", completedCount: 1 }, update: { completedCount: { increment: 1 } } });
  }
}

/** Retention counters: each slice this report made newly watched (by this learner) counts one more learner. */
async function countWatchedSlices(tx: Tx, module: Module, before: Interval[], after: Interval[]) {
  for (const slice of newlyWatchedSlices(before, after, module.durationS)) {
    await tx.moduleSliceStat.upsert({
      where: { moduleId_slice: { moduleId: module.id, slice } },
      create: { moduleId: module.id, slice, watchedCount: 1 },
      update: { watchedCount: { increment: 1 } },
    });
  }
}

function parseIntervals(text: string): Interval[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? mergeIntervals(value.filter((i): i is [number, number] => Array.isArray(i) && i.length === 2)) : [];
  } catch {
    return [];
  }
}

export type ProgressReportInput = { reportId: string; moduleId: string; session: string; intervals: Interval[]; positionS: number };

/**
 * Records one heartbeat of the player: merges the watched intervals within the session's
 * plausibility budget, keeps the resume position, completes the module when it is watched enough
 * and its quiz passed, and keeps the dashboard counters — all in one transaction. A report whose id
 * was already recorded changes nothing. An invalid report is refused whole.
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

  return inSerializableTransaction(async (tx) => {
    const replay = await tx.progressReport.findUnique({ where: { userId_reportId: { userId: actor.id, reportId: input.reportId } } });
    const row = await tx.moduleProgress.findUnique({ where: { userId_moduleId: { userId: actor.id, moduleId: module.id } } });
    if (replay) return { progress: toView(module, row), addedS: 0, droppedS: 0, isReplay: true };

    const spent = await tx.progressReport.aggregate({
      where: { userId: actor.id, moduleId: module.id, sessionStartedAt },
      _sum: { addedS: true },
    });
    const budgetS = playbackBudgetS((now.getTime() - sessionStartedAt.getTime()) / 1000, spent._sum.addedS ?? 0);
    const stored = row ? parseIntervals(row.intervals) : [];
    const { intervals, addedS, droppedS } = applyReport({ stored, reported, budgetS });
    const watchedS = coveredSeconds(intervals);
    const isComplete = isModuleComplete({ watchedS, durationS: module.durationS, isQuizPassed: !!row?.quizPassedAt });
    const completedAt = row?.completedAt ?? (isComplete ? now : null);
    const data = { intervals: JSON.stringify(intervals), watchedS, lastPositionS: positionS, lastReportAt: now, completedAt };
    const saved = row
      ? await tx.moduleProgress.update({ where: { id: row.id }, data })
      : await tx.moduleProgress.create({ data: { ...data, userId: actor.id, moduleId: module.id, chapterId: module.chapterId } });
    await tx.progressReport.create({
      data: { userId: actor.id, reportId: input.reportId, moduleId: module.id, sessionStartedAt, addedS, receivedAt: now },
    });
    if (!row) await countModuleStarted(tx, actor.id, module);
    if (completedAt && !row?.completedAt) await countModuleCompleted(tx, actor.id, module);
    if (addedS > 0) await countWatchedSlices(tx, module, stored, intervals);
    return { progress: toView(module, saved), addedS, droppedS, isReplay: false };
  });
}

/** Grades a quiz attempt, keeps the best result, and completes the module when it was watched enough. */
export async function recordQuizAttempt(
  actor: Actor,
  input: { moduleId: string; answers: number[] },
  now = new Date(),
): Promise<{ result: QuizResult; progress: ModuleProgressView }> {
  if (!can(actor, "progress:record")) throw new AppError("FORBIDDEN");
  const module = requireModule(input.moduleId);
  if (input.answers.length !== module.quiz.length) throw new AppError("WRONG_ANSWER_COUNT");
  const result = gradeQuiz(module.quiz, input.answers);
  return inSerializableTransaction(async (tx) => {
    const row = await tx.moduleProgress.findUnique({ where: { userId_moduleId: { userId: actor.id, moduleId: module.id } } });
    await tx.quizAttempt.create({
      data: { userId: actor.id, moduleId: module.id, score: result.score, total: result.total, isPassed: result.isPassed, answers: JSON.stringify(input.answers) },
    });
    const quizPassedAt = row?.quizPassedAt ?? (result.isPassed ? now : null);
    const isComplete = isModuleComplete({ watchedS: row?.watchedS ?? 0, durationS: module.durationS, isQuizPassed: !!quizPassedAt });
    const completedAt = row?.completedAt ?? (isComplete ? now : null);
    const data = { quizBestScore: Math.max(row?.quizBestScore ?? 0, result.score), quizTotal: result.total, quizPassedAt, completedAt };
    const saved = row
      ? await tx.moduleProgress.update({ where: { id: row.id }, data })
      : await tx.moduleProgress.create({ data: { ...data, userId: actor.id, moduleId: module.id, chapterId: module.chapterId } });
    if (!row) await countModuleStarted(tx, actor.id, module);
    if (completedAt && !row?.completedAt) await countModuleCompleted(tx, actor.id, module);
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
export async function issueAttestation(actor: Actor & { name: string }): Promise<Attestation> {
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
    const created = await db.attestation.create({
      data: { userId: actor.id, code: randomBytes(8).toString("hex").toUpperCase(), learnerName: actor.name, totalWatchedS, chapterIds: JSON.stringify(chapterIds) },
    });
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
