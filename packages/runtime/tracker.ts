/**
 * Where a SCO reports to: the tracking behind one small interface, so that the runtime does not
 * know which standard it speaks: SCORM 1.2 (scorm12.ts), cmi5 (cmi5.ts) and a page without LMS (below).
 */
import type { ScoOutcome } from "@/lib/packages/sco-outcome";
import type { ResumeState } from "@/lib/packages/suspend-data";

export type { ResumeState, ScoOutcome };

export interface Tracker {
  /** A short French sentence for the page when the tracking is worth telling (no LMS), else null. */
  readonly notice: string | null;
  /** Opens the session; what the learner had done before (null on a first launch, or without LMS). */
  start(): Promise<ResumeState | null>;
  /** Records the state (for resume) and the outcome (status, score), and commits. */
  save(state: ResumeState, outcome: ScoOutcome): void;
  /** Ends the session (once; later calls do nothing). */
  finish(): void;
}

/** Without an LMS the SCO is a plain page: nothing kept, nothing sent anywhere. */
export class NoLmsTracker implements Tracker {
  readonly notice = "Consultation libre : aucune plateforme de formation n’est reliée à cette page, votre progression n’est pas enregistrée.";

  async start(): Promise<ResumeState | null> {
    return null;
  }

  save(): void {}

  finish(): void {}
}
