import "server-only";
import { getDb, type Tx } from "./db";

/**
 * Writes that meet a concurrent one: how a conflict is recognised (a serializable transaction
 * refused, a unique index hit by the same first write), and the one retry rule every writer uses —
 * Prisma's serializable transactions (inSerializableTransaction) and the heartbeat's PostgreSQL
 * writer (retryingConflicts).
 */

/**
 * A serializable transaction that PostgreSQL refused because a concurrent one touched the same rows:
 * to be retried. Prisma reports it as P2034 when a statement fails, but a conflict detected at
 * COMMIT reaches us as the driver adapter's own error (kind "TransactionWriteConflict", SQLSTATE 40001).
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, name, cause } = error as { code?: string; name?: string; cause?: { kind?: string } };
  return code === "P2034" || (name === "DriverAdapterError" && cause?.kind === "TransactionWriteConflict");
}

/** A write refused by a unique index (Prisma's P2002): "someone else already did it". */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

const MAX_ATTEMPTS = 8;
/** Upper bound of the random pause before retry n (ms): n × this. Spreads writers that collided on a counter row. */
const RETRY_JITTER_MS = 15;

/**
 * A serializable transaction, retried when PostgreSQL reports a conflict with a concurrent one
 * (two learners bumping the same counter row at once), after a short random pause so that the
 * same writers do not collide again at once.
 */
export async function inSerializableTransaction<T>(work: (tx: Tx) => Promise<T>, options: { retriesUniqueViolations?: boolean } = {}): Promise<T> {
  const retriesUniqueViolations = options.retriesUniqueViolations ?? true;
  // A unique violation here is a concurrent first write of the same row (progress or counter),
  // unless the caller's own row is unique by design (an e-mail, a membership).
  return retryingConflicts(
    () => getDb().$transaction(work, { isolationLevel: "Serializable", maxWait: 10_000, timeout: 20_000 }),
    (error) => isWriteConflict(error) || (retriesUniqueViolations && isUniqueViolation(error)),
  );
}

/** Runs `work` again when it failed on a conflict with a concurrent transaction: at most MAX_ATTEMPTS times, after a short random pause growing with each attempt. */
export async function retryingConflicts<T>(work: () => Promise<T>, isConflict: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_JITTER_MS * attempt));
    }
  }
}

