import "server-only";
import type { Tx } from "../db";

/**
 * A learner's registrations to live sessions end with their place in the group: when they leave it
 * (or are removed), those to its sessions still to come are deleted and their places freed; when
 * the account is erased, all of them (the rows would go with the account; the counts must follow).
 * Apart from server/data/live-sessions.ts so that memberships and the erasure need not import it.
 */
export async function releaseLiveRegistrations(tx: Tx, userId: string, scope: { cohortId: string; after: Date } | { everything: true }): Promise<number> {
  const rows = await tx.liveRegistration.findMany({
    where: { userId, ...("cohortId" in scope ? { session: { cohortId: scope.cohortId, startsAt: { gt: scope.after } } } : {}) },
    select: { sessionId: true },
  });
  for (const { sessionId } of rows) {
    await tx.liveRegistration.delete({ where: { sessionId_userId: { sessionId, userId } } });
    await tx.liveSession.update({ where: { id: sessionId }, data: { registeredCount: { decrement: 1 } } });
    await tx.liveReminder.deleteMany({ where: { sessionId, userId } });
  }
  return rows.length;
}
