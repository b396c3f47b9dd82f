"use client";

import { lazy, useState, type ReactNode } from "react";
import { makeLearningTranslator, type LearningMessages } from "@/components/player/messages";
import type { ModulePlayerProps } from "@/components/player/module-player";
import type { ServerProgress } from "@/components/player/progress-reporter";
import { ProgressBar } from "@/components/progress/progress-bar";
import { LazyQuiz } from "./lazy-quiz";
import type { PublicQuestion } from "./quiz-view";

// The player is rendered on the server with the page; its code comes in its own chunk, requested as
// soon as this one runs (React.lazy: next/dynamic would add its own loader code to the page's first
// load). No <Suspense> around it: React outlines a large boundary (the player and its transcript)
// to the end of the HTML and moves it in with a script, which a browser without JavaScript never
// runs and which moves the page once painted. Without a boundary the server renders it in place,
// and the browser keeps that HTML until the chunk has come and the page hydrates.
const playerModule = typeof window === "undefined" ? null : import("@/components/player/module-player");
const ModulePlayer = lazy(async () => ({ default: (await (playerModule ?? import("@/components/player/module-player"))).ModulePlayer }));

/** The player, the learner's progress in the module and the quiz, sharing one progress state. */
export function ModuleLearning({
  player,
  messages,
  quiz,
  initialProgress,
  aside,
  middle,
}: {
  player: Omit<ModulePlayerProps, "onProgress" | "aside" | "belowVideo" | "middle" | "messages">;
  messages: LearningMessages;
  quiz: { questions: PublicQuestion[]; fallback: ReactNode };
  initialProgress: ServerProgress | null;
  aside?: ReactNode;
  middle?: ReactNode;
}) {
  const t = makeLearningTranslator(messages);
  const [progress, setProgress] = useState<ServerProgress | null>(initialProgress);
  const percent = progress ? Math.min(100, Math.floor((progress.watchedS / progress.durationS) * 100)) : 0;
  const progressPanel = progress && (
    <section aria-labelledby="module-progress-heading" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4" data-testid="module-progress">
      <h2 id="module-progress-heading" className="font-semibold">
        {t("progress.title")} — {t(`progress.status.${progress.status}`)}
      </h2>
      <ProgressBar value={percent} label={t("progress.watched", { percent })} />
      <p className="text-sm">
        {progress.isQuizPassed ? t("progress.quizPassed", { score: progress.quizBestScore ?? 0, total: progress.quizTotal ?? quiz.questions.length }) : t("progress.quizTodo")}
      </p>
      {progress.status === "completed" && <p className="font-semibold text-green-800">✓ {t("progress.completed")}</p>}
    </section>
  );
  return (
    <div className="space-y-8">
      <ModulePlayer {...player} messages={messages} onProgress={setProgress} aside={aside} belowVideo={progressPanel} middle={middle} />
      <LazyQuiz moduleId={player.moduleId} questions={quiz.questions} messages={messages} isSignedIn={!!player.session} session={player.session} onProgress={setProgress} fallback={quiz.fallback} />
    </div>
  );
}
