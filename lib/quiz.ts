/** Checkpoint quiz grading: one right answer per question; passing needs two thirds right. */
import type { QuizQuestion } from "./content/types";

export type QuizResult = {
  score: number;
  total: number;
  isPassed: boolean;
  results: { isCorrect: boolean; correctAnswer: number; explanation: string }[];
};

export function passingScore(total: number): number {
  return Math.ceil((2 * total) / 3);
}

export function gradeQuiz(questions: QuizQuestion[], answers: readonly number[]): QuizResult {
  const results = questions.map((question, i) => ({
    isCorrect: answers[i] === question.answer,
    correctAnswer: question.answer,
    explanation: question.explanation,
  }));
  const score = results.filter((r) => r.isCorrect).length;
  return { score, total: questions.length, isPassed: score >= passingScore(questions.length), results };
}

/** What the browser gets before answering: the questions without their answers. */
export function publicQuestions(questions: QuizQuestion[]): { question: string; choices: string[] }[] {
  return questions.map(({ question, choices }) => ({ question, choices }));
}
