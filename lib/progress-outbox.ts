/**
 * The device's queue of progress reports not yet acknowledged by the server. One entry per module
 * and playback session: new intervals are merged into it (and it gets a new id, since its content
 * changed), so a backlog built up offline is sent as one report. Kept in localStorage by the player.
 */
import { mergeIntervals, subtractIntervals, type Interval } from "./progress";

export type PendingReport = { id: string; moduleId: string; session: string; intervals: Interval[]; positionS: number };
export type Outbox = PendingReport[];

export function addToOutbox(
  outbox: Outbox,
  report: Omit<PendingReport, "id">,
  newId: string,
): Outbox {
  const existing = outbox.find((r) => r.moduleId === report.moduleId && r.session === report.session);
  if (!existing) return [...outbox, { ...report, id: newId, intervals: mergeIntervals(report.intervals) }];
  return outbox.map((r) =>
    r === existing ? { ...r, id: newId, intervals: mergeIntervals([...r.intervals, ...report.intervals]), positionS: report.positionS } : r,
  );
}

/** The server stored `sent`: drop what it carried; keep whatever was added to the entry meanwhile. */
export function acknowledge(outbox: Outbox, sent: PendingReport): Outbox {
  return outbox.flatMap((r) => {
    if (r.moduleId !== sent.moduleId || r.session !== sent.session) return [r];
    if (r.id === sent.id) return [];
    const remaining = subtractIntervals(r.intervals, mergeIntervals(sent.intervals));
    return [{ ...r, intervals: remaining }];
  });
}

export function parseOutbox(text: string | null): Outbox {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as Outbox).filter((r) => r && typeof r.id === "string" && Array.isArray(r.intervals)) : [];
  } catch {
    return [];
  }
}

/**
 * Whether the server's answer to something queued on the device (a progress report, a quiz attempt)
 * settles it: recorded, or refused for good (a 4xx: invalid, expired session, signed out). A 5xx,
 * a 429 or no answer at all: it stays queued and is sent again.
 */
export function isSettledBy(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429);
}

/** Wait before retry number `attempt` (1, 2, 3…): 1 s, 2 s, 4 s… up to a minute. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
