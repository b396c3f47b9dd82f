import "server-only";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { getDb } from "../db";

export type AuditItem = {
  id: string;
  action: string;
  createdAt: Date;
  actorName: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
};

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function listAuditEntries(actor: Actor, options: { limit?: number } = {}): Promise<AuditItem[]> {
  if (!can(actor, "audit:view")) throw new AppError("FORBIDDEN");
  const rows = await getDb().auditEntry.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
    include: { actor: { select: { name: true } }, targetUser: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    createdAt: row.createdAt,
    actorName: row.actor?.name ?? null,
    targetName: row.targetUser?.name ?? null,
    details: parseDetails(row.details),
  }));
}
