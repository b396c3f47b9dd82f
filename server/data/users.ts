import "server-only";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword, getDecoyHash } from "@/lib/password";
import { can, decideRoleChange, type Actor } from "@/lib/permissions";
import { isRole, type Role } from "@/lib/roles";
import type { SignInInput, SignUpInput } from "@/lib/schemas/auth";
import { learnerDeltas } from "@/lib/stats/counters";
import { getDb, instantColumn, instantOf, isPostgres, readRows } from "../db";
import { isUniqueViolation, isWriteConflict } from "../transactions";
import { recordAudit } from "./audit";
import { handOverOwnedCohorts } from "./cohorts";
import { applyDeltas } from "./stat-counters";
import { admitSignInAttempt, recordSignInSuccess } from "./throttle";

export type SessionUser = Actor & { name: string; email: string };

function toSessionUser(row: { id: string; role: string; name: string; email: string }): SessionUser | null {
  return isRole(row.role) ? { id: row.id, role: row.role, name: row.name, email: row.email } : null;
}

/** Sign-up: always a merchant account; the role is never taken from the input. */
export async function createMerchant(input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await createCountedUser({
      email: input.email,
      passwordHash,
      name: input.name,
      role: "merchant",
      sector: input.sector,
      department: input.department,
      sizeBand: input.sizeBand,
    });
    return toSessionUser(user)!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("EMAIL_TAKEN", "errors.email.taken", { email: "errors.email.taken" });
    throw error;
  }
}

/** Staff accounts and demo data (seed, tests): any role. */
export async function createUserWithRole(input: {
  email: string;
  password: string;
  name: string;
  role: Role;
  sector?: string;
  department?: string;
  sizeBand?: string;
}): Promise<SessionUser> {
  const { password, ...data } = input;
  const user = await createCountedUser({ ...data, passwordHash: await hashPassword(password) });
  return toSessionUser(user)!;
}

type NewUser = { email: string; passwordHash: string; name: string; role: Role; sector?: string | null; department?: string | null; sizeBand?: string | null };

/** A counter row created at the same moment by another transaction: the sign-up is simply tried again. */
class CounterRace extends Error {}

/**
 * A new account and, for a merchant, the registration counters, in one transaction. At the
 * database's default isolation: the counters only add to rows (`value + 1`), and depend on nothing
 * read, so concurrent sign-ups need not be serializable (they conflicted on the week's counter row
 * on PostgreSQL). A unique violation on the e-mail is EMAIL_TAKEN; on a counter row being created by
 * a concurrent sign-up, the whole sign-up is tried again.
 */
async function createCountedUser(data: NewUser) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(async (tx) => {
        const user = await tx.user.create({ data });
        try {
          await applyDeltas(tx, learnerDeltas(user, 1));
        } catch (error) {
          throw isUniqueViolation(error) ? new CounterRace() : error;
        }
        return user;
      });
    } catch (error) {
      if (!(error instanceof CounterRace) || attempt >= 5) throw error;
    }
  }
}

/** A sign-in attempt that must wait `retryAfterS` seconds (429 RATE_LIMITED). */
export class SignInRateLimited extends AppError {
  constructor(readonly retryAfterS: number) {
    super("RATE_LIMITED");
  }
}

/**
 * Checks credentials, throttled per account × address, per address and per account (lib/throttle.ts).
 * Returns the user, or null for wrong credentials (same answer and about the same time whether or
 * not the e-mail exists); throws RATE_LIMITED, with the wait in seconds, while the attempt must wait
 * — before any password is checked, whether or not the e-mail exists.
 */
export async function authenticate(input: SignInInput & { clientAddress: string }, now = new Date()): Promise<SessionUser | null> {
  const attempt = { email: input.email, clientAddress: input.clientAddress };
  const decision = await admitSignInAttempt(attempt, now);
  if (!decision.isAdmitted) throw new SignInRateLimited(decision.retryAfterS);

  // The attempt is already counted as a failure: a wrong password needs nothing more.
  const user = await getDb().user.findUnique({ where: { email: input.email } });
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await getDecoyHash()));
  if (!user || !isValid) return null;
  await recordSignInSuccess(attempt, now);
  return toSessionUser(user);
}

/** The signed-in user as stored now (role changes and deletions take effect at the next request). */
type SessionUserRow = { id: string; role: string; name: string; email: string; passwordChangedAt: unknown };

/**
 * The account behind a session, looked up on every signed-in request: one prepared statement
 * (readRows). The heartbeat spent 11 % of its CPU in Prisma's query compiler and client for this row.
 */
export async function findSessionAccount(id: string): Promise<{ user: SessionUser; passwordChangedAt: Date | null } | null> {
  const [row] = await readRows<SessionUserRow>(
    "session-user",
    `SELECT "id", "role", "name", "email", ${instantColumn(`"passwordChangedAt"`)} AS "passwordChangedAt" FROM "User" WHERE "id" = $1`,
    [id],
  );
  const user = row ? toSessionUser(row) : null;
  return row && user ? { user, passwordChangedAt: instantOf(row.passwordChangedAt) } : null;
}

/** The account behind a session, without what only the session check needs. */
export async function findSessionUser(id: string): Promise<SessionUser | null> {
  return (await findSessionAccount(id))?.user ?? null;
}

export const USERS_PAGE_SIZE = 50;

export type UserListItem = { id: string; name: string; email: string; role: Role; createdAt: Date };

export async function listUsers(
  actor: Actor,
  options: { query?: string; page?: number } = {},
): Promise<{ users: UserListItem[]; total: number; page: number; pageCount: number }> {
  if (!can(actor, "users:list")) throw new AppError("FORBIDDEN");
  const query = options.query?.trim();
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs Prisma's `mode` (which the SQLite
  // client's types do not know, hence the cast).
  const nameFilter = isPostgres() ? { contains: query, mode: "insensitive" } : { contains: query };
  const where = query ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: nameFilter as { contains: string } }] } : {};
  const db = getDb();
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  // The page is read and its audit entry written in one transaction; the search text is not kept
  // (it may be someone's e-mail), only whether there was one.
  const [rows] = await db.$transaction([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, createdAt: true },
    }),
    recordAudit(db, { action: "users.listed", actorId: actor.id, details: { page, isSearch: Boolean(query) } }),
  ]);
  const users = rows.flatMap((row) => (isRole(row.role) ? [{ ...row, role: row.role }] : []));
  return { users, total, page, pageCount };
}

const MAX_ROLE_CHANGE_ATTEMPTS = 3;

/**
 * Changes a user's role and writes the audit entry in the same transaction. The admin count is read
 * inside a serializable transaction, so two admins demoting each other at once cannot leave the
 * platform without an admin: one of the two transactions fails and is retried against the new state.
 */
export async function changeUserRole(actor: Actor, input: { userId: string; role: Role }): Promise<SessionUser> {
  if (!can(actor, "users:change-role")) throw new AppError("FORBIDDEN");
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(
        async (tx) => {
          const target = await tx.user.findUnique({ where: { id: input.userId } });
          if (!target || !isRole(target.role)) throw new AppError("NOT_FOUND");
          const adminCount = await tx.user.count({ where: { role: "admin" } });
          const decision = decideRoleChange({
            actor,
            target: { id: target.id, role: target.role },
            nextRole: input.role,
            adminCount,
          });
          if (!decision.isAllowed) throw new AppError(decision.reason);
          if (target.role === input.role) return toSessionUser(target)!;
          const updated = await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
          // No longer a trainer: the cohorts they are responsible for pass to a co-trainer.
          if (!can({ id: target.id, role: input.role }, "cohorts:train")) await handOverOwnedCohorts(tx, target.id);
          // Registered learners are merchant accounts: the counters follow the role.
          await applyDeltas(tx, [...learnerDeltas(target, -1), ...learnerDeltas(updated, 1)]);
          await recordAudit(tx, { action: "user.role-changed", actorId: actor.id, targetUserId: target.id, details: { from: target.role, to: input.role } });
          return toSessionUser(updated)!;
        },
        { isolationLevel: "Serializable" },
      );
    } catch (error) {
      const isSerializationFailure = isWriteConflict(error);
      if (!isSerializationFailure || attempt >= MAX_ROLE_CHANGE_ATTEMPTS) throw error;
    }
  }
}

export async function countUsers(): Promise<number> {
  return getDb().user.count();
}
