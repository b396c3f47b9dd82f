/**
 * Sign-in throttling: a pure rule over three counters, kept by server/data/throttle.ts.
 *
 * - pair (account × address): failures from one address on one account. Reaching the limit locks
 *   that address out of that account only; the account's owner, elsewhere, is not affected.
 * - address (across all accounts): an address guessing on many accounts is locked out of all.
 * - account (across all addresses): a much higher threshold, then growing waits (doubling, capped),
 *   never a lock: it bounds how fast a guesser with many addresses can try, while the owner still
 *   gets in after a wait of minutes at most.
 *
 * An attempt is counted when it is let through, before the password is checked, so concurrent
 * attempts cannot all slip under a limit; a successful sign-in takes its own count back
 * (`withdrawFailure`) and clears its pair. The rule never looks at whether the account exists:
 * an unknown e-mail is counted, refused and answered the same way.
 */
export type ThrottlePolicy = {
  /** Failures in a window after which each further attempt must wait. */
  failuresBeforeWait: number;
  /** Length of the counting window, from its first failure. */
  windowS: number;
  /** Wait set by the failure that reaches `failuresBeforeWait`; each further failure doubles it... */
  firstWaitS: number;
  /** ...up to this. */
  maxWaitS: number;
};
export type ThrottleState = { failures: number; windowStartsAt: Date; lockedUntil: Date | null };

const MINUTE_S = 60;

/** One address on one account: 5 failures in 15 minutes lock that pair for 15 minutes. */
export const PAIR_POLICY: ThrottlePolicy = { failuresBeforeWait: 5, windowS: 15 * MINUTE_S, firstWaitS: 15 * MINUTE_S, maxWaitS: 15 * MINUTE_S };
/** One address on any accounts: 30 failures in 15 minutes lock the address for 15 minutes. */
export const ADDRESS_POLICY: ThrottlePolicy = { failuresBeforeWait: 30, windowS: 15 * MINUTE_S, firstWaitS: 15 * MINUTE_S, maxWaitS: 15 * MINUTE_S };
/**
 * One account from any addresses: 20 failures in 24 hours are free, then each attempt waits 1 s,
 * 2 s, 4 s… doubling to at most 5 minutes. A guesser with unlimited addresses gets about
 * 20 + 86,400 / 300 ≈ 310 tries a day; the owner waits 5 minutes at worst.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { failuresBeforeWait: 20, windowS: 24 * 60 * MINUTE_S, firstWaitS: 1, maxWaitS: 5 * MINUTE_S };

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** Seconds of wait that the `failures`-th failure of a window sets (0 below the threshold). */
export function waitAfterS(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.failuresBeforeWait;
  if (over < 0) return 0;
  // 2^over overflows to Infinity for absurd counts, which Math.min caps.
  return Math.min(policy.firstWaitS * 2 ** over, policy.maxWaitS);
}

export function registerFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const isWindowOver = !state || now.getTime() - state.windowStartsAt.getTime() >= policy.windowS * 1000;
  const failures = isWindowOver ? 1 : state.failures + 1;
  const windowStartsAt = isWindowOver ? now : state.windowStartsAt;
  const waitS = waitAfterS(failures, policy);
  const lockedUntil = waitS > 0 ? new Date(now.getTime() + waitS * 1000) : isLocked(state, now) ? state!.lockedUntil : null;
  return { failures, windowStartsAt, lockedUntil };
}

/**
 * A counted attempt that turned out to be a success: its failure is taken back. A wait that the
 * remaining failures still justify stays (it cannot be told apart from one set by someone else's
 * failure); below the threshold there is no wait.
 */
export function withdrawFailure(state: ThrottleState, policy: ThrottlePolicy): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, lockedUntil: failures >= policy.failuresBeforeWait ? state.lockedUntil : null };
}

/** The three counters an attempt reads, by name. */
export type ThrottleScope = "account" | "address" | "pair";
export const THROTTLE_POLICIES: Record<ThrottleScope, ThrottlePolicy> = { account: ACCOUNT_POLICY, address: ADDRESS_POLICY, pair: PAIR_POLICY };
export type ThrottleStates = Record<ThrottleScope, ThrottleState | null>;

export type AttemptDecision =
  | { isAdmitted: true; next: Record<ThrottleScope, ThrottleState> }
  | { isAdmitted: false; retryAfterS: number };

/**
 * Whether a sign-in attempt may check its password now. Admitted: the states with the attempt
 * counted as a failure (the caller writes them before checking the password). Refused: whole
 * seconds until every wait that blocks it is over; a refused attempt counts nothing.
 */
export function decideAttempt(states: ThrottleStates, now: Date): AttemptDecision {
  const waitsMs = Object.values(states).map((state) => (isLocked(state, now) ? state!.lockedUntil!.getTime() - now.getTime() : 0));
  const longestMs = Math.max(...waitsMs);
  if (longestMs > 0) return { isAdmitted: false, retryAfterS: Math.ceil(longestMs / 1000) };
  return {
    isAdmitted: true,
    next: {
      account: registerFailure(states.account, now, ACCOUNT_POLICY),
      address: registerFailure(states.address, now, ADDRESS_POLICY),
      pair: registerFailure(states.pair, now, PAIR_POLICY),
    },
  };
}

/** After a successful sign-in: the pair starts afresh; address and account take back this attempt only. */
export function afterSuccess(states: ThrottleStates): ThrottleStates {
  return {
    account: states.account && withdrawFailure(states.account, ACCOUNT_POLICY),
    address: states.address && withdrawFailure(states.address, ADDRESS_POLICY),
    pair: null,
  };
}

/** A state that holds nothing (no failure, no wait): its row can go. */
export function isEmptyState(state: ThrottleState | null, now: Date): boolean {
  return !state || (state.failures === 0 && !isLocked(state, now));
}

/** The longest counting window of the three counters (the account's day). */
export const LONGEST_WINDOW_S = Math.max(...Object.values(THROTTLE_POLICIES).map((policy) => policy.windowS));

/**
 * A state that no longer changes any decision, under any of the three policies: empty, or its
 * window is over (the next failure starts a new one) and no wait runs. Its row can go; rows hold
 * e-mails and client addresses, so they are not kept longer than they count
 * (server/data/throttle.ts `purgeSpentThrottleRows`, with the same test in SQL).
 */
export function isSpentState(state: ThrottleState | null, now: Date): boolean {
  if (isEmptyState(state, now)) return true;
  return now.getTime() - state!.windowStartsAt.getTime() >= LONGEST_WINDOW_S * 1000 && !isLocked(state, now);
}

/** Windows that started at or before this instant are over under every policy. */
export function spentWindowStartsBy(now: Date): Date {
  return new Date(now.getTime() - LONGEST_WINDOW_S * 1000);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function accountThrottleKey(email: string): string {
  return `account:${normalizeEmail(email)}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}

/** JSON keeps the pair unambiguous whatever characters the e-mail or the address hold. */
export function pairThrottleKey(email: string, ip: string): string {
  return `pair:${JSON.stringify([normalizeEmail(email), ip])}`;
}

/** The key of each counter an attempt reads; account < ip < pair, the order rows are locked in. */
export function throttleKeys(email: string, ip: string): Record<ThrottleScope, string> {
  return { account: accountThrottleKey(email), address: ipThrottleKey(ip), pair: pairThrottleKey(email, ip) };
}

/** next-auth's error for an attempt that must wait, carrying the wait: "RATE_LIMITED:900". */
export function rateLimitedSignInError(retryAfterS: number): string {
  return `RATE_LIMITED:${Math.max(1, Math.ceil(retryAfterS))}`;
}

/**
 * The wait that an error from next-auth (or the sign-in page's `?error=`) announces: seconds;
 * `null` for a throttling error without a readable wait; `undefined` for any other error.
 */
export function retryAfterOfSignInError(error: string): number | null | undefined {
  const match = /^RATE_LIMITED(?::(\d{1,6}))?$/.exec(error);
  if (!match) return undefined;
  return match[1] ? Number(match[1]) : null;
}

/** The wait as told to the user: seconds under a minute, else whole minutes rounded up (never "14 min 59 s"). */
export function shownWaitS(retryAfterS: number): number {
  return retryAfterS > 60 ? Math.ceil(retryAfterS / 60) * 60 : Math.max(1, Math.ceil(retryAfterS));
}
