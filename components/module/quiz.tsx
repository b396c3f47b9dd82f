"use client";

import { useState } from "react";
import type { QuizQuestion } from "@/lib/content/types";
import { makeTranslator, type Locale } from "@/lib/i18n";

/**
 * The module's checkpoint quiz, checked in the browser: each answer is marked right or wrong with
 * its explanation, and the quiz can be retried. (Recording results belongs to progress tracking.)
 */
export function Quiz({ moduleId, questions, locale }: { moduleId: string; questions: QuizQuestion[]; locale: Locale }) {
  const t = makeTranslator(locale);
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map(() => null));
  const [isChecked, setIsChecked] = useState(false);
  const [isIncomplete, setIsIncomplete] = useState(false);
  const correctCount = questions.filter((q, i) => answers[i] === q.answer).length;

  function check() {
    if (answers.some((a) => a === null)) {
      setIsIncomplete(true);
      return;
    }
    setIsIncomplete(false);
    setIsChecked(true);
  }

  function retry() {
    setAnswers(questions.map(() => null));
    setIsChecked(false);
  }

  return (
    <section aria-labelledby="quiz-heading" className="space-y-4">
      <h2 id="quiz-heading" className="text-xl font-semibold">
        {t("quiz.title")}
      </h2>
      <p className="text-neutral-700">{t("quiz.intro", { count: questions.length })}</p>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          check();
        }}
      >
        {questions.map((question, qi) => {
          const name = `${moduleId}-q${qi}`;
          const isRight = answers[qi] === question.answer;
          return (
            <fieldset key={name} className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4">
              <legend className="px-1 font-semibold">
                {t("quiz.question", { number: qi + 1 })} — {question.question}
              </legend>
              {question.choices.map((choice, ci) => (
                <label key={ci} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name={name}
                    value={ci}
                    checked={answers[qi] === ci}
                    disabled={isChecked}
                    onChange={() => setAnswers((previous) => previous.map((a, i) => (i === qi ? ci : a)))}
                    className="mt-1"
                  />
                  <span>{choice}</span>
                </label>
              ))}
              {isChecked && (
                <div role="status" className={`rounded p-2 text-sm ${isRight ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
                  <p className="font-semibold">
                    {isRight ? t("quiz.correct") : t("quiz.incorrect", { answer: question.choices[question.answer] ?? "" })}
                  </p>
                  <p>{question.explanation}</p>
                </div>
              )}
            </fieldset>
          );
        })}
        {isIncomplete && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {t("quiz.answerAll")}
          </p>
        )}
        {isChecked ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="font-semibold" aria-live="polite">
              {t("quiz.score", { correct: correctCount, total: questions.length })}
            </p>
            <button type="button" onClick={retry} className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("quiz.retry")}
            </button>
          </div>
        ) : (
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("quiz.submit")}
          </button>
        )}
      </form>
    </section>
  );
}
