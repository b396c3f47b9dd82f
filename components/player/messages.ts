import type { MessageKey } from "@/lib/i18n";

/**
 * The messages the module page's client components show (player, progress panel, quiz). The
 * server picks them in the learner's language and passes them as a prop, so the browser does not
 * download the whole catalogue of both languages (it was most of the page's own JavaScript).
 */
export const LEARNING_MESSAGE_KEYS = [
  "errors.generic",
  "errors.network",
  "module.transcript",
  "player.back10",
  "player.captions",
  "player.ended",
  "player.forward10",
  "player.keyPointSlide",
  "player.keyboardHelp",
  "player.label",
  "player.objectivesSlide",
  "player.offline",
  "player.pause",
  "player.play",
  "player.position",
  "player.positionText",
  "player.resumeAt",
  "player.signInToTrack",
  "player.speed",
  "player.transcriptHint",
  "progress.completed",
  "progress.quizPassed",
  "progress.quizTodo",
  "progress.title",
  "progress.watched",
  "progress.status.not-started",
  "progress.status.in-progress",
  "progress.status.completed",
  "quiz.answerAll",
  "quiz.correct",
  "quiz.failed",
  "quiz.incorrect",
  "quiz.intro",
  "quiz.passed",
  "quiz.queued",
  "quiz.question",
  "quiz.retry",
  "quiz.score",
  "quiz.signIn",
  "quiz.submit",
  "quiz.title",
] as const satisfies readonly MessageKey[];

export type LearningMessageKey = (typeof LEARNING_MESSAGE_KEYS)[number];
export type LearningMessages = Record<LearningMessageKey, string>;
export type LearningTranslate = (key: LearningMessageKey, params?: Record<string, string | number>) => string;

/** The same placeholder rule as lib/i18n's translate: `{name}` replaced from `params`. */
export function makeLearningTranslator(messages: LearningMessages): LearningTranslate {
  return (key, params) => {
    const template = messages[key];
    return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
  };
}
