import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeIntervals, type Interval } from "../progress";
import { newlyWatchedSlices, sliceCount, watchedSlices } from "./retention";

describe("retention slices", () => {
  it.each<[number, number]>([
    [0, 0],
    [9, 1],
    [10, 1],
    [11, 2],
    [215, 22],
  ])("a %i-second module has %i slices", (durationS, count) => {
    expect(sliceCount(durationS)).toBe(count);
  });

  it.each<[string, Interval[], number, number[]]>([
    ["nothing watched", [], 35, []],
    ["the first 5 s: half of the first slice", [[0, 5]], 35, [0]],
    ["4.9 s is less than half", [[0, 4.9]], 35, []],
    ["two pieces of one slice add up", [[0, 3], [6, 8]], 35, [0]],
    ["the short last slice (30–35 s) needs 2.5 s", [[32, 34.5]], 35, [3]],
    ["a seek over the middle", [[0, 12], [28, 35]], 35, [0, 3]],
    ["everything", [[0, 35]], 35, [0, 1, 2, 3]],
  ])("%s", (_, intervals, durationS, slices) => {
    expect(watchedSlices(intervals, durationS)).toEqual(slices);
  });

  it.each<[string, Interval[], Interval[], number[]]>([
    ["a first report", [], [[0, 12]], [0]],
    ["continuing crosses the next half", [[0, 12]], [[0, 16]], [1]],
    ["re-watching adds nothing", [[0, 20]], [[0, 20]], []],
    ["a jump back then forward", [[20, 30]], [[0, 6], [20, 30]], [0]],
  ])("%s", (_, before, after, added) => {
    expect(newlyWatchedSlices(before, after, 40)).toEqual(added);
  });

  it("property: summing the newly watched slices of any sequence of growing coverage gives the final watched slices, each once", () => {
    const report = fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 20 })).map(([s, len]) => [s, Math.min(60, s + len)] as Interval);
    fc.assert(
      fc.property(fc.array(fc.array(report, { maxLength: 3 }), { maxLength: 12 }), (reports) => {
        let stored: Interval[] = [];
        const counted: number[] = [];
        for (const r of reports) {
          const next = mergeIntervals([...stored, ...r]);
          counted.push(...newlyWatchedSlices(stored, next, 60));
          stored = next;
        }
        expect([...counted].sort((a, b) => a - b)).toEqual(watchedSlices(stored, 60));
      }),
      { numRuns: 300 },
    );
  });
});
