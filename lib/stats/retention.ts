/**
 * Audience retention inside a module: a module is cut into slices of SLICE_S seconds (the last one
 * may be shorter), and a learner counts for a slice once they have watched at least half of it.
 * The counters are kept at write time from the newly credited seconds only: comparing the learner's
 * merged intervals before and after one report tells which slices just crossed the half — no other
 * learner's intervals are ever read. Pure.
 */
import { coveredSeconds, mergeIntervals, type Interval } from "../progress";

export const SLICE_S = 10;
/** A slice is watched once this share of it is covered. */
export const SLICE_WATCHED_SHARE = 0.5;

export function sliceCount(durationS: number, sliceS = SLICE_S): number {
  return Math.max(0, Math.ceil(durationS / sliceS));
}

function coveredIn(intervals: readonly Interval[], startS: number, endS: number): number {
  return coveredSeconds(intervals.flatMap(([s, e]) => (e <= startS || s >= endS ? [] : [[Math.max(s, startS), Math.min(e, endS)] as const])));
}

/** The slices (indexes) a learner's merged intervals count as watched. */
export function watchedSlices(intervals: readonly Interval[], durationS: number, sliceS = SLICE_S): number[] {
  const merged = mergeIntervals(intervals);
  const slices: number[] = [];
  for (let i = 0; i < sliceCount(durationS, sliceS); i++) {
    const startS = i * sliceS;
    const endS = Math.min(durationS, startS + sliceS);
    if (coveredIn(merged, startS, endS) >= (endS - startS) * SLICE_WATCHED_SHARE) slices.push(i);
  }
  return slices;
}

/**
 * The slices that one report makes newly watched: watched after it, not before. Their counters
 * are incremented by one each in the report's transaction; a replayed or re-watched report adds
 * nothing, since coverage only grows.
 */
export function newlyWatchedSlices(before: readonly Interval[], after: readonly Interval[], durationS: number, sliceS = SLICE_S): number[] {
  const was = new Set(watchedSlices(before, durationS, sliceS));
  return watchedSlices(after, durationS, sliceS).filter((i) => !was.has(i));
}
