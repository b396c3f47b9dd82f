"use client";

/**
 * Sends the player's watched intervals to the server, through a queue kept in localStorage so that
 * nothing is lost offline, on a reload or when the tab closes: heartbeat every HEARTBEAT_INTERVAL_S
 * while playing, on pause and on seek, and with sendBeacon when the page is hidden. Failed sends are
 * retried with backoff; the server ignores a report it already has (same id).
 */
import { acknowledge, addToOutbox, isSettledBy, parseOutbox, retryDelayMs, type Outbox, type PendingReport } from "@/lib/progress-outbox";
import type { Interval } from "@/lib/progress";

export const HEARTBEAT_INTERVAL_S = 10;
const STORAGE_KEY = "accelerateur.progress-outbox";

import type { ServerProgress } from "@/lib/progress";

export type { ServerProgress };

function readOutbox(): Outbox {
  try {
    return parseOutbox(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

function writeOutbox(outbox: Outbox) {
  try {
    if (outbox.length) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(outbox));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: the report stays in memory for this page only.
  }
}

export class ProgressReporter {
  private memory: Outbox = [];
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private isSending = false;

  constructor(
    private readonly moduleId: string,
    private readonly session: string,
    private readonly onProgress: (progress: ServerProgress) => void,
    private readonly onConnectivity: (isOnline: boolean) => void,
  ) {
    this.memory = readOutbox();
  }

  private load(): Outbox {
    // Another tab may have changed the queue: storage wins, memory is the fallback.
    const stored = readOutbox();
    return stored.length || this.memory.length === 0 ? stored : this.memory;
  }

  private save(outbox: Outbox) {
    this.memory = outbox;
    writeOutbox(outbox);
  }

  /** Queues what was played since the last report, then tries to send the queue. */
  report(intervals: Interval[], positionS: number) {
    this.save(addToOutbox(this.load(), { moduleId: this.moduleId, session: this.session, intervals, positionS }, crypto.randomUUID()));
    void this.flush();
  }

  async flush() {
    if (this.isSending) return;
    this.isSending = true;
    try {
      for (const pending of this.load()) {
        const outcome = await this.send(pending);
        if (outcome === "retry") {
          this.scheduleRetry();
          return;
        }
        this.save(acknowledge(this.load(), pending));
      }
      this.attempt = 0;
      this.onConnectivity(true);
    } finally {
      this.isSending = false;
    }
  }

  /** The page is going away: hand the queue to the browser, which sends it even after the tab closes. */
  beacon(intervals: Interval[], positionS: number) {
    this.save(addToOutbox(this.load(), { moduleId: this.moduleId, session: this.session, intervals, positionS }, crypto.randomUUID()));
    for (const pending of this.load()) {
      const body = new Blob([JSON.stringify(toBody(pending))], { type: "application/json" });
      // Stays queued: if the beacon did arrive, the next page's resend is recognised by its id.
      navigator.sendBeacon("/api/progress", body);
    }
  }

  /** The latest position this device still has to send for the module (it is newer than the server's). */
  pendingPositionS(): number | null {
    const pending = this.load().filter((r) => r.moduleId === this.moduleId);
    return pending.length ? pending[pending.length - 1]!.positionS : null;
  }

  dispose() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async send(pending: PendingReport): Promise<"done" | "retry"> {
    const { outcome, progress } = await sendReport(pending);
    if (progress?.moduleId === this.moduleId) this.onProgress(progress);
    return outcome;
  }

  private scheduleRetry() {
    this.onConnectivity(false);
    this.attempt += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), retryDelayMs(this.attempt));
  }
}

/** One queued report to the server: "done" when it is recorded or will never be (then dropped), "retry" otherwise. */
async function sendReport(pending: PendingReport): Promise<{ outcome: "done" | "retry"; progress?: ServerProgress }> {
  try {
    const response = await fetch("/api/progress", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(toBody(pending)),
      keepalive: true,
    });
    if (response.ok) return { outcome: "done", progress: ((await response.json()) as { progress: ServerProgress }).progress };
    // A refused report will never be accepted: dropped.
    return { outcome: isSettledBy(response.status) ? "done" : "retry" };
  } catch {
    return { outcome: "retry" };
  }
}

/** How many reports this device still has to send (the header's offline status shows it). */
export function queuedReportCount(): number {
  return readOutbox().length;
}

/**
 * Sends this device's queued reports from any page (the header's offline status, on load and when
 * the connection comes back; sign-out, before it empties the queue). Stops at the first that must be
 * retried and says whether the queue is empty. Safe beside a player sending the same queue: the
 * server records a report id once.
 */
export async function sendQueuedReports(): Promise<boolean> {
  for (const pending of readOutbox()) {
    if ((await sendReport(pending)).outcome === "retry") return false;
    writeOutbox(acknowledge(readOutbox(), pending));
  }
  return true;
}

/** Empties the queue (sign-out and erasure: nothing of the account stays on a shared device). */
export function discardQueuedReports() {
  writeOutbox([]);
}

function toBody(pending: PendingReport) {
  return {
    reportId: pending.id,
    moduleId: pending.moduleId,
    session: pending.session,
    intervals: pending.intervals,
    positionS: Math.round(pending.positionS * 10) / 10,
  };
}
