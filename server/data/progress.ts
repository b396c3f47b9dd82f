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
  parseIntervals,
  type Interval,
} from "@/lib/progress";
import { gradeQuiz, type QuizResult } from "@/lib/quiz";
import { activityDeltas, completerDeltas, durationDelta, METRIC, weekKey, type Delta, type Profile } from "@/lib/stats/counters";
import { newlyWatchedSlices } from "@/lib/stats/retention";
import { dayOf } from "@/lib/calendar-day";
import { getChapter, getModule, getProgramme } from "../content";
import { getDb, inSerializableTransaction, type Tx } from "../db";
import { coverSession, creditPeriod, parseWatchPeriods, periodBudgetS, serializeWatchPeriods } from "@/lib/watch-budget";
import { readPlaybackSession } from "../playback-session";
import { recordProgressFast } from "./progress-fast";
import type { ProgressRow } from "./progress-row";
import { applyDeltas } from "./stat-counters";

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

/**
 * Counters when a module becomes complete (at `now`): its chapter and the programme may become
 * complete with it. Also the weekly completions and the times from first start to completion.
 */
async function countModuleCompleted(tx: Tx, learner: { id: string } & Profile, module: Module, startedAt: Date, now: Date): Promise<Delta[]> {
  await tx.moduleStat.upsert({
    where: { moduleId: module.id },
    create: { moduleId: module.id, chapterId: module.chapterId, completedCount: 1 },
    update: { completedCount: { increment: 1 } },
  });
  const deltas: Delta[] = [
    { metric: METRIC.completionsByWeek, key: weekKey(now), delta: 1 },
    durationDelta(METRIC.timeToCompleteModule, module.id, startedAt, now),
  ];
  const rows = await tx.moduleProgress.findMany({ where: { userId: learner.id }, select: { moduleId: true, chapterId: true, createdAt: true, completedAt: true } });
  const firstStart = (list: { createdAt: Date }[]) => new Date(Math.min(startedAt.getTime(), ...list.map((r) => r.createdAt.getTime())));
  const completed = new Set(rows.filter((r) => r.completedAt).map((r) => r.moduleId));
  completed.add(module.id);
  const before = new Set(completed);
  before.delete(module.id);
  const chapter = getChapter(module.chapterId)!;
  if (isChapterComplete(chapter, completed) && !isChapterComplete(chapter, before)) {
    await tx.chapterStat.upsert({ where: { chapterId: chapter.id }, create: { chapterId: chapter.id, completedCount: 1 }, update: { completedCount: { increment: 1 } } });
    deltas.push(durationDelta(METRIC.timeToCompleteChapter, chapter.id, firstStart(rows.filter((r) => r.chapterId === chapter.id)), now));
  }
  const programme = getProgramme();
  if (isProgrammeComplete(programme, completed) && !isProgrammeComplete(programme, before)) {
    await tx.programmeStat.upsert({ where: { id: "programme" }, create: { id: "programme", completedCount: 1 }, update: { completedCount: { increment: 1 } } });
    deltas.push(durationDelta(METRIC.timeToCompleteProgramme, null, firstStart(rows), now), ...completerDeltas(learner, 1));
  }
  return deltas;
}

/**
 * The learner as the counters and the watch budget need them, and the change of their last active
 * day. Read first in each write: an account erased meanwhile (its session still signed) writes nothing.
 */
async function readLearner(tx: Tx, userId: string, now: Date) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { lastActiveOn: true, watchPeriods: true, sector: true, department: true, sizeBand: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  const today = dayOf(now);
  return {
    learner: { id: userId, sector: user.sector, department: user.department, sizeBand: user.sizeBand },
    watchPeriods: user.watchPeriods,
    today,
    isNewDay: user.lastActiveOn !== today,
    deltas: activityDeltas(user.lastActiveOn, today),
  };
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

export type ProgressReportInput = { reportId: string; moduleId: string; session: string; intervals: Interval[]; positionS: number };

/**
 * Records one heartbeat of the player: merges the watched intervals within the learner's
 * plausibility budget (lib/watch-budget.ts: one budget per learner across tabs and modules), keeps the resume position, completes the module when it is watched enough
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

  // The heartbeat on prepared statements (progress-fast.ts); a report that completes the module comes back here.
  const fast = await recordProgressFast({ userId: actor.id, module, reportId: input.reportId, sessionStartedAt, reported, positionS, now });
  if (fast !== "fallback") return { progress: toView(module, fast.row), addedS: fast.addedS, droppedS: fast.droppedS, isReplay: fast.isReplay };

  return inSerializableTransaction(async (tx) => {
    const replay = await tx.progressReport.findUnique({ where: { userId_reportId: { userId: actor.id, reportId: input.reportId } } });
    const row = await tx.moduleProgress.findUnique({ where: { userId_moduleId: { userId: actor.id, moduleId: module.id } } });
    if (replay) return { progress: toView(module, row), addedS: 0, droppedS: 0, isReplay: true };
    const { learner, deltas, today, isNewDay, watchPeriods } = await readLearner(tx, actor.id, now);

    // One budget per learner: this session's span joins the learner's watching periods, and the new
    // seconds are charged to the period it falls in, whichever tab or module they come from.
    const covered = coverSession(parseWatchPeriods(watchPeriods), sessionStartedAt.getTime(), now.getTime());
    const budgetS = periodBudgetS(covered.periods[covered.index]!);
    const stored = row ? parseIntervals(row.intervals) : [];
    const { intervals, addedS, droppedS } = applyReport({ stored, reported, budgetS });
    const periods = serializeWatchPeriods(creditPeriod(covered.periods, covered.index, addedS));
    if (isNewDay || periods !== watchPeriods) {
      await tx.user.update({ where: { id: actor.id }, data: { watchPeriods: periods, ...(isNewDay ? { lastActiveOn: today } : {}) } });
    }
    const watchedS = coveredSeconds(intervals);
    const isComplete = isModuleComplete({ watchedS, durationS: module.durationS, isQuizPassed: !!row?.quizPassedAt });
    const completedAt = row?.completedAt ?? (isComplete ? now : null);
    const data = { intervals: JSON.stringify(intervals), watchedS, lastPositionS: positionS, lastReportAt: now, completedAt };
    const saved = row
      ? await tx.moduleProgress.update({ where: { id: row.id }, data })
      : await tx.moduleProgress.create({ data: { ...data, userId: actor.id, moduleId: module.id, chapterId: module.chapterId, createdAt: now } });
    await tx.progressReport.create({
      data: { userId: actor.id, reportId: input.reportId, moduleId: module.id, sessionStartedAt, addedS, receivedAt: now },
    });
    if (!row) await countModuleStarted(tx, actor.id, module);
    if (isWatchedEnough(watchedS, module.durationS) && !isWatchedEnough(row?.watchedS ?? 0, module.durationS)) {
      deltas.push({ metric: METRIC.watchedEnough, key: module.id, delta: 1 });
    }
    if (completedAt && !row?.completedAt) deltas.push(...(await countModuleCompleted(tx, learner, module, saved.createdAt, now)));
    if (addedS > 0) await countWatchedSlices(tx, module, stored, intervals);
    await applyDeltas(tx, deltas);
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
    const { learner, deltas, today, isNewDay } = await readLearner(tx, actor.id, now);
    if (isNewDay) await tx.user.update({ where: { id: actor.id }, data: { lastActiveOn: today } });
    const row = await tx.moduleProgress.findUnique({ where: { userId_moduleId: { userId: actor.id, moduleId: module.id } } });
    const earlierAttempts = await tx.quizAttempt.count({ where: { userId: actor.id, moduleId: module.id } });
    await tx.quizAttempt.create({
      data: { userId: actor.id, moduleId: module.id, score: result.score, total: result.total, isPassed: result.isPassed, answers: JSON.stringify(input.answers), createdAt: now },
    });
    const quizPassedAt = row?.quizPassedAt ?? (result.isPassed ? now : null);
    const isComplete = isModuleComplete({ watchedS: row?.watchedS ?? 0, durationS: module.durationS, isQuizPassed: !!quizPassedAt });
    const completedAt = row?.completedAt ?? (isComplete ? now : null);
    const data = { quizBestScore: Math.max(row?.quizBestScore ?? 0, result.score), quizTotal: result.total, quizPassedAt, completedAt };
    const saved = row
      ? await tx.moduleProgress.update({ where: { id: row.id }, data })
      : await tx.moduleProgress.create({ data: { ...data, userId: actor.id, moduleId: module.id, chapterId: module.chapterId, createdAt: now } });
    deltas.push({ metric: METRIC.quizAttempts, key: module.id, delta: 1 });
    if (earlierAttempts === 0) deltas.push({ metric: METRIC.quizLearners, key: module.id, delta: 1 });
    if (earlierAttempts === 0 && result.isPassed) deltas.push({ metric: METRIC.quizFirstTry, key: module.id, delta: 1 });
    if (quizPassedAt && !row?.quizPassedAt) deltas.push({ metric: METRIC.quizPassed, key: module.id, delta: 1 });
    if (!row) await countModuleStarted(tx, actor.id, module);
    if (completedAt && !row?.completedAt) deltas.push(...(await countModuleCompleted(tx, learner, module, saved.createdAt, now)));
    await applyDeltas(tx, deltas);
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
