import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chapterSlots } from "@/lib/course-completion";
import type { Module } from "@/lib/content/types";
import type { Actor } from "@/lib/permissions";
import { getChapter, getModule, getProgramme } from "@/server/content";
import { createPlaybackSession } from "@/server/playback-session";
import {
  findOwnAttestation,
  getLearnerProgress,
  getModuleProgress,
  issueAttestation,
  recordProgressReport,
  recordQuizAttempt,
  verifyAttestation,
} from "@/server/data/progress";
import { getCompletionCounters } from "@/server/data/stats";
import { getDb } from "@/server/db";
import { createUser } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const T0 = Date.parse("2026-11-24T10:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000);
let nextReport = 0;
const reportId = () => `00000000-0000-4000-8000-${String(++nextReport).padStart(12, "0")}`;

const module = getModule("marche-comprendre-les-places-de-marche")!;

function report(userId: string, m: Module, intervals: [number, number][], positionS: number, sessionStartS = 0) {
  return { reportId: reportId(), moduleId: m.id, session: createPlaybackSession(userId, m.id, T0 + sessionStartS * 1000), intervals, positionS };
}

/** Each learner's clock (s after T0): one module after the other, as a person watches them. */
const clocks = new Map<string, number>();

/** Watches a whole module (plausibly: reported after enough wall-clock time, after the learner's previous one) and passes its quiz. */
async function completeModule(actor: Actor, m: Module) {
  const startS = clocks.get(actor.id) ?? 0;
  await recordProgressReport(actor, report(actor.id, m, [[0, m.durationS]], m.durationS, startS), at(startS + m.durationS / 2 + 1));
  await recordQuizAttempt(actor, { moduleId: m.id, answers: m.quiz.map((q) => q.answer) }, at(startS + m.durationS));
  clocks.set(actor.id, startS + m.durationS + 10);
}

describe(`progress on ${engine}`, () => {
  it("records watched intervals and the resume position", async () => {
    const learner = await createUser("merchant");
    const { progress } = await recordProgressReport(learner, report(learner.id, module, [[0, 10], [5, 20]], 20), at(15));
    expect(progress).toMatchObject({ watchedS: 20, lastPositionS: 20, status: "in-progress", isWatchedEnough: false });
    await recordProgressReport(learner, report(learner.id, module, [[40, 50]], 50), at(30));
    expect(await getModuleProgress(learner, module.id)).toMatchObject({ watchedS: 30, lastPositionS: 50 });
  });

  it("a replayed report (same id) changes nothing", async () => {
    const learner = await createUser("merchant");
    const input = report(learner.id, module, [[0, 20]], 20);
    const first = await recordProgressReport(learner, input, at(15));
    const again = await recordProgressReport(learner, { ...input, positionS: 99 }, at(60));
    expect(again.isReplay).toBe(true);
    expect(again.progress).toEqual(first.progress);
  });

  it("cuts a report claiming more than the wall clock allows", async () => {
    const learner = await createUser("merchant");
    const { progress, droppedS } = await recordProgressReport(learner, report(learner.id, module, [[0, module.durationS]], module.durationS), at(10));
    expect(progress.watchedS).toBe(25);
    expect(droppedS).toBe(module.durationS - 25);
  });

  it("seeking to the end and reporting the position never completes a module", async () => {
    const learner = await createUser("merchant");
    await recordQuizAttempt(learner, { moduleId: module.id, answers: module.quiz.map((q) => q.answer) }, at(1));
    const { progress } = await recordProgressReport(learner, report(learner.id, module, [], module.durationS), at(3600));
    expect(progress).toMatchObject({ watchedS: 0, isQuizPassed: true, status: "in-progress" });
  });

  const badInputs: [string, (userId: string) => Parameters<typeof recordProgressReport>[1], string][] = [
    ["unknown module", (u) => ({ ...report(u, module, [[0, 5]], 5), moduleId: "no-such-module" }), "UNKNOWN_MODULE"],
    ["negative interval", (u) => report(u, module, [[-5, 5]], 5), "NEGATIVE_INTERVAL"],
    ["reversed interval", (u) => report(u, module, [[0, 5], [9, 6]], 5), "REVERSED_INTERVAL"],
    ["interval past the end", (u) => report(u, module, [[0, module.durationS + 30]], 5), "INTERVAL_PAST_DURATION"],
    ["too many intervals", (u) => report(u, module, Array.from({ length: 51 }, (_, i) => [i, i + 0.5] as [number, number]), 5), "TOO_MANY_INTERVALS"],
    ["a session signed for someone else", (u) => ({ ...report(u, module, [[0, 5]], 5), session: createPlaybackSession("someone-else", module.id, T0) }), "INVALID_PLAYBACK_SESSION"],
    ["a forged session", (u) => ({ ...report(u, module, [[0, 5]], 5), session: `${T0 - 3600_000}.forged` }), "INVALID_PLAYBACK_SESSION"],
  ];
  it.each(badInputs)("refuses %s with a code and writes nothing", async (_name, makeInput, code) => {
    const learner = await createUser("merchant");
    await expect(recordProgressReport(learner, makeInput(learner.id), at(30))).rejects.toMatchObject({ code });
    expect((await getModuleProgress(learner, module.id)).status).toBe("not-started");
  });

  it("concurrent reports from two tabs are both kept", async () => {
    const learner = await createUser("merchant");
    const tabA = report(learner.id, module, [[0, 20]], 20, 0);
    const tabB = report(learner.id, module, [[100, 120]], 120, 1);
    const tabA2 = report(learner.id, module, [[20, 40]], 40, 0);
    await Promise.all([recordProgressReport(learner, tabA, at(40)), recordProgressReport(learner, tabB, at(40)), recordProgressReport(learner, tabA2, at(45))]);
    const progress = await getModuleProgress(learner, module.id);
    expect(progress.watchedS).toBe(60);
  });

  it("parallel sessions share one budget: twelve tabs of one module, or tabs of several, earn what one tab could", async () => {
    const learner = await createUser("merchant");
    // Twelve pages of the same module opened together, each reporting a different stretch ten seconds later.
    const stretches = Array.from({ length: 12 }, (_, i) => [i * 20, i * 20 + 20] as [number, number]);
    const results = await Promise.all(stretches.map((stretch, i) => recordProgressReport(learner, report(learner.id, module, [stretch], stretch[1], i / 100), at(10))));
    const credited = results.reduce((sum, r) => sum + r.addedS, 0);
    expect(credited).toBeLessThanOrEqual(2 * 10 + 5);
    expect((await getModuleProgress(learner, module.id)).watchedS).toBe(credited);
    // Other modules in other tabs of the same period: nothing more.
    const others = getProgramme().chapters[0]!.modules.slice(0, 3);
    const more = await Promise.all(others.map((m) => recordProgressReport(learner, report(learner.id, m, [[0, 60]], 60, 0.5), at(10))));
    expect(more.every((r) => r.addedS === 0)).toBe(true);
    // Later, the same learner watching for real earns again: a new period with its own budget.
    const later = await recordProgressReport(learner, report(learner.id, module, [[module.durationS - 20, module.durationS]], module.durationS, 600), at(620));
    expect(later.addedS).toBeGreaterThan(0);
  });

  it("completes a module when 90 % is watched and the quiz passed, and keeps the best quiz score", async () => {
    const learner = await createUser("merchant");
    const ninety = Math.ceil(module.durationS * 0.9);
    await recordProgressReport(learner, report(learner.id, module, [[0, ninety - 2]], ninety - 2), at(ninety));
    const failed = await recordQuizAttempt(learner, { moduleId: module.id, answers: module.quiz.map((q) => (q.answer + 1) % q.choices.length) }, at(ninety + 5));
    expect(failed.result.isPassed).toBe(false);
    expect(failed.result.results.every((r) => !r.isCorrect)).toBe(true);
    const passed = await recordQuizAttempt(learner, { moduleId: module.id, answers: module.quiz.map((q) => q.answer) }, at(ninety + 10));
    expect(passed.progress.status).toBe("in-progress");
    const worse = await recordQuizAttempt(learner, { moduleId: module.id, answers: module.quiz.map(() => 99) }, at(ninety + 12));
    expect(worse.progress).toMatchObject({ quizBestScore: module.quiz.length, isQuizPassed: true });
    const { progress } = await recordProgressReport(learner, report(learner.id, module, [[ninety - 2, ninety]], ninety), at(ninety + 20));
    expect(progress.status).toBe("completed");
    expect(progress.completedAt).toEqual(at(ninety + 20));
  });

  it("records a quiz attempt sent again with its id once, graded as it was; another learner's id is refused", async () => {
    const learner = await createUser("merchant");
    const attemptId = randomUUID();
    const answers = module.quiz.map((q) => q.answer);
    const first = await recordQuizAttempt(learner, { moduleId: module.id, answers, attemptId }, at(5));
    // Answered offline: the first POST reached the server but its answer was lost; the queue sends it again.
    const again = await recordQuizAttempt(learner, { moduleId: module.id, answers, attemptId }, at(60));
    expect(again.result).toEqual(first.result);
    expect(again.progress).toEqual(first.progress);
    expect(await getDb().quizAttempt.count({ where: { userId: learner.id } })).toBe(1);
    const other = await createUser("merchant");
    await expect(recordQuizAttempt(other, { moduleId: module.id, answers, attemptId }, at(61))).rejects.toMatchObject({ code: "ATTEMPT_ID_TAKEN" });
    expect(await getDb().quizAttempt.count({ where: { userId: other.id } })).toBe(0);
  });

  it("refuses a quiz attempt signed for another learner or module (a shared device's queue), however old its session", async () => {
    const learner = await createUser("merchant");
    const other = await createUser("merchant");
    const answers = module.quiz.map((q) => q.answer);
    const otherModule = getProgramme().chapters[1]!.modules[0]!;
    // Signed for this learner and module two weeks ago (answered offline, sent late): recorded.
    const old = createPlaybackSession(learner.id, module.id, at(0).getTime() - 14 * 24 * 3600 * 1000);
    await recordQuizAttempt(learner, { moduleId: module.id, answers, attemptId: randomUUID(), session: old }, at(5));
    expect(await getDb().quizAttempt.count({ where: { userId: learner.id } })).toBe(1);
    // The same kind of attempt, sent under another account, or for another module, or forged: refused, nothing written.
    for (const [actor, session] of [
      [other, createPlaybackSession(learner.id, module.id, at(0).getTime())],
      [learner, createPlaybackSession(learner.id, otherModule.id, at(0).getTime())],
      [learner, "123.pas-une-signature"],
      [learner, "pas-un-jeton"],
    ] as const) {
      await expect(recordQuizAttempt(actor, { moduleId: module.id, answers, attemptId: randomUUID(), session }, at(10))).rejects.toMatchObject({ code: "INVALID_PLAYBACK_SESSION" });
    }
    expect(await getDb().quizAttempt.count({ where: { userId: { in: [learner.id, other.id] } } })).toBe(1);
  });

  it("refuses a quiz attempt without one answer per question", async () => {
    const learner = await createUser("merchant");
    await expect(recordQuizAttempt(learner, { moduleId: module.id, answers: [0] })).rejects.toMatchObject({ code: "WRONG_ANSWER_COUNT" });
  });

  it("keeps the dashboard counters in step: modules, chapters (vendor module or twin), programme", async () => {
    const admin = await createUser("admin");
    const [a, b] = [await createUser("merchant"), await createUser("merchant")];
    const chapter = getChapter("place-de-marche")!;
    // Learner a takes the neutral path through the chapter, learner b only starts it.
    for (const slot of chapterSlots(chapter)) await completeModule(a, getModule(slot[slot.length - 1]!)!);
    await recordProgressReport(b, report(b.id, module, [[0, 10]], 10), at(10));
    const counters = await getCompletionCounters(admin);
    expect(counters.modules.get(module.id)).toMatchObject({ startedCount: 2, completedCount: 1 });
    expect(counters.modules.get("marche-vendre-sur-amazon")).toBeUndefined();
    expect(counters.modules.get("marche-choisir-sa-place-de-marche")).toMatchObject({ startedCount: 1, completedCount: 1 });
    expect(counters.chapters.get(chapter.id)).toMatchObject({ startedCount: 2, completedCount: 1 });
    expect(counters.programme).toMatchObject({ startedCount: 2, completedCount: 0 });
    await expect(getCompletionCounters(a)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("issues the attestation only when every step of the programme is complete, and verifies it publicly", async () => {
    const admin = await createUser("admin");
    const learner = await createUser("merchant", "Atelier Terre et Feu");
    await expect(issueAttestation(learner)).rejects.toMatchObject({ code: "ATTESTATION_NOT_EARNED" });
    for (const chapter of getProgramme().chapters) {
      for (const slot of chapterSlots(chapter)) await completeModule(learner, getModule(slot[0]!)!);
    }
    const progress = await getLearnerProgress(learner);
    expect([...progress.values()].filter((p) => p.status === "completed").length).toBe(getProgramme().chapters.reduce((n, c) => n + chapterSlots(c).length, 0));
    const attestation = await issueAttestation(learner);
    expect(attestation.chapterIds).toHaveLength(7);
    expect(await issueAttestation(learner)).toEqual(attestation);
    expect(await findOwnAttestation(learner)).toEqual(attestation);
    expect(await verifyAttestation(attestation.code)).toEqual({ learnerName: "Atelier Terre et Feu", issuedAt: attestation.issuedAt, chapterCount: 7 });
    expect(await verifyAttestation("0000000000000000")).toBeNull();
    expect(await verifyAttestation("pas-un-code")).toBeNull();
    const counters = await getCompletionCounters(admin);
    expect(counters.programme).toMatchObject({ startedCount: 1, completedCount: 1 });
  });
});
