/**
 * The resume state a SCO keeps in the LMS (SCORM 1.2's `cmi.suspend_data`, at most 4,096
 * characters): where the learner stopped, the intervals really played, the quiz answers. Pure
 * functions, shared by the runtime (packages/runtime/) and its tests.
 *
 * Text format, version 1: `1~<position>~<start>.<end>,…~<answers>`, times in tenths of a second
 * written in base 36, answers one character each (a choice index in base 36, `-` for none).
 * When the intervals do not fit, they are shrunk inwards to coarser steps (never widened) and,
 * as a last resort, the shortest ones are dropped: what a decoded state counts as watched is never
 * more than what was played.
 */
import { coveredSeconds, mergeIntervals, type Interval } from "@/lib/progress";

export type ResumeState = { positionS: number; intervals: [number, number][]; answers: (number | null)[] };

/** SCORM 1.2's limit for `cmi.suspend_data`. */
export const SUSPEND_DATA_MAX_LENGTH = 4096;
/** More answers than any quiz has; the rest are not kept. */
const MAX_ANSWERS = 100;
const VERSION = "1";

export const EMPTY_RESUME_STATE: ResumeState = { positionS: 0, intervals: [], answers: [] };

const tenths = (s: number) => Math.round(s * 10);
const toText = (n: number) => n.toString(36);

/** Intervals in tenths of a second, shrunk inwards to multiples of `step` tenths; empty ones dropped. */
function coarsen(intervals: readonly Interval[], step: number): [number, number][] {
  return intervals
    .map(([s, e]) => [Math.ceil(tenths(s) / step) * step, Math.floor(tenths(e) / step) * step] as [number, number])
    .filter(([s, e]) => e > s);
}

function intervalsText(intervals: readonly [number, number][]): string {
  return intervals.map(([s, e]) => `${toText(s)}.${toText(e)}`).join(",");
}

/** The resume state as text of at most `maxLength` characters (4,096 by default). */
export function encodeSuspendData(state: ResumeState, maxLength = SUSPEND_DATA_MAX_LENGTH): string {
  const position = Number.isFinite(state.positionS) ? Math.max(0, tenths(state.positionS)) : 0;
  const answers = state.answers
    .slice(0, MAX_ANSWERS)
    .map((a) => (typeof a === "number" && Number.isInteger(a) && a >= 0 && a < 36 ? toText(a) : "-"))
    .join("");
  const clean = mergeIntervals(state.intervals.filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e)).map(([s, e]) => [Math.max(0, s), e] as const));
  const head = `${VERSION}~${toText(position)}~`;
  const tail = `~${answers}`;
  const room = maxLength - head.length - tail.length;
  // Steps of 0.1 s, 1 s, 2 s, 4 s… until the text fits.
  for (let step = 1; step <= 1 << 20; step = step === 1 ? 10 : step * 2) {
    let kept = coarsen(clean, step);
    let text = intervalsText(kept);
    if (text.length <= room) return head + text + tail;
    if (step >= 1 << 19) {
      // Last resort: drop the shortest intervals until the rest fits.
      kept = [...kept].sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
      while (kept.length > 0 && (text = intervalsText([...kept].sort((a, b) => a[0] - b[0]))).length > room) kept.pop();
      return head + text + tail;
    }
  }
  return head + tail;
}

const NUMBER = /^[0-9a-z]{1,9}$/;
const fromText = (text: string): number | null => (NUMBER.test(text) ? parseInt(text, 36) : null);

/** Text written by `encodeSuspendData` back to the state; anything else (empty, garbage, another version) reads as the empty state. */
export function decodeSuspendData(text: unknown): ResumeState {
  if (typeof text !== "string" || text.length > SUSPEND_DATA_MAX_LENGTH * 2) return EMPTY_RESUME_STATE;
  const parts = text.split("~");
  if (parts.length !== 4 || parts[0] !== VERSION) return EMPTY_RESUME_STATE;
  const [, positionText = "", intervalsPart = "", answersPart = ""] = parts;
  const position = fromText(positionText);
  if (position === null) return EMPTY_RESUME_STATE;
  const intervals: [number, number][] = [];
  for (const pair of intervalsPart ? intervalsPart.split(",") : []) {
    const [s, e, extra] = pair.split(".");
    const start = fromText(s ?? "");
    const end = fromText(e ?? "");
    if (start === null || end === null || extra !== undefined) return EMPTY_RESUME_STATE;
    if (end > start) intervals.push([start / 10, end / 10]);
  }
  if (!/^[0-9a-z-]*$/.test(answersPart)) return EMPTY_RESUME_STATE;
  const answers = [...answersPart].slice(0, MAX_ANSWERS).map((c) => (c === "-" ? null : parseInt(c, 36)));
  return { positionS: position / 10, intervals: mergeIntervals(intervals).map(([s, e]) => [s, e]), answers };
}

/** Unique seconds a resume state counts as watched. */
export function resumeWatchedS(state: ResumeState): number {
  return coveredSeconds(state.intervals);
}
