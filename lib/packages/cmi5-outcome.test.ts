import { describe, expect, it } from "vitest";
import {
  afterVerdicts,
  cmi5Verdicts,
  isCmi5Satisfied,
  NOTHING_SENT,
  parseMasteryScore,
  scaledScore,
  type Cmi5Launch,
  type Cmi5MoveOn,
  type Cmi5Sent,
} from "./cmi5-outcome";
import type { ScoOutcome } from "./sco-outcome";

const NORMAL: Cmi5Launch = { launchMode: "Normal", moveOn: "CompletedAndPassed", masteryScore: 0.66 };
const quiz = (score: number, total = 3, isPassed = score >= 2) => ({ score, total, isPassed });
const outcome = (watchedS: number, q: ScoOutcome["quiz"] = null): ScoOutcome => ({ watchedS, durationS: 100, quiz: q });
const sent = (over: Partial<Cmi5Sent> = {}): Cmi5Sent => ({ ...NOTHING_SENT, ...over });

describe("cmi5Verdicts", () => {
  const cases: [string, ScoOutcome, Cmi5Launch, Cmi5Sent, string[], boolean?][] = [
    ["nothing watched, no quiz", outcome(0), NORMAL, sent(), []],
    ["89 % watched: not yet completed", outcome(89), NORMAL, sent(), []],
    ["90 % watched: completed", outcome(90), NORMAL, sent(), ["completed"]],
    ["completed is sent once per registration", outcome(100), NORMAL, sent({ completed: true }), []],
    ["quiz passed without watching (sought to the end): passed, not completed", outcome(0, quiz(3)), NORMAL, sent(), ["passed"]],
    ["watched and passed at once: completed then passed", outcome(95, quiz(3)), NORMAL, sent(), ["completed", "passed"]],
    ["quiz failed: nothing yet, the learner may try again", outcome(95, quiz(1)), NORMAL, sent({ completed: true }), []],
    ["quiz failed when the session ends: failed", outcome(95, quiz(1)), NORMAL, sent({ completed: true }), ["failed"], true],
    ["quiz failed, then passed in the same session: passed only", outcome(95, quiz(3)), NORMAL, sent({ completed: true }), ["passed"], true],
    ["no quiz when the session ends: nothing", outcome(50), NORMAL, sent(), [], true],
    ["failed once per registration", outcome(95, quiz(1)), NORMAL, sent({ completed: true, failed: true }), [], true],
    ["passed after an earlier failed", outcome(95, quiz(3)), NORMAL, sent({ completed: true, failed: true }), ["passed"]],
    ["nothing after passed, even a worse attempt", outcome(95, quiz(0)), NORMAL, sent({ completed: true, passed: true }), [], true],
    ["the LMS's masteryScore overrides the quiz's own pass mark (higher)", outcome(0, quiz(2, 3, true)), { ...NORMAL, masteryScore: 0.8 }, sent(), ["failed"], true],
    ["the LMS's masteryScore overrides the quiz's own pass mark (lower)", outcome(0, quiz(1, 3, false)), { ...NORMAL, masteryScore: 0.3 }, sent(), ["passed"]],
    ["exactly the masteryScore passes", outcome(0, quiz(3, 4, false)), { ...NORMAL, masteryScore: 0.75 }, sent(), ["passed"]],
    ["no masteryScore: the quiz's own rule", outcome(0, quiz(2, 3, true)), { launchMode: "Normal", moveOn: "Completed" }, sent(), ["passed"]],
    ["an empty quiz is no assessment", outcome(0, quiz(0, 0, true)), NORMAL, sent(), []],
    ["Browse mode: nothing", outcome(100, quiz(3)), { ...NORMAL, launchMode: "Browse" }, sent(), []],
    ["Review mode: nothing", outcome(100, quiz(1)), { ...NORMAL, launchMode: "Review" }, sent(), [], true],
  ];
  it.each(cases)("%s", (_name, o, launch, before, verbs, isLeaving = false) => {
    expect(cmi5Verdicts(o, launch, before, isLeaving).map((v) => v.verb)).toEqual(verbs);
  });

  it("gives passed and failed the score scaled, raw, min and max", () => {
    expect(cmi5Verdicts(outcome(0, quiz(2, 3, true)), { ...NORMAL, masteryScore: 0.66 }, sent())).toEqual([
      { verb: "passed", score: { scaled: 0.6667, raw: 2, min: 0, max: 3 } },
    ]);
    expect(cmi5Verdicts(outcome(0, quiz(1, 4, false)), NORMAL, sent(), true)).toEqual([{ verb: "failed", score: { scaled: 0.25, raw: 1, min: 0, max: 4 } }]);
  });
});

describe("afterVerdicts and isCmi5Satisfied (moveOn)", () => {
  it("marks what was sent", () => {
    expect(afterVerdicts(sent(), [{ verb: "completed" }])).toEqual(sent({ completed: true }));
    expect(afterVerdicts(sent({ completed: true }), [{ verb: "failed", score: { scaled: 0, raw: 0, min: 0, max: 3 } }])).toEqual(sent({ completed: true, failed: true }));
  });

  const table: [Cmi5MoveOn, Cmi5Sent, boolean][] = [
    ["CompletedAndPassed", sent({ passed: true }), false],
    ["CompletedAndPassed", sent({ completed: true }), false],
    ["CompletedAndPassed", sent({ completed: true, passed: true }), true],
    ["CompletedOrPassed", sent({ passed: true }), true],
    ["CompletedOrPassed", sent({ failed: true }), false],
    ["Completed", sent({ completed: true }), true],
    ["Completed", sent({ passed: true }), false],
    ["Passed", sent({ passed: true }), true],
    ["Passed", sent({ completed: true, failed: true }), false],
    ["NotApplicable", sent(), true],
  ];
  it.each(table)("%s with %o → %s", (moveOn, s, expected) => {
    expect(isCmi5Satisfied(moveOn, s)).toBe(expected);
  });
});

describe("scaledScore and parseMasteryScore", () => {
  it.each([
    [3, 3, 1],
    [0, 3, 0],
    [2, 3, 0.6667],
    [5, 3, 1],
    [-1, 3, 0],
    [1, 0, 0],
    [Number.NaN, 3, 0],
  ])("scaledScore(%d, %d) = %d", (score, total, scaled) => {
    expect(scaledScore(score, total)).toBe(scaled);
  });

  it.each([
    [0.66, 0.66],
    [0, 0],
    [1, 1],
    [1.2, undefined],
    [-0.1, undefined],
    ["0.5", undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])("parseMasteryScore(%o) = %o", (value, expected) => {
    expect(parseMasteryScore(value)).toBe(expected);
  });
});
