/**
 * Property tests over thousands of random play/seek/wait sequences, with the real tracker, outbox
 * and server-side arithmetic: seeking never earns watched time, the server never credits more than
 * was played, and lost or repeated reports do not change the final state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acknowledge, addToOutbox, type Outbox, type PendingReport } from "./progress-outbox";
import { applyReport, coveredSeconds, isWatchedEnough, mergeIntervals, playbackBudgetS, subtractIntervals, type Interval } from "./progress";
import { WatchTracker } from "./watch-tracker";

type Action =
  | { kind: "play"; wallS: number; rate: number; seekAtS?: number; seekToS?: number }
  | { kind: "seek"; toS: number }
  | { kind: "wait"; wallS: number };
type Network = { failRate: number; duplicateRate: number; seed: number };

const HEARTBEAT_S = 10;
const TICK_S = 0.25;

const actionArb = (durationS: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.record(
      {
        kind: fc.constant("play" as const),
        wallS: fc.double({ min: 0.25, max: 60, noNaN: true }),
        rate: fc.constantFrom(0.75, 1, 1.25, 1.5, 2),
        // a seek while playing (the player keeps playing from the new place)
        seekAtS: fc.double({ min: 0, max: 60, noNaN: true }),
        seekToS: fc.double({ min: 0, max: durationS, noNaN: true }),
      },
      { requiredKeys: ["kind", "wallS", "rate"] },
    ),
    fc.record({ kind: fc.constant("seek" as const), toS: fc.double({ min: 0, max: durationS, noNaN: true }) }),
    fc.record({ kind: fc.constant("wait" as const), wallS: fc.double({ min: 0, max: 120, noNaN: true }) }),
  );

const scenarioArb = fc.integer({ min: 30, max: 240 }).chain((durationS) =>
  fc.record({ durationS: fc.constant(durationS), actions: fc.array(actionArb(durationS), { maxLength: 40 }) }),
);

function makeRandom(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Plays a scenario through tracker → outbox → (lossy) network → server; returns both sides. */
function simulate({ durationS, actions }: { durationS: number; actions: Action[] }, network: Network) {
  const random = makeRandom(network.seed);
  const tracker = new WatchTracker();
  const truth: Interval[] = [];
  let server: Interval[] = [];
  let sessionAddedS = 0;
  let outbox: Outbox = [];
  let clockS = 0;
  let positionS = 0;
  let nextId = 0;
  let sinceHeartbeatS = 0;

  const receive = (report: PendingReport) => {
    const result = applyReport({ stored: server, reported: report.intervals, budgetS: playbackBudgetS(clockS, sessionAddedS) });
    server = result.intervals;
    sessionAddedS += result.addedS;
  };
  const flush = (isReliable = false) => {
    for (const report of outbox) {
      if (!isReliable && random() < network.failRate) continue; // lost: stays queued
      receive(report);
      if (!isReliable && random() < network.duplicateRate) receive(report); // replayed
      outbox = acknowledge(outbox, report);
    }
  };
  const report = () => {
    outbox = addToOutbox(outbox, { moduleId: "m", session: "s", intervals: tracker.takeIntervals(), positionS }, `r${nextId++}`);
    flush();
    sinceHeartbeatS = 0;
  };

  for (const action of actions) {
    if (action.kind === "seek") {
      tracker.seek(action.toS);
      positionS = action.toS;
      report();
    } else if (action.kind === "wait") {
      clockS += action.wallS;
    } else {
      tracker.play(positionS);
      let hasSought = false;
      for (let playedS = 0; playedS < action.wallS && positionS < durationS; playedS += TICK_S) {
        if (!hasSought && action.seekAtS !== undefined && action.seekToS !== undefined && playedS >= action.seekAtS) {
          hasSought = true;
          positionS = Math.min(action.seekToS, durationS - TICK_S);
          tracker.seek(positionS);
          report();
        }
        const from = positionS;
        positionS = Math.min(durationS, positionS + TICK_S * action.rate);
        truth.push([from, positionS]);
        clockS += TICK_S;
        sinceHeartbeatS += TICK_S;
        tracker.advance(positionS);
        if (sinceHeartbeatS >= HEARTBEAT_S) report();
      }
      tracker.pause(positionS);
      report();
    }
  }
  // The learner comes back online later: everything still queued is delivered.
  clockS += 1;
  flush(true);
  return { server, truth: mergeIntervals(truth) };
}

const RUNS = 1500;

describe("progress properties", () => {
  it("seeking alone never earns a second, let alone completion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 240 }), fc.array(fc.double({ min: 0, max: 240, noNaN: true }), { maxLength: 50 }), (durationS, seeks) => {
        const actions: Action[] = seeks.flatMap((toS) => [{ kind: "seek", toS: Math.min(toS, durationS) }, { kind: "wait", wallS: 30 }] as Action[]);
        const { server } = simulate({ durationS, actions }, { failRate: 0, duplicateRate: 0, seed: 1 });
        expect(coveredSeconds(server)).toBe(0);
        expect(isWatchedEnough(coveredSeconds(server), durationS)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("the server never credits a second that was not played, and credits all that was (honest player)", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { server, truth } = simulate(scenario, { failRate: 0, duplicateRate: 0, seed: 1 });
        expect(subtractIntervals(server, truth)).toEqual([]);
        expect(coveredSeconds(server)).toBeCloseTo(coveredSeconds(truth), 0);
        if (isWatchedEnough(coveredSeconds(server), scenario.durationS)) {
          expect(coveredSeconds(truth)).toBeGreaterThanOrEqual(0.9 * scenario.durationS - 0.5);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("lost and replayed reports end in the same state as a perfect network", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.record({ failRate: fc.double({ min: 0, max: 0.9, noNaN: true }), duplicateRate: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
        (scenario, network) => {
          const perfect = simulate(scenario, { failRate: 0, duplicateRate: 0, seed: 1 });
          const lossy = simulate(scenario, network);
          expect(lossy.server).toEqual(perfect.server);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a forged report claiming the whole video right away is cut to what the wall clock allows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 240 }), fc.double({ min: 0, max: 20, noNaN: true }), (durationS, elapsedS) => {
        const { intervals } = applyReport({ stored: [], reported: [[0, durationS]], budgetS: playbackBudgetS(elapsedS, 0) });
        expect(coveredSeconds(intervals)).toBeLessThanOrEqual(2 * elapsedS + 5 + 0.1);
      }),
      { numRuns: RUNS },
    );
  });
});
