import { describe, expect, it } from "vitest";
import { isLocked, registerFailure, type ThrottlePolicy, type ThrottleState } from "./throttle";

const policy: ThrottlePolicy = { maxFailures: 3, windowS: 60, lockS: 120 };
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

function failAt(seconds: number[]): ThrottleState | null {
  return seconds.reduce<ThrottleState | null>((state, s) => registerFailure(state, at(s), policy), null);
}

describe("registerFailure / isLocked", () => {
  const table: [string, number[], number, boolean][] = [
    ["one failure does not lock", [0], 1, false],
    ["two failures do not lock", [0, 10], 11, false],
    ["the third failure in the window locks", [0, 10, 20], 21, true],
    ["the lock lasts lockS after the last counted failure", [0, 10, 20], 20 + 119, true],
    ["the lock ends after lockS", [0, 10, 20], 20 + 121, false],
    ["failures spread over more than the window do not add up", [0, 61, 122], 123, false],
    ["a new window starts counting from one", [0, 10, 70, 80], 81, false],
  ];
  it.each(table)("%s", (_name, failures, checkAtS, expected) => {
    expect(isLocked(failAt(failures), at(checkAtS))).toBe(expected);
  });

  it("never locked without state", () => {
    expect(isLocked(null, t0)).toBe(false);
  });
});
