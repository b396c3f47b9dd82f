/**
 * SCORM 1.2 tracking: finds the LMS's `API` object as the standard says (window.parent up to a
 * few levels, then window.opener and its parents), and speaks the run-time's calls.
 */
import { parseLessonLocation, scorePercent, scorm12LessonStatus, scorm12Timespan } from "@/lib/packages/sco-outcome";
import { decodeSuspendData, encodeSuspendData, type ResumeState } from "@/lib/packages/suspend-data";
import type { ScoOutcome, Tracker } from "./tracker";

/** The run-time API an LMS puts on one of the SCO's ancestor windows as `API`. */
export type Scorm12Api = {
  LMSInitialize(parameter: ""): string;
  LMSFinish(parameter: ""): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ""): string;
  LMSGetLastError(): string;
};

/** How far up the standard's search goes (its sample code says 7 parents). */
const MAX_PARENTS = 7;

function isApi(value: unknown): value is Scorm12Api {
  return typeof value === "object" && value !== null && typeof (value as Scorm12Api).LMSInitialize === "function" && typeof (value as Scorm12Api).LMSSetValue === "function";
}

/** `API` on the window or one of its parents (another origin's window, which throws when read, ends the walk). */
function searchUp(start: Window): Scorm12Api | null {
  let win: Window = start;
  for (let level = 0; level <= MAX_PARENTS; level += 1) {
    try {
      const api = (win as unknown as { API?: unknown }).API;
      if (isApi(api)) return api;
    } catch {
      return null;
    }
    if (win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

/** The LMS's API: in the parents first, then in the opener and its parents; null when there is none. */
export function findScorm12Api(win: Window): Scorm12Api | null {
  const fromParents = win.parent !== win ? searchUp(win.parent) : null;
  if (fromParents) return fromParents;
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  return opener ? searchUp(opener) : null;
}

export class Scorm12Tracker implements Tracker {
  readonly notice = null;
  private isOpen = false;
  private readonly startedAt = Date.now();
  private lastStatus = "";

  constructor(private readonly api: Scorm12Api) {}

  async start(): Promise<ResumeState | null> {
    this.isOpen = this.api.LMSInitialize("") === "true";
    if (!this.isOpen) return null;
    const status = this.api.LMSGetValue("cmi.core.lesson_status");
    this.lastStatus = status;
    if (status === "" || status === "not attempted") this.set("cmi.core.lesson_status", "incomplete");
    const state = decodeSuspendData(this.api.LMSGetValue("cmi.suspend_data"));
    const location = parseLessonLocation(this.api.LMSGetValue("cmi.core.lesson_location"));
    if (location === null && state.intervals.length === 0 && state.answers.length === 0) return null;
    return { ...state, positionS: location ?? state.positionS };
  }

  save(state: ResumeState, outcome: ScoOutcome): void {
    if (!this.isOpen) return;
    this.set("cmi.core.lesson_location", String(Math.round(state.positionS * 10) / 10));
    this.set("cmi.suspend_data", encodeSuspendData(state));
    if (outcome.quiz) {
      this.set("cmi.core.score.min", "0");
      this.set("cmi.core.score.max", "100");
      this.set("cmi.core.score.raw", String(scorePercent(outcome.quiz)));
    }
    const status = scorm12LessonStatus(outcome);
    // A module passed in an earlier session stays passed (the platform keeps the best too).
    if (this.lastStatus !== "passed" || status === "passed") {
      this.set("cmi.core.lesson_status", status);
      this.lastStatus = status;
    }
    this.set("cmi.core.exit", this.lastStatus === "passed" ? "" : "suspend");
    this.set("cmi.core.session_time", scorm12Timespan(Date.now() - this.startedAt));
    this.api.LMSCommit("");
  }

  finish(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.api.LMSFinish("");
  }

  private set(element: string, value: string) {
    this.api.LMSSetValue(element, value);
  }
}
