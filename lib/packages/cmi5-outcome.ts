/**
 * What a cmi5 AU (packages/runtime/cmi5.ts) reports about one module, decided by the platform's own
 * rules (lib/progress.ts) and the cmi5 specification (Quartz): pure functions, kept here to be tested.
 *
 * - "completed" when the learner experienced the content: watched enough (≥ 90 % of unique seconds),
 *   never by seeking. Sent once per registration.
 * - "passed" / "failed" for the assessment (the quiz), against the LMS's masteryScore from
 *   LMS.LaunchData when there is one (it overrides the AU's own pass mark), else the quiz's own rule.
 *   "passed" as soon as the quiz is passed, at most once per registration. "failed" only when the
 *   session ends with the quiz taken and not passed: the learner may try again within the session,
 *   and cmi5 allows one of {passed, failed} per session, never "failed" after "passed" (§ 9.3).
 *   "failed" once per registration.
 * - Nothing but initialized / terminated outside the "Normal" launch mode (Browse, Review).
 */
import { isWatchedEnough } from "@/lib/progress";
import type { ScoOutcome } from "./sco-outcome";

export type Cmi5MoveOn = "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
export type Cmi5LaunchMode = "Normal" | "Browse" | "Review";

/** What the AU uses from LMS.LaunchData. */
export type Cmi5Launch = { launchMode: Cmi5LaunchMode; moveOn: Cmi5MoveOn; masteryScore?: number };

/** The cmi5-defined verbs the AU has already sent in this registration (kept in the AU's state document). */
export type Cmi5Sent = { completed: boolean; passed: boolean; failed: boolean };

export const NOTHING_SENT: Cmi5Sent = { completed: false, passed: false, failed: false };

export type Cmi5Verdict =
  | { verb: "completed" }
  | { verb: "passed" | "failed"; score: { scaled: number; raw: number; min: number; max: number } };

/** The quiz's score scaled to 0–1 (4 decimals at most), what `result.score.scaled` holds. */
export function scaledScore(score: number, total: number): number {
  if (!(total > 0) || !Number.isFinite(score)) return 0;
  return Math.round((Math.min(Math.max(score, 0), total) / total) * 10_000) / 10_000;
}

/** A masteryScore as cmi5 allows it (a decimal from 0 to 1), else undefined. */
export function parseMasteryScore(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/** The statements to send now, in order, for an outcome (what was sent before is not sent again); `isLeaving` when the session ends. */
export function cmi5Verdicts(outcome: ScoOutcome, launch: Cmi5Launch, sent: Cmi5Sent, isLeaving = false): Cmi5Verdict[] {
  if (launch.launchMode !== "Normal") return [];
  const verdicts: Cmi5Verdict[] = [];
  if (!sent.completed && isWatchedEnough(outcome.watchedS, outcome.durationS)) verdicts.push({ verb: "completed" });
  const quiz = outcome.quiz;
  if (quiz && quiz.total > 0 && !sent.passed) {
    const scaled = scaledScore(quiz.score, quiz.total);
    const mastery = parseMasteryScore(launch.masteryScore);
    const isPassed = mastery === undefined ? quiz.isPassed : scaled >= mastery;
    const score = { scaled, raw: Math.min(Math.max(quiz.score, 0), quiz.total), min: 0, max: quiz.total };
    if (isPassed) verdicts.push({ verb: "passed", score });
    else if (isLeaving && !sent.failed) verdicts.push({ verb: "failed", score });
  }
  return verdicts;
}

/** What the registration has once the verdicts are sent. */
export function afterVerdicts(sent: Cmi5Sent, verdicts: readonly Cmi5Verdict[]): Cmi5Sent {
  const next = { ...sent };
  for (const v of verdicts) next[v.verb] = true;
  return next;
}

/** Whether the AU is satisfied for the LMS under its moveOn rule (cmi5 § 10.2.3 / 13.1.4), from what was sent. */
export function isCmi5Satisfied(moveOn: Cmi5MoveOn, sent: Cmi5Sent): boolean {
  switch (moveOn) {
    case "Completed":
      return sent.completed;
    case "Passed":
      return sent.passed;
    case "CompletedAndPassed":
      return sent.completed && sent.passed;
    case "CompletedOrPassed":
      return sent.completed || sent.passed;
    case "NotApplicable":
      return true;
  }
}
