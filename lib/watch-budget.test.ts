import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeIntervals, coveredSeconds, REPORT_SLACK_S, type Interval } from "./progress";
import { coverSession, creditPeriod, parseWatchPeriods, periodBudgetS, PERIOD_RETENTION_MS, serializeWatchPeriods, type WatchPeriod } from "./watch-budget";

const S = 1000;

/** One report: its session's span joins the periods, then it credits what it asks within its period's budget. */
function report(periods: WatchPeriod[], startedMs: number, nowMs: number, askedS: number) {
  const covered = coverSession(periods, startedMs, nowMs);
  const creditedS = Math.min(askedS, periodBudgetS(covered.periods[covered.index]!));
  return { periods: creditPeriod(covered.periods, covered.index, creditedS), creditedS };
}

describe("one watch budget per learner", () => {
  it("a first session opens a period: twice its wall-clock time plus the slack", () => {
    const { periods, creditedS } = report([], 0, 10 * S, 1000);
    expect(creditedS).toBe(25);
    expect(periods).toEqual([{ fromMs: 0, toMs: 10 * S, creditedS: 25, slackS: REPORT_SLACK_S }]);
  });

  it("twelve tabs opened together and reporting after ten seconds share one budget (25 s, not 12 × 25)", () => {
    let periods: WatchPeriod[] = [];
    let total = 0;
    for (let tab = 0; tab < 12; tab++) {
      const r = report(periods, tab * 10, 10 * S + tab, 240);
      periods = r.periods;
      total += r.creditedS;
    }
    expect(periods).toHaveLength(1);
    expect(total).toBeCloseTo(25.02, 1);
  });

  it("sessions apart in time have a budget each", () => {
    const first = report([], 0, 60 * S, 1000);
    const second = report(first.periods, 3600 * S, 3660 * S, 1000);
    expect(first.creditedS).toBe(125);
    expect(second.creditedS).toBe(125);
    expect(second.periods).toHaveLength(2);
  });

  it("a session spanning two periods merges them: their credits and slacks add up, the gap counts as watched time", () => {
    const a = report([], 0, 10 * S, 1000);
    const b = report(a.periods, 100 * S, 110 * S, 1000);
    const bridge = coverSession(b.periods, 5 * S, 105 * S);
    expect(bridge.periods).toEqual([{ fromMs: 0, toMs: 110 * S, creditedS: 50, slackS: 10 }]);
    expect(periodBudgetS(bridge.periods[0]!)).toBe(180);
  });

  it("a report received again later only lengthens its session's span", () => {
    const first = report([], 0, 30 * S, 10);
    const late = coverSession(first.periods, 0, 90 * S);
    expect(late.periods).toEqual([{ fromMs: 0, toMs: 90 * S, creditedS: 10, slackS: REPORT_SLACK_S }]);
  });

  it("forgets periods that ended before any session still accepted could have started", () => {
    const old = report([], 0, 60 * S, 10).periods;
    const now = 60 * S + PERIOD_RETENTION_MS + S;
    expect(coverSession(old, now - 30 * S, now).periods).toEqual([{ fromMs: now - 30 * S, toMs: now, creditedS: 0, slackS: REPORT_SLACK_S }]);
  });

  it.each([
    ["[]", []],
    ["", []],
    ["{}", []],
    ["[[1,2,3]]", []],
    ['[[1,2,"3",4]]', []],
    ["[[0,1000,2.5,5]]", [{ fromMs: 0, toMs: 1000, creditedS: 2.5, slackS: 5 }]],
  ])("reads the stored periods %s", (text, expected) => {
    expect(parseWatchPeriods(text)).toEqual(expected);
  });

  it("stores what it reads", () => {
    const periods = [{ fromMs: 5, toMs: 9000, creditedS: 12.5, slackS: 5 }];
    expect(parseWatchPeriods(serializeWatchPeriods(periods))).toEqual(periods);
  });
});

describe("property: parallel sessions never earn more than the union of their wall-clock time", () => {
  const sessionArb = fc.record({ startS: fc.integer({ min: 0, max: 3 * 3600 }), reports: fc.array(fc.record({ afterS: fc.integer({ min: 0, max: 900 }), askedS: fc.integer({ min: 0, max: 600 }) }), { minLength: 1, maxLength: 8 }) });
  it("credited seconds ≤ 2 × |union of session spans| + the slack of each independent start", () => {
    fc.assert(
      fc.property(fc.array(sessionArb, { minLength: 1, maxLength: 15 }), (sessions) => {
        // Every report of every session, in the order the server receives them (its clock).
        const reports = sessions
          .flatMap((s) => s.reports.map((r) => ({ startMs: s.startS * S, nowMs: (s.startS + r.afterS) * S, askedS: r.askedS })))
          .sort((a, b) => a.nowMs - b.nowMs);
        let periods: WatchPeriod[] = [];
        let credited = 0;
        let spans: Interval[] = [];
        let independentStarts = 0;
        for (const r of reports) {
          const touches = spans.some(([from, to]) => from <= r.nowMs && to >= r.startMs);
          if (!touches) independentStarts++;
          spans = mergeIntervals([...spans, [r.startMs, r.nowMs]]);
          const result = report(periods, r.startMs, r.nowMs, r.askedS);
          periods = result.periods;
          credited += result.creditedS;
        }
        // Zero-length spans (a report at the very moment its page opened) still count as a start.
        const unionS = coveredSeconds(spans.map(([from, to]) => [from / S, to / S] as const));
        expect(credited).toBeLessThanOrEqual(2 * unionS + REPORT_SLACK_S * independentStarts + 0.5);
      }),
      { numRuns: 2000 },
    );
  });
});
