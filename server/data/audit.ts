import "server-only";
import { createHmac } from "node:crypto";
import { auditPeriod, auditPerson, isAuditAction, LEARNER_ACCESSES_LIMIT, type AuditAction, type AuditLogEntry, type LearnerDataAccess } from "@/lib/audit";
import { formatAccountPseudonym } from "@/lib/audit-pseudonym";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { serializeAuditDetails, type AuditDetails, type AuditFilters } from "@/lib/schemas/audit";
import { getDb, isPostgres, type Db } from "../db";
import { getAuthSecret } from "../env";

/**
 * The audit log: who on the staff read or changed whose data, and when. Entries are written by
 * recordAudit only, in the same transaction as (or just before) the access they record; the
 * application never changes or deletes them, except pseudonymiseAuditEntries, which replaces an
 * erased account by a pseudonym (tests/unit/audit-append-only.test.ts holds everyone to this).
 */

/** The database client or an interactive transaction's: both can write an entry. */
type AuditClient = Pick<Db, "auditEntry">;

export type AuditRecord<A extends AuditAction> = {
  action: A;
  /** The staff member who acted; null for the platform itself. */
  actorId: string | null;
  /** The one person whose data was read or changed, when there is one. */
  targetUserId?: string | null;
  /** Ids, counts and choices only (checked against the action's schema): never a name, an e-mail or a search text. */
  details: AuditDetails<A>;
  createdAt?: Date;
};

/**
 * Writes one audit entry. Returns the Prisma query unawaited, so that it can go in a batch
 * transaction (`db.$transaction([read, recordAudit(db, …)])`) as well as be awaited inside an
 * interactive one (`await recordAudit(tx, …)`). Details that do not fit the action's schema throw.
 */
export function recordAudit<A extends AuditAction>(client: AuditClient, entry: AuditRecord<A>) {
  return client.auditEntry.create({
    data: {
      action: entry.action,
      actorId: entry.actorId,
      targetUserId: entry.targetUserId ?? null,
      details: serializeAuditDetails(entry.action, entry.details),
      ...(entry.createdAt ? { createdAt: entry.createdAt } : {}),
    },
    select: { id: true },
  });
}

/** The erased account's pseudonym: an HMAC of its id keyed by the platform's secret, so only the platform could recompute it. */
export function accountPseudonym(userId: string): string {
  return formatAccountPseudonym(createHmac("sha256", getAuthSecret()).update(`audit-pseudonym:${userId}`).digest("hex"));
}

/**
 * For the account erasure, inside its transaction and BEFORE the user row is deleted: every entry
 * where the account acted or was acted upon gets its pseudonym. The foreign keys then set the ids
 * to null; the pseudonym keeps the entries about one erased person together without saying who.
 */
export async function pseudonymiseAuditEntries(tx: AuditClient, userId: string): Promise<{ asActor: number; asTarget: number }> {
  const pseudonym = accountPseudonym(userId);
  const asActor = await tx.auditEntry.updateMany({ where: { actorId: userId }, data: { actorPseudonym: pseudonym } });
  const asTarget = await tx.auditEntry.updateMany({ where: { targetUserId: userId }, data: { targetPseudonym: pseudonym } });
  return { asActor: asActor.count, asTarget: asTarget.count };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const COHORT_ACTIONS: readonly AuditAction[] = ["learner.viewed", "attendance.viewed", "cohort.exported"];

/** The names of the cohorts that these entries name, in one query (none when no entry names one). */
async function cohortNamesOf(entries: { action: string; details: Record<string, unknown> }[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.flatMap((e) => (COHORT_ACTIONS.includes(e.action as AuditAction) && typeof e.details.cohortId === "string" ? [e.details.cohortId] : [])))];
  if (ids.length === 0) return new Map();
  const cohorts = await getDb().cohort.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(cohorts.map((c) => [c.id, c.name]));
}

function cohortNameOf(action: string, details: Record<string, unknown>, names: Map<string, string>): string | null | undefined {
  if (!COHORT_ACTIONS.includes(action as AuditAction) || typeof details.cohortId !== "string") return undefined;
  return names.get(details.cohortId) ?? null;
}

const PERSON = { select: { id: true, name: true, role: true } } as const;

export type AuditItem = {
  id: string;
  action: string;
  createdAt: Date;
  actorName: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
};

/** The latest entries, for the short log on /admin/users (optionally of some actions only). */
export async function listAuditEntries(actor: Actor, options: { limit?: number; actions?: AuditAction[] } = {}): Promise<AuditItem[]> {
  if (!can(actor, "audit:view")) throw new AppError("FORBIDDEN");
  const rows = await getDb().auditEntry.findMany({
    where: options.actions ? { action: { in: options.actions } } : {},
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

export const AUDIT_PAGE_SIZE = 50;

/** "contains", ignoring case on both engines (SQLite's LIKE already ignores ASCII case; PostgreSQL needs `mode`). */
function containsText(text: string): { contains: string } {
  return (isPostgres() ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}

/**
 * Entries whose actor (or target) matches a text: an account whose name or e-mail contains it, or
 * an erased account's pseudonym (typed whole, in either language, or as its 8-digit number).
 */
function personFilter(side: "actor" | "target", text: string) {
  const account = { OR: [{ name: containsText(text) }, { email: { contains: text.toLowerCase() } }] };
  const code = /([0-9a-f]{8})\s*$/i.exec(text)?.[1]?.toUpperCase();
  const pseudonyms = [containsText(text), ...(code ? [{ endsWith: code }] : [])];
  return side === "actor"
    ? { OR: [{ actor: { is: account } }, ...pseudonyms.map((p) => ({ actorPseudonym: p }))] }
    : { OR: [{ targetUser: { is: account } }, ...pseudonyms.map((p) => ({ targetPseudonym: p }))] };
}

/**
 * One page of the log for the admin page, newest first, filtered by who acted, whose data, what
 * and when (calendar days in Europe/Paris). The same few queries whatever the page holds: the
 * count, the page with its actors and targets, and the names of the cohorts it names.
 */
export async function listAuditLog(
  actor: Actor,
  filters: Omit<AuditFilters, "page"> & { page?: number },
): Promise<{ entries: AuditLogEntry[]; total: number; page: number; pageCount: number }> {
  if (!can(actor, "audit:view")) throw new AppError("FORBIDDEN");
  const period = auditPeriod(filters.from, filters.to);
  const where = {
    AND: [
      ...(filters.who ? [personFilter("actor", filters.who)] : []),
      ...(filters.whose ? [personFilter("target", filters.whose)] : []),
      ...(filters.action ? [{ action: filters.action }] : []),
      ...(period.gte || period.lt ? [{ createdAt: period }] : []),
    ],
  };
  const db = getDb();
  const total = await db.auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pageCount);
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    include: { actor: PERSON, targetUser: PERSON },
  });
  const parsed = rows.flatMap((row) => (isAuditAction(row.action) ? [{ ...row, action: row.action, details: parseDetails(row.details) }] : []));
  const cohortNames = await cohortNamesOf(parsed);
  const entries = parsed.map((row) => ({
    id: row.id,
    action: row.action,
    createdAt: row.createdAt,
    actor: auditPerson(row.actor, row.actorPseudonym),
    target: row.targetUser || row.targetPseudonym ? auditPerson(row.targetUser, row.targetPseudonym) : null,
    details: row.details,
    cohortName: cohortNameOf(row.action, row.details, cohortNames),
  }));
  return { entries, total, page, pageCount };
}

/**
 * "Qui voit mes données": the accesses by someone else to the signed-in person's data, newest
 * first, at most 100 — the entries about them, and the CSV exports of the cohorts they are a
 * learner of made since they joined (a cohort's CSV holds every learner's name, e-mail and progress).
 */
export async function listAccessesToLearnerData(actor: Actor): Promise<LearnerDataAccess[]> {
  if (!can(actor, "account:view")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const memberships = await db.cohortMember.findMany({ where: { userId: actor.id, role: "learner" }, select: { cohortId: true, joinedAt: true } });
  // recordAudit writes the details from a strict schema, so a cohort id always reads `"cohortId":"<id>"`.
  const cohortExports = memberships.map((m) => ({
    action: "cohort.exported",
    createdAt: { gte: m.joinedAt },
    details: { contains: `"cohortId":${JSON.stringify(m.cohortId)}` },
  }));
  const rows = await db.auditEntry.findMany({
    where: {
      AND: [{ OR: [{ targetUserId: actor.id }, ...cohortExports] }, { OR: [{ actorId: null }, { actorId: { not: actor.id } }] }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LEARNER_ACCESSES_LIMIT,
    include: { actor: PERSON },
  });
  const parsed = rows.flatMap((row) => (isAuditAction(row.action) ? [{ ...row, action: row.action, details: parseDetails(row.details) }] : []));
  const cohortNames = await cohortNamesOf(parsed);
  return parsed.map((row) => ({
    id: row.id,
    action: row.action,
    createdAt: row.createdAt,
    actor: auditPerson(row.actor, row.actorPseudonym),
    details: row.details,
    cohortName: cohortNameOf(row.action, row.details, cohortNames),
  }));
}
