import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterSuccess,
  decideAttempt,
  isEmptyState,
  isLocked,
  isSpentState,
  LONGEST_WINDOW_S,
  PAIR_POLICY,
  pairThrottleKey,
  rateLimitedSignInError,
  registerFailure,
  retryAfterOfSignInError,
  shownWaitS,
  spentWindowStartsBy,
  throttleKeys,
  waitAfterS,
  withdrawFailure,
  type ThrottlePolicy,
  type ThrottleState,
  type ThrottleStates,
} from "./throttle";

const policy: ThrottlePolicy = { failuresBeforeWait: 3, windowS: 60, firstWaitS: 120, maxWaitS: 120 };
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

function failAt(seconds: number[], with_ = policy): ThrottleState | null {
  return seconds.reduce<ThrottleState | null>((state, s) => registerFailure(state, at(s), with_), null);
}

describe("registerFailure / isLocked (a fixed lock)", () => {
  const table: [string, number[], number, boolean][] = [
    ["one failure does not lock", [0], 1, false],
    ["two failures do not lock", [0, 10], 11, false],
    ["the third failure in the window locks", [0, 10, 20], 21, true],
    ["the lock lasts its wait after the last counted failure", [0, 10, 20], 20 + 119, true],
    ["the lock ends after its wait", [0, 10, 20], 20 + 121, false],
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

describe("waitAfterS: growing waits for the account", () => {
  const table: [number, number][] = [
    [1, 0],
    [19, 0],
    [20, 1],
    [21, 2],
    [22, 4],
    [25, 32],
    [28, 256],
    [29, 300],
    [40, 300],
    [5000, 300], // 2 ** 4980 is Infinity: still capped
  ];
  it.each(table)("failure %i of the window → %i s", (failures, expected) => {
    expect(waitAfterS(failures, ACCOUNT_POLICY)).toBe(expected);
  });

  it.each([
    [PAIR_POLICY, 4, 0],
    [PAIR_POLICY, 5, 900],
    [PAIR_POLICY, 9, 900],
    [ADDRESS_POLICY, 29, 0],
    [ADDRESS_POLICY, 30, 900],
  ] as const)("fixed locks: %o, failure %i → %i s", (p, failures, expected) => {
    expect(waitAfterS(failures, p)).toBe(expected);
  });

  it("the account wait is counted from the last failure and never exceeds 5 minutes", () => {
    const everyMinute = Array.from({ length: 60 }, (_, i) => i * 60);
    const state = failAt(everyMinute, ACCOUNT_POLICY)!;
    expect(state.failures).toBe(60);
    expect(state.lockedUntil).toEqual(at(59 * 60 + 300));
  });

  it("the account count starts again a day after its first failure", () => {
    const state = failAt([0, 1, 2, 86_400], ACCOUNT_POLICY)!;
    expect(state).toEqual({ failures: 1, windowStartsAt: at(86_400), lockedUntil: null });
  });
});

const none: ThrottleStates = { account: null, address: null, pair: null };
const fails = (count: number, p: ThrottlePolicy, lastS = 0): ThrottleState =>
  failAt(Array.from({ length: count }, (_, i) => lastS - count + 1 + i), p)!;

describe("decideAttempt", () => {
  const table: [string, ThrottleStates, number, { isAdmitted: boolean; retryAfterS?: number }][] = [
    ["a first attempt goes through", none, 0, { isAdmitted: true }],
    ["4 failures from the address on the account: the 5th attempt goes through", { ...none, pair: fails(4, PAIR_POLICY) }, 1, { isAdmitted: true }],
    ["5 failures from the address on the account: refused for 15 minutes", { ...none, pair: fails(5, PAIR_POLICY) }, 1, { isAdmitted: false, retryAfterS: 899 }],
    ["…until the 15 minutes are over", { ...none, pair: fails(5, PAIR_POLICY) }, 900, { isAdmitted: true }],
    ["30 failures from the address on any accounts: refused", { ...none, address: fails(30, ADDRESS_POLICY) }, 0, { isAdmitted: false, retryAfterS: 900 }],
    ["19 failures on the account from elsewhere: goes through", { ...none, account: fails(19, ACCOUNT_POLICY) }, 0, { isAdmitted: true }],
    ["20 failures on the account: wait 1 s", { ...none, account: fails(20, ACCOUNT_POLICY) }, 0, { isAdmitted: false, retryAfterS: 1 }],
    ["25 failures on the account: 32 s after the last one", { ...none, account: fails(25, ACCOUNT_POLICY) }, 10, { isAdmitted: false, retryAfterS: 22 }],
    ["25 failures on the account: through after the wait", { ...none, account: fails(25, ACCOUNT_POLICY) }, 32, { isAdmitted: true }],
    ["the longest wait wins", { pair: fails(5, PAIR_POLICY), address: null, account: fails(20, ACCOUNT_POLICY) }, 0, { isAdmitted: false, retryAfterS: 900 }],
    ["a wait of part of a second rounds up", { ...none, account: fails(20, ACCOUNT_POLICY) }, 0.2, { isAdmitted: false, retryAfterS: 1 }],
  ];
  it.each(table)("%s", (_name, states, nowS, expected) => {
    expect(decideAttempt(states, at(nowS))).toMatchObject(expected);
  });

  it("an admitted attempt is counted on all three counters before its password is checked", () => {
    const decision = decideAttempt({ ...none, pair: fails(4, PAIR_POLICY) }, at(1));
    expect(decision.isAdmitted).toBe(true);
    if (!decision.isAdmitted) return;
    expect(decision.next.pair).toMatchObject({ failures: 5, lockedUntil: at(901) });
    expect(decision.next.address).toEqual({ failures: 1, windowStartsAt: at(1), lockedUntil: null });
    expect(decision.next.account).toEqual({ failures: 1, windowStartsAt: at(1), lockedUntil: null });
  });

  it("an attacker's address locked out of an account does not stop the owner's address", () => {
    // Same account counter; the owner's pair is fresh.
    const account = fails(5, ACCOUNT_POLICY);
    expect(decideAttempt({ account, address: fails(5, ADDRESS_POLICY), pair: fails(5, PAIR_POLICY) }, at(1)).isAdmitted).toBe(false);
    expect(decideAttempt({ account, address: null, pair: null }, at(1)).isAdmitted).toBe(true);
  });
});

describe("after a successful sign-in", () => {
  const table: [string, ThrottleStates, ThrottleStates][] = [
    [
      "the pair is cleared; the address and the account take back this attempt",
      { account: fails(3, ACCOUNT_POLICY), address: fails(7, ADDRESS_POLICY), pair: fails(3, PAIR_POLICY) },
      { account: fails(2, ACCOUNT_POLICY, -1), address: fails(6, ADDRESS_POLICY, -1), pair: null },
    ],
    [
      "the attempt that locked the address is taken back with its lock",
      { account: fails(1, ACCOUNT_POLICY), address: fails(30, ADDRESS_POLICY), pair: fails(1, PAIR_POLICY) },
      { account: { failures: 0, windowStartsAt: at(0), lockedUntil: null }, address: fails(29, ADDRESS_POLICY, -1), pair: null },
    ],
  ];
  it.each(table)("%s", (_name, states, expected) => {
    const next = afterSuccess(states);
    expect(next.pair).toBeNull();
    expect(next.address).toMatchObject({ failures: expected.address!.failures, lockedUntil: expected.address!.lockedUntil });
    expect(next.account).toMatchObject({ failures: expected.account!.failures, lockedUntil: expected.account!.lockedUntil });
  });

  it("failures from other addresses stay on the account, and so does a wait they still justify", () => {
    const account = fails(25, ACCOUNT_POLICY);
    expect(withdrawFailure(account, ACCOUNT_POLICY)).toEqual({ ...account, failures: 24 });
    expect(withdrawFailure(fails(20, ACCOUNT_POLICY), ACCOUNT_POLICY).lockedUntil).toBeNull();
  });

  it("never goes below zero", () => {
    expect(withdrawFailure({ failures: 0, windowStartsAt: t0, lockedUntil: null }, PAIR_POLICY).failures).toBe(0);
  });
});

describe("rows and keys", () => {
  it("a state with no failure and no wait is empty", () => {
    expect(isEmptyState(null, t0)).toBe(true);
    expect(isEmptyState({ failures: 0, windowStartsAt: t0, lockedUntil: null }, t0)).toBe(true);
    expect(isEmptyState({ failures: 0, windowStartsAt: t0, lockedUntil: at(5) }, t0)).toBe(false);
    expect(isEmptyState({ failures: 1, windowStartsAt: t0, lockedUntil: null }, t0)).toBe(false);
  });

  const day = 24 * 60 * 60;
  it.each<[string, ThrottleState | null, number, boolean]>([
    ["no row", null, 0, true],
    ["an empty row", { failures: 0, windowStartsAt: t0, lockedUntil: null }, 0, true],
    ["a failure a second ago", { failures: 1, windowStartsAt: t0, lockedUntil: null }, 1, false],
    ["a failure 23 h 59 min 59 s ago: the account's window still counts it", { failures: 1, windowStartsAt: t0, lockedUntil: null }, day - 1, false],
    ["a failure 24 h ago: over under every window", { failures: 1, windowStartsAt: t0, lockedUntil: null }, day, true],
    ["30 failures two days ago, their lock long over", { failures: 30, windowStartsAt: t0, lockedUntil: at(900) }, 2 * day, true],
    ["a window over but a wait still running", { failures: 25, windowStartsAt: t0, lockedUntil: at(day + 300) }, day + 10, false],
    ["a window over, its wait ending this very second", { failures: 25, windowStartsAt: t0, lockedUntil: at(day + 300) }, day + 300, true],
  ])("spent rows (deleted by the scheduler): %s → %s", (_label, state, seconds, expected) => {
    expect(isSpentState(state, at(seconds))).toBe(expected);
    // The SQL of purgeSpentThrottleRows: the window started by spentWindowStartsBy, no wait after now.
    if (state && !isEmptyState(state, at(seconds))) {
      const matchesSql = state.windowStartsAt.getTime() <= spentWindowStartsBy(at(seconds)).getTime() && (!state.lockedUntil || state.lockedUntil.getTime() <= at(seconds).getTime());
      expect(matchesSql).toBe(expected);
    }
  });

  it("the longest window is the account's day", () => {
    expect(LONGEST_WINDOW_S).toBe(ACCOUNT_POLICY.windowS);
  });

  // Empty rows were already deleted (a failure after them opens a new window where the row's would
  // have closed sooner: a little more lenient, never stricter). Rows spent by their window are
  // exactly equivalent to no row.
  it("deleting a row whose window is over changes no decision: an attempt, then a success, go exactly as with no row", () => {
    const stateArb = fc.record({
      failures: fc.integer({ min: 1, max: 60 }),
      windowStartsAt: fc.integer({ min: 0, max: 3 * day }).map(at),
      lockedUntil: fc.option(fc.integer({ min: 0, max: 3 * day }).map(at), { nil: null }),
    });
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, fc.integer({ min: 0, max: 4 * day }), (account, address, pair, seconds) => {
        const now = at(seconds);
        const states: ThrottleStates = { account, address, pair };
        // A window cannot start after the failure that opened it was counted.
        fc.pre(Object.values(states).every((state) => state!.windowStartsAt.getTime() <= now.getTime()));
        const without = (state: ThrottleState) => (isSpentState(state, now) ? null : state);
        const purged: ThrottleStates = { account: without(account), address: without(address), pair: without(pair) };
        const decision = decideAttempt(states, now);
        const decisionPurged = decideAttempt(purged, now);
        expect(decision).toEqual(decisionPurged);
        if (decision.isAdmitted && decisionPurged.isAdmitted) {
          const later = at(seconds + 1);
          expect(decideAttempt(afterSuccess(decision.next), later)).toEqual(decideAttempt(afterSuccess(decisionPurged.next), later));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("keys follow the e-mail's case and spaces like the sign-in form, and sort account < ip < pair", () => {
    const keys = throttleKeys(" Marie@Exemple.TEST ", "203.0.113.5");
    expect(keys).toEqual({ account: "account:marie@exemple.test", address: "ip:203.0.113.5", pair: 'pair:["marie@exemple.test","203.0.113.5"]' });
    expect([keys.pair, keys.address, keys.account].sort()).toEqual([keys.account, keys.address, keys.pair]);
  });

  it("a pair key cannot be forged from another e-mail and address", () => {
    expect(pairThrottleKey('a@b.test","1', "2")).not.toBe(pairThrottleKey("a@b.test", '1","2'));
  });
});

describe("the wait, from the server to the sign-in form", () => {
  it.each([
    [900, "RATE_LIMITED:900", 900],
    [0.2, "RATE_LIMITED:1", 1],
    [31.5, "RATE_LIMITED:32", 32],
  ])("%s s travels as %s", (retryAfterS, error, read) => {
    expect(rateLimitedSignInError(retryAfterS)).toBe(error);
    expect(retryAfterOfSignInError(error)).toBe(read);
  });

  it.each([
    ["RATE_LIMITED", null],
    ["CredentialsSignin", undefined],
    ["RATE_LIMITED:abc", undefined],
    ["RATE_LIMITED:1234567", undefined],
    ["xRATE_LIMITED:5", undefined],
  ] as const)("%s reads as %s", (error, expected) => {
    expect(retryAfterOfSignInError(error)).toBe(expected);
  });

  it.each([
    [1, 1],
    [32, 32],
    [60, 60],
    [61, 120],
    [899, 900],
    [900, 900],
  ])("a wait of %i s is shown as %i s", (retryAfterS, shown) => {
    expect(shownWaitS(retryAfterS)).toBe(shown);
  });
});
