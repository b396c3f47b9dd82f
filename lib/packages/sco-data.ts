/**
 * What a SCO's page hands its runtime (`<script type="application/json" id="sco-data">`), shared
 * by the page builder (lib/packages/sco-page.ts) and the runtime (packages/runtime/), and the
 * runtime's reading of it: a page whose data does not read right gives null, never a throw.
 */
import type { Cue, QuizQuestion } from "@/lib/content/types";
import { WATCHED_SHARE_TO_COMPLETE } from "@/lib/progress";

export type ScoData = {
  moduleId: string;
  title: string;
  durationS: number;
  cues: Cue[];
  /** With the answers: the package is offline content, graded in the browser. */
  quiz: QuizQuestion[];
  /** Right answers needed (lib/quiz.ts's passingScore). */
  passingScore: number;
  /** The same as a share (0..1), what a manifest's mastery score says. */
  masteryScore: number;
  /** Share of unique seconds to watch (lib/progress.ts's WATCHED_SHARE_TO_COMPLETE). */
  watchedShare: number;
};

export const WATCHED_SHARE = WATCHED_SHARE_TO_COMPLETE;

const isCue = (c: unknown): c is Cue =>
  typeof c === "object" && c !== null && typeof (c as Cue).startS === "number" && typeof (c as Cue).endS === "number" && typeof (c as Cue).text === "string";

const isQuestion = (q: unknown): q is QuizQuestion =>
  typeof q === "object" &&
  q !== null &&
  typeof (q as QuizQuestion).question === "string" &&
  Array.isArray((q as QuizQuestion).choices) &&
  (q as QuizQuestion).choices.every((c) => typeof c === "string") &&
  typeof (q as QuizQuestion).answer === "number" &&
  typeof (q as QuizQuestion).explanation === "string";

/** The page's JSON text back to ScoData; null when it is not what scoPageHtml writes. */
export function parseScoData(text: string | null | undefined): ScoData | null {
  let value: unknown;
  try {
    value = JSON.parse(text ?? "");
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const d = value as ScoData;
  const ok =
    typeof d.moduleId === "string" &&
    typeof d.title === "string" &&
    typeof d.durationS === "number" &&
    d.durationS > 0 &&
    Array.isArray(d.cues) &&
    d.cues.every(isCue) &&
    Array.isArray(d.quiz) &&
    d.quiz.every(isQuestion) &&
    typeof d.passingScore === "number" &&
    typeof d.masteryScore === "number" &&
    typeof d.watchedShare === "number";
  return ok ? d : null;
}
