/**
 * Offline progress against the watch budget (issue 22), over thousands of random cases, with the
 * server's own decision (planReport): a learner keeps modules on a phone, plays them offline in
 * several tabs at once, and the device's queues reach the server later — in any order, replayed any
 * number of times, with any content (the queue lives in the device's storage, so a device can write
 * what it likes there). Reports carry no device time: the server dates them with its own clock when
 * they arrive, so changing the device's clock cannot matter, and the property checks what can.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fakeProgramme } from "../tests/support/fake-programme";
import type { Module } from "./content/types";
import { coveredSeconds, MAX_PLAYBACK_RATE, REPORT_SLACK_S, type Interval } from "./progress";
import { planReport, type LearnerModuleRow, type LearnerState, type ProgressState } from "./progress-report-plan";

const programme = fakeProgramme();
const modules = [...programme.modulesById.values()];
const T0 = Date.UTC(2026, 11, 7, 8, 0, 0);
const RUNS = 600;

type Learner = { watchPeriods: string; lastActiveOn: string | null; rows: Map<string, ProgressState & { chapterId: string }> };
/** A queued report: a module, the tab's session (when its kept page was opened, seconds after T0), intervals claimed. */
type Queued = { moduleIndex: number; sessionAtS: number; intervals: Interval[] };

function newLearner(): Learner {
  return { watchPeriods: "[]", lastActiveOn: null, rows: new Map() };
}

/** The server receiving one report at `nowMs`: planReport decides, and its write is applied to the learner. Returns the seconds credited. */
function receive(learner: Learner, module: Module, sessionStartedAt: Date, reported: Interval[], nowMs: number): number {
  const row = learner.rows.get(module.id) ?? null;
  const rows: LearnerModuleRow[] = [...learner.rows.entries()].map(([moduleId, r]) => ({ moduleId, chapterId: r.chapterId, createdAt: r.createdAt, completedAt: r.completedAt }));
  const state: LearnerState = { lastActiveOn: learner.lastActiveOn, watchPeriods: learner.watchPeriods, profile: { sector: null, department: null, sizeBand: null }, progress: row, rows };
  const plan = planReport(state, { programme, module, sessionStartedAt, reported, now: new Date(nowMs) });
  if (plan.kind !== "write") throw new Error("planReport asked for rows it was given");
  if (plan.learner) {
    learner.watchPeriods = plan.learner.watchPeriods;
    learner.lastActiveOn = plan.learner.lastActiveOn;
  }
  const now = new Date(nowMs);
  learner.rows.set(module.id, {
    chapterId: module.chapterId,
    intervals: plan.intervalsText,
    watchedS: plan.watchedS,
    quizBestScore: row?.quizBestScore ?? null,
    quizPassedAt: row?.quizPassedAt ?? null,
    completedAt: row?.completedAt ?? plan.row.completedAt,
    createdAt: row?.createdAt ?? now,
  });
  return plan.addedS;
}

const intervalArb = (durationS: number) =>
  fc.tuple(fc.double({ min: 0, max: durationS, noNaN: true }), fc.double({ min: 0, max: durationS, noNaN: true })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as Interval).filter(([a, b]) => b > a);

/** A tab's report: its kept page opened some time before the reconnection (a session from the future is refused). */
const queuedArb = (reconnectAfterS: number): fc.Arbitrary<Queued> =>
  fc.integer({ min: 0, max: modules.length - 1 }).chain((moduleIndex) =>
    fc.record({
      moduleIndex: fc.constant(moduleIndex),
      sessionAtS: fc.integer({ min: 0, max: reconnectAfterS }),
      intervals: fc.array(intervalArb(modules[moduleIndex]!.durationS), { minLength: 1, maxLength: 6 }),
    }),
  );

// Back online between a minute and 23 hours later (a session older than 24 h is refused outright).
const deliveryArb = fc.integer({ min: 60, max: 23 * 3600 }).chain((reconnectAfterS) =>
  fc.record({
    queue: fc.array(queuedArb(reconnectAfterS), { minLength: 1, maxLength: 30 }),
    reconnectAfterS: fc.constant(reconnectAfterS),
    replays: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  }),
);

function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return items
    .map((item) => [next(), item] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);
}

describe("offline queues against the watch budget", () => {
  it("whatever a device queued, in whatever order and however often it is sent, the learner earns no more than the wall clock allows", () => {
    fc.assert(
      fc.property(deliveryArb, ({ queue, reconnectAfterS, replays, seed }) => {
        const learner = newLearner();
        const sent = shuffled(Array.from({ length: replays }, () => queue).flat(), seed);
        // Arrivals spread over a minute after the reconnection, in the shuffled order.
        const arrivals = sent.map((q, i) => ({ q, atMs: T0 + (reconnectAfterS + (60 * i) / sent.length) * 1000 }));
        let creditedS = 0;
        for (const { q, atMs } of arrivals) creditedS += receive(learner, modules[q.moduleIndex]!, new Date(T0 + q.sessionAtS * 1000), q.intervals, atMs);
        const earliestS = Math.min(...queue.map((q) => q.sessionAtS));
        const lastArrivalS = (arrivals[arrivals.length - 1]!.atMs - T0) / 1000;
        // One budget for every tab: MAX_PLAYBACK_RATE × the wall clock from the first session's opening to the last report, plus one slack.
        expect(creditedS).toBeLessThanOrEqual(MAX_PLAYBACK_RATE * (lastArrivalS - earliestS) + REPORT_SLACK_S + 0.5);
        // And never more than the modules hold, nor than what was claimed.
        for (const [moduleId, row] of learner.rows) expect(row.watchedS).toBeLessThanOrEqual(programme.modulesById.get(moduleId)!.durationS);
        const claimedS = queue.reduce((sum, q) => sum + coveredSeconds(q.intervals), 0);
        expect(creditedS).toBeLessThanOrEqual(claimedS + 0.5);
      }),
      { numRuns: RUNS },
    );
  });

  it("an honest phone, one module played offline at normal speed, is credited in full when it reconnects", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: modules.length - 1 }), fc.integer({ min: 10, max: 90 }), fc.integer({ min: 60, max: 23 * 3600 }), (moduleIndex, playedS, reconnectAfterS) => {
        const module = modules[moduleIndex]!;
        const played = Math.min(playedS, module.durationS);
        // Heartbeats every 10 s, all queued offline, delivered together on reconnection.
        const reports: Interval[][] = [];
        for (let from = 0; from < played; from += 10) reports.push([[from, Math.min(played, from + 10)]]);
        const learner = newLearner();
        const creditedS = reports.reduce((sum, intervals, i) => sum + receive(learner, module, new Date(T0), intervals, T0 + (reconnectAfterS + i) * 1000), 0);
        expect(creditedS).toBeCloseTo(played, 1);
      }),
      { numRuns: RUNS },
    );
  });
});
