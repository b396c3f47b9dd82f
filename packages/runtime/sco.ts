/**
 * The SCO's runtime (bundled by server/packages/sco-files.ts into shared/sco.js, an IIFE): reads the
 * page's data, finds the LMS (cmi5 launch parameters, else SCORM 1.2) or works as a plain page,
 * resumes where the learner stopped, and reports what was really watched and the quiz with the platform's own rules. Saves
 * every 10 s while playing, on pause, on seek, after the quiz and on leaving (then finishes).
 */
import { gradeQuiz } from "@/lib/quiz";
import { parseScoData } from "@/lib/packages/sco-data";
import type { QuizOutcome } from "@/lib/packages/sco-outcome";
import { resumePositionS } from "@/lib/progress";
import { SlidePlayer, type PlayerEvent } from "./player";
import { showResult, startQuiz } from "./quiz";
import { Cmi5Tracker, hasCmi5LaunchParameters } from "./cmi5";
import { findScorm12Api, Scorm12Tracker } from "./scorm12";
import { NoLmsTracker, type ResumeState, type Tracker } from "./tracker";

const SAVE_EVERY_MS = 10_000;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`SCO page without #${id}`);
  return el as T;
}

/** The tracker for where this page runs: cmi5 when launched with its parameters, else the LMS's SCORM 1.2 API when there is one, else none. */
function pickTracker(): Tracker {
  if (hasCmi5LaunchParameters(window.location.search)) {
    try {
      return new Cmi5Tracker();
    } catch {
      // Parameters the library refuses: as if there were none.
    }
  }
  const api = findScorm12Api(window);
  return api ? new Scorm12Tracker(api) : new NoLmsTracker();
}

async function main() {
  const data = parseScoData(document.getElementById("sco-data")?.textContent);
  if (!data) return;
  const tracker = pickTracker();
  const lmsStatus = document.getElementById("sco-lms-status");
  if (lmsStatus && tracker.notice) lmsStatus.textContent = tracker.notice;

  let resumed: ResumeState | null = null;
  try {
    resumed = await tracker.start();
  } catch {
    resumed = null;
  }

  // The best attempt so far: a worse one later does not replace it (the platform keeps the best too).
  let answers: (number | null)[] = resumed?.answers ?? [];
  let quiz: QuizOutcome | null = null;
  if (answers.length === data.quiz.length && data.quiz.length > 0 && answers.every((a) => a !== null)) {
    const result = gradeQuiz(data.quiz, answers as number[]);
    quiz = { score: result.score, total: result.total, isPassed: result.isPassed };
  } else answers = [];

  let lastSaveAt = performance.now();
  const save = () => {
    lastSaveAt = performance.now();
    const state: ResumeState = { positionS: player.position, intervals: player.playedIntervals, answers };
    try {
      tracker.save(state, { watchedS: player.watchedS, durationS: data.durationS, quiz });
    } catch {
      // An LMS that throws must not stop the module.
    }
  };

  const onEvent = (event: PlayerEvent) => {
    if (event === "tick" && performance.now() - lastSaveAt < SAVE_EVERY_MS) return;
    save();
  };

  const player = new SlidePlayer(
    {
      play: byId("sco-play"),
      seek: byId("sco-seek"),
      time: byId("sco-time"),
      speed: byId("sco-speed"),
      slide: byId("sco-slide"),
      captions: byId("sco-captions"),
      captionsToggle: byId("sco-captions-toggle"),
      watched: byId("sco-watched"),
      root: byId("sco-player"),
      transcript: document.getElementById("transcript"),
    },
    data.durationS,
    data.cues,
    data.watchedShare,
    onEvent,
  );
  player.start(resumed ? resumePositionS(resumed.positionS, data.durationS) : 0, resumed?.intervals ?? []);
  if (resumed && resumed.positionS > 0 && lmsStatus && !tracker.notice) {
    lmsStatus.textContent = `Reprise là où vous vous étiez arrêté·e : ${byId("sco-time").textContent?.split(" / ")[0] ?? ""}.`;
  }

  const form = document.getElementById("sco-quiz") as HTMLFormElement | null;
  if (form) {
    if (quiz) {
      const result = gradeQuiz(data.quiz, answers as number[]);
      showResult(form, data.quiz, answers as number[], result, data.passingScore);
    }
    startQuiz(form, data.quiz, data.passingScore, {
      onGraded(newAnswers, result) {
        if (!quiz || result.score >= quiz.score) {
          answers = newAnswers;
          quiz = { score: result.score, total: result.total, isPassed: result.isPassed };
        }
        save();
      },
    });
  }

  let isFinished = false;
  window.addEventListener("pagehide", () => {
    if (isFinished) return;
    isFinished = true;
    if (player.isPlaying) player.pause();
    else save();
    tracker.finish();
  });
}

void main();
