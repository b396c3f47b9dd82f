"use client";

/**
 * Quiz attempts answered without a connection: kept in localStorage with the id the browser chose
 * for each (lib/schemas/progress.ts's attemptId), and sent when the connection comes back — by the
 * quiz itself, or by any page (components/layout/offline-status.tsx). The server grades them then
 * (the answer key never comes to the device) and records each id once, so sending one twice is
 * harmless. Sign-out and erasure delete the queue.
 */
import type { ServerProgress } from "@/components/player/progress-reporter";
import type { QuizResult } from "@/lib/quiz";
import { isSettledBy } from "@/lib/progress-outbox";

/** `session`: the module page's signed playback session, so that the server refuses the attempt under another account. */
export type QueuedAttempt = { attemptId: string; moduleId: string; answers: number[]; session?: string };

const STORAGE_KEY = "accelerateur.quiz-outbox";

function readQueue(): QueuedAttempt[] {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]") as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((a): a is QueuedAttempt => typeof a?.attemptId === "string" && typeof a?.moduleId === "string" && Array.isArray(a?.answers))
      : [];
  } catch {
    return [];
  }
}

function writeQueue(queue: QueuedAttempt[]) {
  try {
    if (queue.length) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(queue));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: the attempt is lost with the page, as a failed POST would be.
  }
}

export function queueQuizAttempt(attempt: QueuedAttempt) {
  writeQueue([...readQueue().filter((a) => a.attemptId !== attempt.attemptId), attempt]);
}

export function queuedQuizAttemptCount(): number {
  return readQueue().length;
}

/** This module's attempt waiting, if any (the quiz says « sera corrigé à la reconnexion »). */
export function queuedQuizAttemptOf(moduleId: string): QueuedAttempt | null {
  return readQueue().find((a) => a.moduleId === moduleId) ?? null;
}

/** The attempt has its answer from the server (graded, or refused for good): no longer waiting. */
export function settleQuizAttempt(attemptId: string) {
  writeQueue(readQueue().filter((a) => a.attemptId !== attemptId));
}

export type QuizAnswerBody = { result?: QuizResult; progress?: ServerProgress; error?: { message?: string } };

/**
 * Posts one attempt. Settled (graded, or refused for good): it leaves the queue and the server's
 * answer comes back. Otherwise (no connection, a 5xx, a 429): it is queued, to be sent again.
 */
export async function postQuizAttempt(attempt: QueuedAttempt): Promise<{ kind: "queued" } | { kind: "answered"; isOk: boolean; body: QuizAnswerBody }> {
  try {
    const response = await fetch("/api/quiz-attempts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(attempt) });
    if (isSettledBy(response.status)) {
      settleQuizAttempt(attempt.attemptId);
      return { kind: "answered", isOk: response.ok, body: (await response.json().catch(() => ({}))) as QuizAnswerBody };
    }
  } catch {
    // no connection: queued below
  }
  queueQuizAttempt(attempt);
  return { kind: "queued" };
}

/** Sends the queued attempts; stops at the first that must wait for the network. True when the queue is empty. */
export async function sendQueuedQuizAttempts(): Promise<boolean> {
  for (const attempt of readQueue()) if ((await postQuizAttempt(attempt)).kind === "queued") return false;
  return true;
}

export function discardQueuedQuizAttempts() {
  writeQueue([]);
}
