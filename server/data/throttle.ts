import "server-only";
import { isLocked, registerFailure, type ThrottlePolicy, type ThrottleState } from "@/lib/throttle";
import { getDb } from "../db";

export async function isThrottled(keys: string[], now = new Date()): Promise<boolean> {
  const rows = await getDb().loginThrottle.findMany({ where: { key: { in: keys } } });
  return rows.some((row) => isLocked(row, now));
}

export async function recordSignInFailure(entries: { key: string; policy: ThrottlePolicy }[], now = new Date()) {
  await getDb().$transaction(async (tx) => {
    for (const { key, policy } of entries) {
      const current = await tx.loginThrottle.findUnique({ where: { key } });
      const next: ThrottleState = registerFailure(current, now, policy);
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
  });
}

export async function clearThrottle(key: string) {
  await getDb().loginThrottle.deleteMany({ where: { key } });
}
