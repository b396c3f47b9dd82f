import "server-only";
import {
  afterSuccess,
  decideAttempt,
  isEmptyState,
  normalizeEmail,
  spentWindowStartsBy,
  throttleKeys,
  type AttemptDecision,
  type ThrottleScope,
  type ThrottleState,
  type ThrottleStates,
} from "@/lib/throttle";
import { getDb, type Tx } from "../db";
import { isUniqueViolation, isWriteConflict } from "../transactions";

/** One sign-in attempt: the e-mail typed (whether or not an account has it) and the client address. */
export type SignInAttempt = { email: string; clientAddress: string };

/** In key order (account < ip < pair): every transaction locks rows in this order, so none deadlock. */
const SCOPES: ThrottleScope[] = ["account", "address", "pair"];
const MAX_ATTEMPTS = 5;

/**
 * Lets a sign-in attempt check its password, or refuses it with the wait in seconds. An admitted
 * attempt is already counted as a failure on its three counters when this returns (a success takes
 * it back: `recordSignInSuccess`), so concurrent attempts cannot all pass under a limit.
 */
export async function admitSignInAttempt(attempt: SignInAttempt, now = new Date()): Promise<AttemptDecision> {
  return withThrottleRows(attempt, now, (states) => {
    const decision = decideAttempt(states, now);
    return { decision, next: decision.isAdmitted ? decision.next : states };
  }).then(({ decision }) => decision);
}

/** The attempt's password was right: its pair starts afresh, the address and the account take it back. */
export async function recordSignInSuccess(attempt: SignInAttempt, now = new Date()): Promise<void> {
  await withThrottleRows(attempt, now, (states) => ({ decision: null, next: afterSuccess(states) }));
}

/**
 * Reads the attempt's three rows under a row lock (an upsert that changes nothing: it creates the
 * row or locks it, and returns it as last committed), lets `decide` compute their next states, and
 * writes them in the same transaction; rows left with nothing in them are deleted. At the
 * database's default isolation: the lock, not a snapshot, makes concurrent attempts count one after
 * the other (on SQLite, Prisma's transaction lock does). Two first attempts creating the same row
 * at once: the loser is tried again.
 */
async function withThrottleRows<T>(
  attempt: SignInAttempt,
  now: Date,
  decide: (states: ThrottleStates) => { decision: T; next: ThrottleStates },
): Promise<{ decision: T }> {
  const keys = throttleKeys(attempt.email, attempt.clientAddress);
  const email = normalizeEmail(attempt.email);
  const emailOf = (scope: ThrottleScope) => (scope === "address" ? null : email);
  for (let round = 1; ; round++) {
    try {
      return await getDb().$transaction(
        async (tx) => {
          const states = {} as Record<ThrottleScope, ThrottleState>;
          for (const scope of SCOPES) states[scope] = await lockRow(tx, keys[scope], emailOf(scope), now);
          const { decision, next } = decide(states);
          for (const scope of SCOPES) {
            const key = keys[scope];
            const state = next[scope];
            if (isEmptyState(state, now)) await tx.loginThrottle.deleteMany({ where: { key } });
            else if (!sameState(state!, states[scope])) await tx.loginThrottle.update({ where: { key }, data: { failures: state!.failures, windowStartsAt: state!.windowStartsAt, lockedUntil: state!.lockedUntil } });
          }
          return { decision };
        },
        { maxWait: 10_000, timeout: 20_000 },
      );
    } catch (error) {
      if (!(isUniqueViolation(error) || isWriteConflict(error)) || round >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * round));
    }
  }
}

/**
 * Deletes the rows that no longer change any decision (lib/throttle.ts `isSpentState`: window over
 * under every policy, no wait running). Run by the scheduler (server/scheduler.ts). Safe beside
 * sign-ins: an attempt holds its rows locked until it commits, and a row it renewed has a window
 * that starts now, which this does not match. Returns how many rows went.
 */
export async function purgeSpentThrottleRows(now = new Date()): Promise<number> {
  const { count } = await getDb().loginThrottle.deleteMany({
    where: { windowStartsAt: { lte: spentWindowStartsBy(now) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return count;
}

async function lockRow(tx: Tx, key: string, email: string | null, now: Date): Promise<ThrottleState> {
  const row = await tx.loginThrottle.upsert({
    where: { key },
    create: { key, email, failures: 0, windowStartsAt: now },
    update: { failures: { increment: 0 } },
    select: { failures: true, windowStartsAt: true, lockedUntil: true },
  });
  return row;
}

function sameState(a: ThrottleState, b: ThrottleState): boolean {
  return a.failures === b.failures && a.windowStartsAt.getTime() === b.windowStartsAt.getTime() && a.lockedUntil?.getTime() === b.lockedUntil?.getTime();
}
