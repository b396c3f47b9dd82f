"use client";

import type { ComponentProps, ReactNode } from "react";
import { ModuleLearning } from "@/components/module/module-learning";
import { useViewerStore } from "./viewer-client";

type LearningProps = ComponentProps<typeof ModuleLearning>;

/**
 * The module page's player, progress and quiz, once /api/viewer has said who is watching: the
 * signed playback session and the saved position are the learner's own, so they are not in the
 * prerendered page. Until then, the module's texts are shown where the player will be.
 */
export function ModuleLearningIsland({
  player,
  messages,
  quiz,
  aside,
  middle,
}: {
  player: Omit<LearningProps["player"], "session" | "initialPositionS">;
  messages: LearningProps["messages"];
  quiz: { questions: LearningProps["quiz"]["questions"]; signedInHtml: string; visitorHtml: string };
  aside?: ReactNode;
  middle?: ReactNode;
}) {
  const { state } = useViewerStore();
  const learner = state?.module?.moduleId === player.moduleId ? state.module : undefined;
  if (!learner) {
    return (
      <div className="space-y-8" aria-busy="true">
        <div className="aspect-video w-full rounded-lg bg-neutral-900" />
        {middle}
        {aside}
      </div>
    );
  }
  return (
    <ModuleLearning
      player={{ ...player, session: learner.session, initialPositionS: learner.initialPositionS }}
      messages={messages}
      quiz={{ questions: quiz.questions, staticHtml: learner.session ? quiz.signedInHtml : quiz.visitorHtml }}
      initialProgress={learner.progress}
      aside={aside}
      middle={middle}
    />
  );
}
