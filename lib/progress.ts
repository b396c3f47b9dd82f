/**
 * Watched-interval arithmetic and completion rules: pure functions, no I/O.
 *
 * The player reports the intervals of the video it actually played (never a playhead position).
 * The server keeps their union per learner × module. Each page that plays a module gets a signed
 * playback session (its opening time, from the server's clock). New seconds may only be credited
 * as fast as they could really have been played: MAX_PLAYBACK_RATE × wall-clock time, plus a small
 * slack — counted per learner over the union of their sessions (lib/watch-budget.ts), so that
 * parallel tabs add nothing; `playbackBudgetS` is that rule for a learner with one session.
 * Re-watched seconds cost nothing, so a replayed report (or a queued one sent again, however late)
 * changes nothing, and new seconds beyond the budget are cut off. Counting from the session's
 * opening rather than between two reports means that reports queued offline and sent together
 * later are not cut off.
 */
export type Interval = readonly [startS: number, endS: number];

/** A learner's progress in one module, as the browser gets it (POST /api/progress, and the module page as rendered). */
export type ServerProgress = {
  moduleId: string;
  watchedS: number;
  durationS: number;
  lastPositionS: number;
  isQuizPassed: boolean;
  quizBestScore: number | null;
  quizTotal: number | null;
  status: "not-started" | "in-progress" | "completed";
};

/** The player's speeds, on the platform and in the SCORM/cmi5 packages; the fastest is MAX_PLAYBACK_RATE. */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
export const MAX_PLAYBACK_RATE = 2;
export const REPORT_SLACK_S = 5;
/** Share of a module's seconds that must be watched (unique, merged) for it to count as watched. */
export const WATCHED_SHARE_TO_COMPLETE = 0.9;
export const MAX_INTERVALS_PER_REPORT = 50;
/** Precision of stored times: a tenth of a second. */
const round = (s: number) => Math.round(s * 10) / 10;

/** Sorted, non-overlapping union of intervals (touching ones are joined); empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .map(([s, e]) => [round(s), round(e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function coveredSeconds(intervals: readonly Interval[]): number {
  return round(mergeIntervals(intervals).reduce((sum, [s, e]) => sum + (e - s), 0));
}

/** The parts of `candidate` not already covered by `covered` (both merged). */
export function subtractIntervals(candidate: readonly Interval[], covered: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const [start, end] of mergeIntervals(candidate)) {
    let cursor = start;
    for (const [cs, ce] of covered) {
      if (ce <= cursor || cs >= end) continue;
      if (cs > cursor) result.push([cursor, cs]);
      cursor = Math.max(cursor, ce);
      if (cursor >= end) break;
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result.map(([s, e]) => [round(s), round(e)] as const).filter(([s, e]) => e > s);
}

/** New seconds a playback session may still add: what could have been played since it opened, less what it added. */
export function playbackBudgetS(sessionElapsedS: number, sessionAddedS: number): number {
  return round(Math.max(0, MAX_PLAYBACK_RATE * Math.max(0, sessionElapsedS) + REPORT_SLACK_S - sessionAddedS));
}

export type ReportBudgetInput = {
  stored: readonly Interval[];
  reported: readonly Interval[];
  /** New seconds this report may add (playbackBudgetS). */
  budgetS: number;
};

/**
 * Adds a report's intervals to the stored ones within the plausibility budget. New seconds are taken
 * in playing order (earliest first) until the budget is spent; the rest is dropped.
 */
export function applyReport({ stored, reported, budgetS: initialBudgetS }: ReportBudgetInput): { intervals: Interval[]; addedS: number; droppedS: number } {
  const current = mergeIntervals(stored);
  const fresh = subtractIntervals(reported, current);
  let budgetS = round(Math.max(0, initialBudgetS));
  const accepted: Interval[] = [];
  let droppedS = 0;
  for (const [s, e] of fresh) {
    const length = e - s;
    if (budgetS <= 0) {
      droppedS += length;
      continue;
    }
    const take = Math.min(length, budgetS);
    accepted.push([s, round(s + take)]);
    budgetS = round(budgetS - take);
    droppedS += length - take;
  }
  const intervals = mergeIntervals([...current, ...accepted]);
  return { intervals, addedS: round(coveredSeconds(intervals) - coveredSeconds(current)), droppedS: round(droppedS) };
}

export type ReportProblem =
  | "NEGATIVE_INTERVAL"
  | "REVERSED_INTERVAL"
  | "INTERVAL_PAST_DURATION"
  | "TOO_MANY_INTERVALS"
  | "POSITION_PAST_DURATION";

/** What makes a report invalid as a whole (it is then refused, nothing written). */
export function findReportProblem(intervals: readonly Interval[], positionS: number, durationS: number): ReportProblem | null {
  if (intervals.length > MAX_INTERVALS_PER_REPORT) return "TOO_MANY_INTERVALS";
  for (const [s, e] of intervals) {
    if (s < 0 || e < 0) return "NEGATIVE_INTERVAL";
    if (e < s) return "REVERSED_INTERVAL";
    // Half a second of tolerance: a player's last time update can overshoot the end slightly.
    if (e > durationS + 0.5) return "INTERVAL_PAST_DURATION";
  }
  if (positionS > durationS + 0.5) return "POSITION_PAST_DURATION";
  return null;
}

export function isWatchedEnough(watchedS: number, durationS: number): boolean {
  return watchedS >= WATCHED_SHARE_TO_COMPLETE * durationS - 0.05;
}

/** A module is complete when enough of it was watched and its quiz is passed. */
export function isModuleComplete(state: { watchedS: number; durationS: number; isQuizPassed: boolean }): boolean {
  return isWatchedEnough(state.watchedS, state.durationS) && state.isQuizPassed;
}

/** Where to start playing again: the last position, unless the learner had reached the very end. */
export function resumePositionS(lastPositionS: number, durationS: number): number {
  return lastPositionS >= durationS - 2 ? 0 : Math.max(0, lastPositionS);
}

/** Stored intervals (JSON text of a progress row) back to merged intervals; anything malformed reads as nothing watched. */
export function parseIntervals(text: string): Interval[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? mergeIntervals(value.filter((i): i is [number, number] => Array.isArray(i) && i.length === 2)) : [];
  } catch {
    return [];
  }
}
