/**
 * cmi5 tracking (the AU side, Quartz): @xapi/cmi5 reads the launch parameters from the URL, fetches
 * the auth token, reads LMS.LaunchData and the learner preferences, and builds the cmi5-defined
 * statements (initialized, completed, passed/failed, terminated) with the context the specification
 * requires (registration, the LMS's contextTemplate with its session id, the cmi5 and moveOn
 * categories, the masteryScore extension). Which of them to send is decided by
 * lib/packages/cmi5-outcome.ts (the platform's rules: completed only when watched enough, never by
 * seeking; passed/failed against the LaunchData's masteryScore).
 *
 * The statements leave through this file, not through the library's axios: one queue, in order, with
 * `fetch(…, { keepalive: true })`, so that "terminated" (sent when the page goes away) and anything
 * still waiting are not lost with the page. The resume state (lib/packages/suspend-data.ts) and the
 * verbs already sent are kept in the AU's own state document (cmi5 § 11.0 lets the AU use the State
 * API with its own stateId), for this registration.
 */
import Cmi5 from "@xapi/cmi5";
import { afterVerdicts, cmi5Verdicts, NOTHING_SENT, parseMasteryScore, type Cmi5Launch, type Cmi5Sent } from "@/lib/packages/cmi5-outcome";
import { decodeSuspendData, encodeSuspendData, type ResumeState } from "@/lib/packages/suspend-data";
import type { ScoOutcome, Tracker } from "./tracker";

/** The AU's own state document (not LMS.LaunchData, which belongs to the LMS). */
export const CMI5_STATE_ID = "https://accelerateur-libre.fr/xapi/state/sco-resume";
const XAPI_VERSION = "1.0.3";

/** The launch parameters cmi5 puts on the AU's URL (§ 8.1); all five are needed. */
export function hasCmi5LaunchParameters(search: string): boolean {
  const params = new URLSearchParams(search);
  return ["endpoint", "fetch", "registration", "activityId", "actor"].every((name) => (params.get(name) ?? "") !== "");
}

type StateDocument = { version: 1; resume: string; sent: Cmi5Sent };

function parseStateDocument(value: unknown): StateDocument | null {
  if (typeof value !== "object" || value === null) return null;
  const doc = value as Partial<StateDocument>;
  if (doc.version !== 1 || typeof doc.resume !== "string" || typeof doc.sent !== "object" || doc.sent === null) return null;
  const sent = doc.sent as Partial<Cmi5Sent>;
  return { version: 1, resume: doc.resume, sent: { completed: sent.completed === true, passed: sent.passed === true, failed: sent.failed === true } };
}

type SendResult = ReturnType<Cmi5["sendXapiStatement"]>;
/** The statement type of the xAPI library @xapi/cmi5 itself depends on (2.x, not the platform's 3.x). */
type Statement = Parameters<Cmi5["sendXapiStatement"]>[0];
type SendOptions = Parameters<Cmi5["sendXapiStatement"]>[1];

/** @xapi/cmi5 building the statements, and handing them to the tracker's queue instead of sending them. */
class QueuedCmi5 extends Cmi5 {
  onStatement: (statement: Statement) => void = () => {};

  override sendXapiStatement(statement: Statement, options?: SendOptions): SendResult {
    const out = typeof options?.transform === "function" ? options.transform(statement) : statement;
    this.onStatement(out);
    return Promise.resolve({ data: out.id ? [out.id] : [] }) as unknown as SendResult;
  }
}

export class Cmi5Tracker implements Tracker {
  readonly notice = null;
  private readonly cmi5: QueuedCmi5;
  private readonly endpoint: string;
  private launch: Cmi5Launch = { launchMode: "Normal", moveOn: "NotApplicable" };
  private sent: Cmi5Sent = NOTHING_SENT;
  private isOpen = false;
  private pending: Statement[] = [];
  private inFlight = false;
  /** While finishing: the last statements wait to leave together, in one request. */
  private isHolding = false;
  private lastStateBody = "";
  private last: { state: ResumeState; outcome: ScoOutcome } | null = null;

  constructor() {
    this.cmi5 = new QueuedCmi5();
    this.cmi5.onStatement = (statement) => this.enqueue(statement);
    const endpoint = this.cmi5.getLaunchParameters().endpoint;
    this.endpoint = endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
  }

  async start(): Promise<ResumeState | null> {
    // Token, LaunchData, preferences, then "initialized" (queued, so sent before anything else).
    await this.cmi5.initialize();
    const data = this.cmi5.getLaunchData();
    this.launch = {
      launchMode: data.launchMode === "Browse" || data.launchMode === "Review" ? data.launchMode : "Normal",
      moveOn: data.moveOn ?? "NotApplicable",
      masteryScore: parseMasteryScore(data.masteryScore),
    };
    this.isOpen = true;
    const doc = await this.readState();
    if (!doc) return null;
    this.sent = doc.sent;
    this.lastStateBody = JSON.stringify(doc);
    const state = decodeSuspendData(doc.resume);
    if (state.positionS === 0 && state.intervals.length === 0 && state.answers.length === 0) return null;
    return state;
  }

  save(state: ResumeState, outcome: ScoOutcome): void {
    if (!this.isOpen) return;
    this.last = { state, outcome };
    this.report(state, outcome, false);
  }

  /** Sends what the outcome calls for (lib/packages/cmi5-outcome.ts) and keeps the state document. */
  private report(state: ResumeState, outcome: ScoOutcome, isLeaving: boolean) {
    const verdicts = cmi5Verdicts(outcome, this.launch, this.sent, isLeaving);
    for (const verdict of verdicts) {
      try {
        if (verdict.verb === "completed") void this.cmi5.complete();
        else if (verdict.verb === "passed") void this.cmi5.pass(verdict.score);
        else void this.cmi5.fail(verdict.score);
      } catch {
        // The library refuses what cmi5 forbids (e.g. outside the Normal launch mode): nothing sent.
        continue;
      }
      this.sent = afterVerdicts(this.sent, [verdict]);
    }
    this.writeState(state);
  }

  finish(): void {
    if (!this.isOpen) return;
    this.isHolding = true;
    // A quiz failed and not passed since: "failed" now, the session ending (the learner could retry until then).
    if (this.last) this.report(this.last.state, this.last.outcome, true);
    this.isOpen = false;
    void this.cmi5.terminate();
    // The page is going: everything still waiting leaves now, in one request, in order.
    this.flush(true);
  }

  private enqueue(statement: Statement) {
    this.pending.push(statement);
    if (!this.isHolding) this.flush(false);
  }

  private headers(): Record<string, string> {
    return { Authorization: `Basic ${this.cmi5.getAuthToken()}`, "X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json" };
  }

  /** Sends the waiting statements as one batch (POST statements takes an array, stored in its order). */
  private flush(isLeaving: boolean) {
    if (this.pending.length === 0 || (this.inFlight && !isLeaving)) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = true;
    fetch(`${this.endpoint}statements`, { method: "POST", headers: this.headers(), body: JSON.stringify(batch), keepalive: true })
      .then((response) => {
        if (!response.ok && response.status >= 500) this.pending = [...batch, ...this.pending];
      })
      .catch(() => {
        this.pending = [...batch, ...this.pending];
      })
      .finally(() => {
        this.inFlight = false;
        if (this.isOpen) this.flush(false);
      });
  }

  private stateUrl(): string {
    const { actor, activityId, registration } = this.cmi5.getLaunchParameters();
    const query = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: CMI5_STATE_ID });
    return `${this.endpoint}activities/state?${query.toString()}`;
  }

  private async readState(): Promise<StateDocument | null> {
    try {
      const response = await fetch(this.stateUrl(), { headers: this.headers() });
      if (!response.ok) return null;
      return parseStateDocument(await response.json());
    } catch {
      return null;
    }
  }

  private writeState(state: ResumeState) {
    const doc: StateDocument = { version: 1, resume: encodeSuspendData(state), sent: this.sent };
    const body = JSON.stringify(doc);
    if (body === this.lastStateBody) return;
    this.lastStateBody = body;
    fetch(this.stateUrl(), { method: "PUT", headers: this.headers(), body, keepalive: true }).catch(() => {
      this.lastStateBody = "";
    });
  }
}
