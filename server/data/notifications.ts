import "server-only";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { getDb, readRows } from "../db";

/** In-app notifications: each user reads only their own. */

export type NotificationView = { id: string; kind: string; data: Record<string, unknown>; readAt: Date | null; createdAt: Date };

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  if (!can(actor, "notifications:view")) return 0;
  // On every signed-in page (the header's badge): a prepared statement, not a Prisma query.
  const [row] = await readRows<{ n: number | bigint }>("unread-notifications", `SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`, [actor.id]);
  return Number(row?.n ?? 0);
}

export async function listNotifications(actor: Actor, options: { limit?: number } = {}): Promise<NotificationView[]> {
  if (!can(actor, "notifications:view")) throw new AppError("FORBIDDEN");
  const rows = await getDb().notification.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, data: parseData(r.data), readAt: r.readAt, createdAt: r.createdAt }));
}

/** Marks some (by id) or all of the actor's notifications as read; others' ids are ignored. */
export async function markNotificationsRead(actor: Actor, input: { ids?: string[]; all?: true }, now = new Date()): Promise<number> {
  if (!can(actor, "notifications:view")) throw new AppError("FORBIDDEN");
  const { count } = await getDb().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
    data: { readAt: now },
  });
  return count;
}
