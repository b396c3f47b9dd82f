/**
 * One watch budget per learner, not per page. Each playback session (a page that plays a module)
 * covers the wall-clock span from its opening to the report being received. The spans of all of a
 * learner's sessions, whatever the module or tab, are merged into watching periods; every new
 * second credited to the learner is charged to the period its session falls in, and a period may
 * credit at most MAX_PLAYBACK_RATE × its wall-clock length plus a small slack. Twelve tabs opened
 * together share one period and so one budget: parallel sessions add nothing. Sessions apart in
 * time are separate periods, each with its own budget. Pure; the periods are stored with the
 * learner (server/data/progress.ts) and updated in the same transaction as the report.
 */
import { MAX_PLAYBACK_RATE, REPORT_SLACK_S } from "./progress";

/**
 * A merged span of a learner's sessions (ms, server clock), the new seconds credited within it, and
 * its slack: REPORT_SLACK_S for a period a session opened alone; periods that merge keep the sum of
 * their slacks (each was already granted), a session joining a period adds none.
 */
export type WatchPeriod = { fromMs: number; toMs: number; creditedS: number; slackS: number };

/** Sessions older than this are refused (server/playback-session.ts), so periods ending earlier can never grow again. */
export const PERIOD_RETENTION_MS = 24 * 3600 * 1000;

const round = (s: number) => Math.round(s * 10) / 10;

/** Stored text (JSON [[fromMs, toMs, creditedS, slackS], …]) back to periods; anything malformed reads as none. */
export function parseWatchPeriods(text: string): WatchPeriod[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value
      .filter((p): p is [number, number, number, number] => Array.isArray(p) && p.length === 4 && p.every((n) => typeof n === "number" && Number.isFinite(n)))
      .map(([fromMs, toMs, creditedS, slackS]) => ({ fromMs, toMs, creditedS, slackS }));
  } catch {
    return [];
  }
}

export function serializeWatchPeriods(periods: readonly WatchPeriod[]): string {
  return JSON.stringify(periods.map((p) => [p.fromMs, p.toMs, p.creditedS, p.slackS]));
}

/**
 * Adds a session's span [startedMs, nowMs] to the periods: it merges with every period it overlaps
 * or touches (their credited seconds add up). Periods that ended before any session still accepted
 * could start are dropped. Returns the periods (sorted) and the index of the one holding the session.
 */
export function coverSession(periods: readonly WatchPeriod[], startedMs: number, nowMs: number): { periods: WatchPeriod[]; index: number } {
  const span = { fromMs: Math.min(startedMs, nowMs), toMs: Math.max(startedMs, nowMs), creditedS: 0, slackS: 0 };
  const kept: WatchPeriod[] = [];
  let hasMerged = false;
  for (const period of periods) {
    if (period.toMs < nowMs - PERIOD_RETENTION_MS && period.toMs < span.fromMs) continue;
    if (period.toMs < span.fromMs || period.fromMs > span.toMs) kept.push(period);
    else {
      span.fromMs = Math.min(span.fromMs, period.fromMs);
      span.toMs = Math.max(span.toMs, period.toMs);
      span.creditedS = round(span.creditedS + period.creditedS);
      span.slackS = round(span.slackS + period.slackS);
      hasMerged = true;
    }
  }
  if (!hasMerged) span.slackS = REPORT_SLACK_S;
  const sorted = [...kept, span].sort((a, b) => a.fromMs - b.fromMs);
  return { periods: sorted, index: sorted.indexOf(span) };
}

/** New seconds a period may still credit: MAX_PLAYBACK_RATE × its wall-clock length, plus its slack, less what it credited. */
export function periodBudgetS(period: WatchPeriod): number {
  return round(Math.max(0, (MAX_PLAYBACK_RATE * (period.toMs - period.fromMs)) / 1000 + period.slackS - period.creditedS));
}

/** The periods after `addedS` new seconds were credited in period `index`. */
export function creditPeriod(periods: readonly WatchPeriod[], index: number, addedS: number): WatchPeriod[] {
  return periods.map((p, i) => (i === index ? { ...p, creditedS: round(p.creditedS + addedS) } : p));
}
