/**
 * Sign-in throttling: a pure state machine, kept per key ("account:<email>", "ip:<address>") by
 * server/data/throttle.ts. Failures are counted in a fixed window; reaching the limit locks the key
 * for `lockS` seconds. A successful sign-in clears the account key but not the IP key (otherwise an
 * attacker holding one valid account could reset the IP counter at will).
 */
export type ThrottlePolicy = { maxFailures: number; windowS: number; lockS: number };
export type ThrottleState = { failures: number; windowStartsAt: Date; lockedUntil: Date | null };

export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowS: 15 * 60, lockS: 15 * 60 };
export const IP_POLICY: ThrottlePolicy = { maxFailures: 30, windowS: 15 * 60, lockS: 15 * 60 };

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

export function registerFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const isWindowOver = !state || now.getTime() - state.windowStartsAt.getTime() >= policy.windowS * 1000;
  const failures = isWindowOver ? 1 : state.failures + 1;
  const windowStartsAt = isWindowOver ? now : state.windowStartsAt;
  const lockedUntil =
    failures >= policy.maxFailures
      ? new Date(now.getTime() + policy.lockS * 1000)
      : isLocked(state, now)
        ? state!.lockedUntil
        : null;
  return { failures, windowStartsAt, lockedUntil };
}

export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}
