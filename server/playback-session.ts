import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./env";

/**
 * A playback session: the moment (server clock) a learner's page opened a module, signed so that
 * the browser cannot move it back. Progress reports carry it; the plausibility budget of
 * lib/progress.ts counts from it. A page left open longer than MAX_AGE must be reloaded.
 */
const MAX_AGE_MS = 24 * 3600 * 1000;

function sign(userId: string, moduleId: string, startedAtMs: number): string {
  return createHmac("sha256", getAuthSecret()).update(`playback:${userId}:${moduleId}:${startedAtMs}`).digest("base64url");
}

export function createPlaybackSession(userId: string, moduleId: string, now = Date.now()): string {
  return `${now}.${sign(userId, moduleId, now)}`;
}

/** The session's start, or null when the token is forged, for someone else, or too old. */
export function readPlaybackSession(token: string, userId: string, moduleId: string, now = Date.now()): Date | null {
  const [startedAtText, signature = ""] = token.split(".");
  const startedAtMs = Number(startedAtText);
  if (!Number.isSafeInteger(startedAtMs) || startedAtMs > now + 1000 || now - startedAtMs > MAX_AGE_MS) return null;
  const expected = Buffer.from(sign(userId, moduleId, startedAtMs));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? new Date(startedAtMs) : null;
}

/**
 * Whether the token was signed for this learner and module, however old: a quiz answered offline
 * carries it, and may be sent days later; sent again under another account, it is refused.
 */
export function isPlaybackSessionOf(token: string, userId: string, moduleId: string): boolean {
  const [startedAtText, signature = ""] = token.split(".");
  const startedAtMs = Number(startedAtText);
  if (!Number.isSafeInteger(startedAtMs)) return false;
  const expected = Buffer.from(sign(userId, moduleId, startedAtMs));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
