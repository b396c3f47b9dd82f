import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "./content/types";
import { gradeQuiz, passingScore, publicQuestions } from "./quiz";

const q = (answer: number): QuizQuestion => ({ question: "?", choices: ["a", "b", "c"], answer, explanation: "parce que" });

describe("gradeQuiz", () => {
  it.each([
    [2, 2],
    [3, 2],
    [4, 3],
  ])("%i questions need %i right", (total, needed) => expect(passingScore(total)).toBe(needed));

  const table: [number[], number[], number, boolean][] = [
    [[0, 1], [0, 1], 2, true],
    [[0, 1], [0, 2], 1, false],
    [[0, 1, 2], [0, 1, 0], 2, true],
    [[0, 1, 2], [1, 1, 0], 1, false],
    [[0, 1, 2, 0], [0, 1, 2, 1], 3, true],
    [[0, 1], [], 0, false],
  ];
  it.each(table)("answers %j against %j → %i right, passed %s", (rightAnswers, given, score, isPassed) => {
    const result = gradeQuiz(rightAnswers.map(q), given);
    expect(result.score).toBe(score);
    expect(result.isPassed).toBe(isPassed);
    expect(result.results.map((r) => r.correctAnswer)).toEqual(rightAnswers);
  });

  it("never sends the answers to the browser before grading", () => {
    expect(JSON.stringify(publicQuestions([q(2)]))).not.toMatch(/answer|explanation|parce que/);
  });
});
