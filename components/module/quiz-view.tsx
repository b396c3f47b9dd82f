import type { LearningTranslate } from "@/components/player/messages";
import { passingScore, type QuizResult } from "@/lib/quiz";

export type PublicQuestion = { question: string; choices: string[] };

export type QuizViewProps = {
  moduleId: string;
  questions: PublicQuestion[];
  t: LearningTranslate;
  isSignedIn: boolean;
  answers: (number | null)[];
  result: QuizResult | null;
  error: string | null;
  /** Answers kept on the device without a connection (components/module/quiz-outbox.ts). */
  notice?: string | null;
  isSubmitting: boolean;
  /** Absent in the server-rendered quiz shown until the quiz's code is loaded (components/module/lazy-quiz.tsx). */
  onAnswer?: (questionIndex: number, choiceIndex: number) => void;
  onSubmit?: () => void;
  onRetry?: () => void;
};

/**
 * The checkpoint quiz as markup, without state: rendered on the server with the page (what the
 * page shows first) and by the interactive Quiz once its code is loaded, so both look the same.
 */
export function QuizView({ moduleId, questions, t, isSignedIn, answers, result, error, notice, isSubmitting, onAnswer, onSubmit, onRetry }: QuizViewProps) {
  return (
    <section aria-labelledby="quiz-heading" className="space-y-4">
      <h2 id="quiz-heading" className="text-xl font-semibold">
        {t("quiz.title")}
      </h2>
      <p className="text-neutral-700">{t("quiz.intro", { count: questions.length })}</p>
      {!isSignedIn && <p className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900">{t("quiz.signIn")}</p>}
      <form
        className="space-y-4"
        onSubmit={
          onSubmit &&
          ((event) => {
            event.preventDefault();
            onSubmit();
          })
        }
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
                    onChange={onAnswer ? () => onAnswer(qi, ci) : undefined}
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
        {notice && (
          <p role="status" className="rounded bg-amber-50 p-2 text-sm font-medium text-amber-950" data-testid="quiz-queued">
            {notice}
          </p>
        )}
        {result ? (
          <div className="flex flex-wrap items-center gap-3" aria-live="polite">
            <p className="font-semibold">
              {t("quiz.score", { correct: result.score, total: result.total })}{" "}
              {result.isPassed ? t("quiz.passed") : t("quiz.failed", { needed: passingScore(result.total), total: result.total })}
            </p>
            <button type="button" onClick={onRetry} className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
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
