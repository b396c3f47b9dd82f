/**
 * The module's quiz in the SCO: graded in the browser with the platform's rule (lib/quiz.ts),
 * each question marked right or wrong with its explanation, the score said in a status line.
 */
import type { QuizQuestion } from "@/lib/content/types";
import { gradeQuiz, type QuizResult } from "@/lib/quiz";

export type QuizHandlers = { onGraded(answers: number[], result: QuizResult): void };

/** The chosen answer of each question (null when none is checked). */
function readAnswers(form: HTMLFormElement, count: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const checked = form.querySelector<HTMLInputElement>(`input[name="q${i}"]:checked`);
    return checked ? Number(checked.value) : null;
  });
}

/** Shows a graded attempt: each question's feedback and the score. */
export function showResult(form: HTMLFormElement, questions: QuizQuestion[], answers: readonly number[], result: QuizResult, passingScore: number) {
  result.results.forEach((r, i) => {
    const feedback = form.querySelector<HTMLElement>(`#sco-q${i}-feedback`);
    const question = questions[i];
    if (!feedback || !question) return;
    feedback.hidden = false;
    feedback.className = `feedback ${r.isCorrect ? "correct" : "incorrect"}`;
    feedback.textContent = `${r.isCorrect ? "Bonne réponse." : `Ce n’est pas la bonne réponse. La bonne réponse : « ${question.choices[r.correctAnswer] ?? ""} ».`} ${r.explanation}`;
    const chosen = form.querySelector<HTMLInputElement>(`input[name="q${i}"][value="${answers[i]}"]`);
    if (chosen) chosen.checked = true;
  });
  const status = form.querySelector<HTMLElement>("#sco-quiz-result");
  if (status) {
    status.className = `quiz-result ${result.isPassed ? "correct" : "incorrect"}`;
    status.textContent = `${result.score} bonne(s) réponse(s) sur ${result.total}. ${
      result.isPassed ? "Quiz réussi !" : `Pas encore : il faut ${passingScore} bonnes réponses sur ${result.total}. Relisez la transcription et réessayez.`
    }`;
  }
}

/** Wires the quiz's form: checks every question is answered, grades, shows, tells `onGraded`. */
export function startQuiz(form: HTMLFormElement, questions: QuizQuestion[], passingScore: number, handlers: QuizHandlers) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = readAnswers(form, questions.length);
    const status = form.querySelector<HTMLElement>("#sco-quiz-result");
    if (chosen.some((a) => a === null)) {
      if (status) {
        status.className = "quiz-result incorrect";
        status.textContent = "Répondez à toutes les questions avant de vérifier.";
      }
      return;
    }
    const answers = chosen as number[];
    const result = gradeQuiz(questions, answers);
    showResult(form, questions, answers, result, passingScore);
    handlers.onGraded(answers, result);
  });
}
