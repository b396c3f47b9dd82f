"use client";

import { useState, type ReactNode } from "react";
import { ModulePlayer, type ModulePlayerProps } from "@/components/player/module-player";
import type { ServerProgress } from "@/components/player/progress-reporter";
import { ProgressBar } from "@/components/progress/progress-bar";
import { makeTranslator } from "@/lib/i18n";
import { Quiz } from "./quiz";

/** The player, the learner's progress in the module and the quiz, sharing one progress state. */
export function ModuleLearning({
  player,
  questions,
  initialProgress,
  aside,
  middle,
}: {
  player: Omit<ModulePlayerProps, "onProgress" | "aside" | "belowVideo" | "middle">;
  questions: { question: string; choices: string[] }[];
  initialProgress: ServerProgress | null;
  aside?: ReactNode;
  middle?: ReactNode;
}) {
  const t = makeTranslator(player.locale);
  const [progress, setProgress] = useState<ServerProgress | null>(initialProgress);
  const percent = progress ? Math.min(100, Math.floor((progress.watchedS / progress.durationS) * 100)) : 0;
  const progressPanel = progress && (
    <section aria-labelledby="module-progress-heading" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4" data-testid="module-progress">
      <h2 id="module-progress-heading" className="font-semibold">
        {t("progress.title")} — {t(`progress.status.${progress.status}`)}
      </h2>
      <ProgressBar value={percent} label={t("progress.watched", { percent })} />
      <p className="text-sm">
        {progress.isQuizPassed ? t("progress.quizPassed", { score: progress.quizBestScore ?? 0, total: progress.quizTotal ?? questions.length }) : t("progress.quizTodo")}
      </p>
      {progress.status === "completed" && <p className="font-semibold text-green-800">✓ {t("progress.completed")}</p>}
    </section>
  );
  return (
    <div className="space-y-8">
      <ModulePlayer {...player} onProgress={setProgress} aside={aside} belowVideo={progressPanel} middle={middle} />
      <Quiz moduleId={player.moduleId} questions={questions} locale={player.locale} isSignedIn={!!player.session} onProgress={setProgress} />
    </div>
  );
}
