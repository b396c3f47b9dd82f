import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coveredSeconds } from "@/lib/progress";
import { decodeSuspendData, EMPTY_RESUME_STATE, encodeSuspendData, SUSPEND_DATA_MAX_LENGTH, type ResumeState } from "./suspend-data";

describe("encodeSuspendData / decodeSuspendData", () => {
  const table: [string, ResumeState, ResumeState][] = [
    ["empty", EMPTY_RESUME_STATE, EMPTY_RESUME_STATE],
    ["position only", { positionS: 42.3, intervals: [], answers: [] }, { positionS: 42.3, intervals: [], answers: [] }],
    ["intervals merged", { positionS: 10, intervals: [[5, 10], [0, 6]], answers: [] }, { positionS: 10, intervals: [[0, 10]], answers: [] }],
    ["tenths kept", { positionS: 0, intervals: [[1.2, 3.4], [100.5, 200.9]], answers: [] }, { positionS: 0, intervals: [[1.2, 3.4], [100.5, 200.9]], answers: [] }],
    ["answers with gaps", { positionS: 0, intervals: [], answers: [0, null, 3, 2] }, { positionS: 0, intervals: [], answers: [0, null, 3, 2] }],
    ["bad values cleaned", { positionS: Number.NaN, intervals: [[-3, 2], [5, Number.POSITIVE_INFINITY]], answers: [-1, 1.5, 40] }, { positionS: 0, intervals: [[0, 2]], answers: [null, null, null] }],
  ];
  it.each(table)("%s", (_name, state, expected) => expect(decodeSuspendData(encodeSuspendData(state))).toEqual(expected));

  it("writes a short text", () => expect(encodeSuspendData({ positionS: 61.5, intervals: [[0, 61.5]], answers: [1, 0, 2] })).toBe("1~h3~0.h3~102"));
});

describe("decodeSuspendData on anything else", () => {
  const garbage: [string, unknown][] = [
    ["empty string", ""],
    ["not a string", 42],
    ["null", null],
    ["another version", "2~0~~"],
    ["missing parts", "1~0"],
    ["bad number", "1~ZZ~~"],
    ["bad interval", "1~0~1.2.3~"],
    ["bad answers", "1~0~~a!"],
    ["huge", "1~".padEnd(20_000, "0")],
    ["JSON", '{"positionS":3}'],
  ];
  it.each(garbage)("%s reads as the empty state", (_name, text) => expect(decodeSuspendData(text)).toEqual(EMPTY_RESUME_STATE));
});

describe("the 4,096-character limit", () => {
  it("coarsens many small intervals, never counting more watched seconds", () => {
    const intervals = Array.from({ length: 2000 }, (_, i) => [i * 3 + 0.3, i * 3 + 2.1] as [number, number]);
    const text = encodeSuspendData({ positionS: 5999, intervals, answers: [1, 2, 3] });
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX_LENGTH);
    const decoded = decodeSuspendData(text);
    expect(coveredSeconds(decoded.intervals)).toBeLessThanOrEqual(coveredSeconds(intervals));
    expect(decoded.answers).toEqual([1, 2, 3]);
    expect(decoded.positionS).toBe(5999);
  });

  it("holds for any state and any limit (property)", () => {
    const interval = fc.tuple(fc.double({ min: -10, max: 20_000, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true })).map(([s, len]) => [s, s + len] as [number, number]);
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 3000 }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.array(fc.option(fc.integer({ min: 0, max: 5 })), { maxLength: 20 }),
        fc.integer({ min: 60, max: SUSPEND_DATA_MAX_LENGTH }),
        (intervals, positionS, answers, maxLength) => {
          const text = encodeSuspendData({ positionS, intervals, answers }, maxLength);
          expect(text.length).toBeLessThanOrEqual(maxLength);
          const decoded = decodeSuspendData(text);
          expect(coveredSeconds(decoded.intervals)).toBeLessThanOrEqual(coveredSeconds(intervals.map(([s, e]) => [Math.max(0, s), e] as const)));
          expect(decoded.answers).toEqual(answers);
        },
      ),
      { numRuns: 200 },
    );
  });
});
