/**
 * What a SCO reports to the LMS about one module, decided by the platform's own rules
 * (lib/progress.ts for the watched share, lib/quiz.ts for the quiz): pure functions used by the
 * runtime (packages/runtime/) and kept here to be tested.
 */
import { isModuleComplete, isWatchedEnough } from "@/lib/progress";

/** The quiz as graded in the SCO (the best attempt of the learner). */
export type QuizOutcome = { score: number; total: number; isPassed: boolean };

/** What the tracker reports: watched unique seconds and the quiz, if taken. */
export type ScoOutcome = { watchedS: number; durationS: number; quiz: QuizOutcome | null };

export type Scorm12LessonStatus = "incomplete" | "passed" | "failed";

/**
 * SCORM 1.2's `cmi.core.lesson_status`: "passed" when the module is complete (watched enough and
 * quiz passed), "failed" when the quiz was failed after watching enough, else "incomplete".
 * Never "completed": reaching the end by seeking adds no watched second.
 */
export function scorm12LessonStatus(outcome: ScoOutcome): Scorm12LessonStatus {
  const isQuizPassed = outcome.quiz?.isPassed === true;
  if (isModuleComplete({ watchedS: outcome.watchedS, durationS: outcome.durationS, isQuizPassed })) return "passed";
  if (outcome.quiz && !outcome.quiz.isPassed && isWatchedEnough(outcome.watchedS, outcome.durationS)) return "failed";
  return "incomplete";
}

/** The quiz's score as a percentage (0–100, whole), what `cmi.core.score.raw` holds with min 0 and max 100. */
export function scorePercent(quiz: QuizOutcome): number {
  return quiz.total > 0 ? Math.round((100 * quiz.score) / quiz.total) : 0;
}

/** SCORM 1.2's CMITimespan `HHHH:MM:SS.SS` for a duration in milliseconds (negative and non-finite read as 0, hours capped at 9999). */
export function scorm12Timespan(ms: number): string {
  const hundredths = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 10)) : 0;
  const hours = Math.min(9999, Math.floor(hundredths / 360_000));
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  const [whole, fraction = "00"] = seconds.toFixed(2).split(".");
  return `${String(hours).padStart(4, "0")}:${String(minutes).padStart(2, "0")}:${whole!.padStart(2, "0")}.${fraction}`;
}

/** `cmi.core.lesson_location` back to a position in seconds; anything else reads as null. */
export function parseLessonLocation(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,7}(\.\d{1,3})?$/.test(value)) return null;
  return Number(value);
}
