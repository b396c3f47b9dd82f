"use client";

import { useState } from "react";
import { makeLearningTranslator, type LearningMessages } from "@/components/player/messages";
import type { ServerProgress } from "@/components/player/progress-reporter";
import type { QuizResult } from "@/lib/quiz";
import { QuizView, type PublicQuestion } from "./quiz-view";

/**
 * The checkpoint quiz. Answers are graded by the server (they are not in the page); the result
 * says which answers were right and why; retrying is allowed and the best result counts. Loaded
 * when the learner comes near it (components/module/lazy-quiz.tsx), which hands over the answers
 * already chosen in the server-rendered quiz.
 */
export type QuizProps = {
  moduleId: string;
  questions: PublicQuestion[];
  messages: LearningMessages;
  isSignedIn: boolean;
  onProgress: (progress: ServerProgress) => void;
  initialAnswers?: (number | null)[];
};

export function Quiz({ moduleId, questions, messages, isSignedIn, onProgress, initialAnswers }: QuizProps) {
  const t = makeLearningTranslator(messages);
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map((_, qi) => initialAnswers?.[qi] ?? null));
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

  return (
    <QuizView
      moduleId={moduleId}
      questions={questions}
      t={t}
      isSignedIn={isSignedIn}
      answers={answers}
      result={result}
      error={error}
      isSubmitting={isSubmitting}
      onAnswer={(qi, ci) => setAnswers((previous) => previous.map((a, i) => (i === qi ? ci : a)))}
      onSubmit={() => void submit()}
      onRetry={() => {
        setAnswers(questions.map(() => null));
        setResult(null);
      }}
    />
  );
}
