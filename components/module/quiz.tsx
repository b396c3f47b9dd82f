"use client";

import { useEffect, useState } from "react";
import { makeLearningTranslator, type LearningMessages } from "@/components/player/messages";
import type { ServerProgress } from "@/components/player/progress-reporter";
import type { QuizResult } from "@/lib/quiz";
import { postQuizAttempt, queuedQuizAttemptOf, type QueuedAttempt } from "./quiz-outbox";
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
  /** The learner's signed playback session of this module page, sent with the answers. */
  session?: string | null;
  onProgress: (progress: ServerProgress) => void;
  initialAnswers?: (number | null)[];
};

export function Quiz({ moduleId, questions, messages, isSignedIn, session, onProgress, initialAnswers }: QuizProps) {
  const t = makeLearningTranslator(messages);
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map((_, qi) => initialAnswers?.[qi] ?? null));
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  // Answered offline: kept on the device, graded by the server when the connection comes back.
  const [isQueued, setIsQueued] = useState(false);

  /** Sends an attempt; without a connection it waits on the device, and goes when the connection is back. */
  async function send(attempt: QueuedAttempt) {
    setError(null);
    setIsSubmitting(true);
    const outcome = await postQuizAttempt(attempt);
    setIsSubmitting(false);
    setIsQueued(outcome.kind === "queued");
    if (outcome.kind === "queued") return;
    const { isOk, body } = outcome;
    if (!isOk || !body.result) {
      setError(body.error?.message ?? t("errors.generic"));
      return;
    }
    setAnswers(attempt.answers);
    setResult(body.result);
    if (body.progress) onProgress(body.progress);
  }

  // An attempt of this module left waiting (this page or an earlier one): shown, and sent when the connection is back.
  useEffect(() => {
    const waiting = queuedQuizAttemptOf(moduleId);
    setIsQueued(waiting !== null);
    const sendWaiting = () => {
      const attempt = queuedQuizAttemptOf(moduleId);
      if (attempt) void send(attempt);
    };
    if (waiting) sendWaiting();
    window.addEventListener("online", sendWaiting);
    // A weak signal may come back without an "online" event: try again now and then while one waits.
    const timer = window.setInterval(sendWaiting, 15_000);
    return () => {
      window.removeEventListener("online", sendWaiting);
      window.clearInterval(timer);
    };
  }, [moduleId]);

  function submit() {
    if (answers.some((a) => a === null)) {
      setError(t("quiz.answerAll"));
      return;
    }
    void send({ attemptId: crypto.randomUUID(), moduleId, answers: answers as number[], ...(session ? { session } : {}) });
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
      notice={isQueued && !result ? t("quiz.queued") : null}
      isSubmitting={isSubmitting}
      onAnswer={(qi, ci) => setAnswers((previous) => previous.map((a, i) => (i === qi ? ci : a)))}
      onSubmit={submit}
      onRetry={() => {
        setAnswers(questions.map(() => null));
        setResult(null);
      }}
    />
  );
}
