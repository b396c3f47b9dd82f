"use client";

import { useState } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { passingScore, type QuizResult } from "@/lib/quiz";
import type { ServerProgress } from "@/components/player/progress-reporter";

type PublicQuestion = { question: string; choices: string[] };

/**
 * The checkpoint quiz. Answers are graded by the server (they are not in the page); the result
 * says which answers were right and why; retrying is allowed and the best result counts.
 */
export function Quiz({
  moduleId,
  questions,
  locale,
  isSignedIn,
  onProgress,
}: {
  moduleId: string;
  questions: PublicQuestion[];
  locale: Locale;
  isSignedIn: boolean;
  onProgress: (progress: ServerProgress) => void;
}) {
  const t = makeTranslator(locale);
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map(() => null));
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function submit() {
    if (answers.some((a) => a === null)) {
      setError(t("quiz.answerAll"));
      return;
    }
    setError(null);
    setIsSubmitting(true);
    try {
      const response = await fetch("/api/quiz-attempts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ moduleId, answers }),
      });
      const body = (await response.json().catch(() => ({}))) as { result?: QuizResult; progress?: ServerProgress; error?: { message?: string } };
      if (!response.ok || !body.result) {
        setError(body.error?.message ?? t("errors.generic"));
        return;
      }
      setResult(body.result);
      if (body.progress) onProgress(body.progress);
    } catch {
      setError(t("errors.network"));
    } finally {
      setIsSubmitting(false);
    }
  }

  function retry() {
    setAnswers(questions.map(() => null));
    setResult(null);
  }

  return (
    <section aria-labelledby="quiz-heading" className="space-y-4">
      <h2 id="quiz-heading" className="text-xl font-semibold">
        {t("quiz.title")}
      </h2>
      <p className="text-neutral-700">{t("quiz.intro", { count: questions.length })}</p>
      {!isSignedIn && <p className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900">{t("quiz.signIn")}</p>}
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {questions.map((question, qi) => {
          const name = `${moduleId}-q${qi}`;
          const graded = result?.results[qi];
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
                    disabled={!!result || !isSignedIn}
                    onChange={() => setAnswers((previous) => previous.map((a, i) => (i === qi ? ci : a)))}
                    className="mt-1"
                  />
                  <span>{choice}</span>
                </label>
              ))}
              {graded && (
                <div role="status" className={`rounded p-2 text-sm ${graded.isCorrect ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
                  <p className="font-semibold">
                    {graded.isCorrect ? t("quiz.correct") : t("quiz.incorrect", { answer: question.choices[graded.correctAnswer] ?? "" })}
                  </p>
                  <p>{graded.explanation}</p>
                </div>
              )}
            </fieldset>
          );
        })}
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
        {result ? (
          <div className="flex flex-wrap items-center gap-3" aria-live="polite">
            <p className="font-semibold">
              {t("quiz.score", { correct: result.score, total: result.total })}{" "}
              {result.isPassed ? t("quiz.passed") : t("quiz.failed", { needed: passingScore(result.total), total: result.total })}
            </p>
            <button type="button" onClick={retry} className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("quiz.retry")}
            </button>
          </div>
        ) : (
          <button type="submit" disabled={isSubmitting || !isSignedIn} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {t("quiz.submit")}
          </button>
        )}
      </form>
    </section>
  );
}
