import "server-only";
import { randomBytes } from "node:crypto";
import { dayOf, lastSecondOf } from "@/lib/calendar-day";
import { generateJoinCode, joinCodeState, formatJoinCode } from "@/lib/cohorts/join-code";
import { successorOwner } from "@/lib/cohorts/ownership";
import { DEFAULT_REMINDER_DAYS_BEFORE } from "@/lib/cohorts/reminders";
import { AppError } from "@/lib/errors";
import { invitationEmail } from "@/lib/mail/templates";
import { can, cohortAbilities, type Actor, type CohortRole } from "@/lib/permissions";
import { isRole } from "@/lib/roles";
import type { CohortInput } from "@/lib/schemas/cohorts";
import { getDb, readRows, type Tx } from "../db";
import { isUniqueViolation } from "../transactions";
import { publicUrl, queueEmail } from "../mail";
import { removeLearnerRows } from "./memberships";

/**
 * Cohorts as their trainers run them: creating, settings, join codes, trainers and learners,
 * invitations (a learner's side — joining, leaving — is server/data/memberships.ts). Every function
 * takes the acting user and checks it here; a cohort the actor does not train answers NOT_FOUND
 * (404), never 403, because whether it exists is private.
 */

export type CohortSummary = {
  id: string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  learnerCount: number;
  assignmentCount: number;
  isOwner: boolean;
};

/**
 * The actor's place in a cohort, read from its membership row: one prepared statement on the
 * driver (readRows), since every trainer operation starts with it (through Prisma it was two
 * statements and most of the check's CPU time).
 */
async function accessOf(actor: Actor, cohortId: string) {
  const [cohort] = await readRows<{ ownerId: string | null; role: string | null }>(
    "cohort-access",
    `SELECT c."ownerId", (SELECT m."role" FROM "CohortMember" m WHERE m."cohortId" = c."id" AND m."userId" = $2) AS "role" FROM "Cohort" c WHERE c."id" = $1`,
    [cohortId, actor.id],
  );
  if (!cohort) return null;
  return cohortAbilities(actor, { role: cohort.role as CohortRole | null, isOwner: cohort.ownerId === actor.id });
}

/** Throws NOT_FOUND unless the actor trains this cohort. The check every trainer operation starts with. */
export async function requireTrainedCohort(actor: Actor, cohortId: string, need: "manage" | "manageTrainers" = "manage") {
  const access = await accessOf(actor, cohortId);
  if (!access?.canManage) throw new AppError("NOT_FOUND");
  if (need === "manageTrainers" && !access.canManageTrainers) throw new AppError("FORBIDDEN");
  return access;
}

/** The cohorts a trainer trains, with their sizes (two queries whatever their number). */
export async function listTrainedCohorts(actor: Actor): Promise<CohortSummary[]> {
  if (!can(actor, "cohorts:train")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const cohorts = await db.cohort.findMany({
    where: { members: { some: { userId: actor.id, role: "trainer" } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, startsOn: true, endsOn: true, ownerId: true, _count: { select: { assignments: true } } },
  });
  const counts = await db.cohortMember.groupBy({
    by: ["cohortId"],
    where: { cohortId: { in: cohorts.map((c) => c.id) }, role: "learner" },
    _count: { _all: true },
  });
  const learnersOf = new Map(counts.map((c) => [c.cohortId, c._count._all]));
  return cohorts.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    learnerCount: learnersOf.get(c.id) ?? 0,
    assignmentCount: c._count.assignments,
    isOwner: c.ownerId === actor.id,
  }));
}

function newJoinCode() {
  return generateJoinCode((size) => randomBytes(size));
}

/** Retries the rare clash of a new join code with an existing one. */
async function withFreshJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(newJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** A trainer's weekly-digest choice, for a new cohort of theirs: the same as in their other cohorts. */
async function currentDigestChoice(userId: string): Promise<boolean> {
  const rows = await getDb().cohortMember.findMany({ where: { userId, role: "trainer" }, select: { wantsWeeklyDigest: true } });
  return rows.length === 0 || rows.some((r) => r.wantsWeeklyDigest);
}

export async function createCohort(actor: Actor, input: CohortInput): Promise<{ id: string }> {
  if (!can(actor, "cohorts:train")) throw new AppError("FORBIDDEN");
  const wantsWeeklyDigest = await currentDigestChoice(actor.id);
  return withFreshJoinCode((joinCode) =>
    getDb().cohort.create({
      data: {
        name: input.name,
        description: input.description,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        reminderDaysBefore: input.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE,
        ownerId: actor.id,
        joinCode,
        members: { create: { userId: actor.id, role: "trainer", wantsWeeklyDigest } },
      },
      select: { id: true },
    }),
  );
}

export async function updateCohort(actor: Actor, cohortId: string, input: CohortInput) {
  await requireTrainedCohort(actor, cohortId);
  await getDb().cohort.update({
    where: { id: cohortId },
    data: {
      name: input.name,
      description: input.description,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      ...(input.reminderDaysBefore !== undefined ? { reminderDaysBefore: input.reminderDaysBefore } : {}),
    },
  });
}

export type CohortMemberView = { userId: string; name: string; email: string; joinedAt: Date; wantsWeeklyDigest: boolean };

/** A cohort as its trainers manage it: settings, join code, trainers and learners. */
export async function getCohortForTrainer(actor: Actor, cohortId: string, now = new Date()) {
  const access = await requireTrainedCohort(actor, cohortId);
  const cohort = await getDb().cohort.findUniqueOrThrow({
    where: { id: cohortId },
    include: {
      members: {
        orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
        select: { userId: true, role: true, joinedAt: true, wantsWeeklyDigest: true, user: { select: { name: true, email: true } } },
      },
    },
  });
  const toView = (m: (typeof cohort.members)[number]): CohortMemberView => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    joinedAt: m.joinedAt,
    wantsWeeklyDigest: m.wantsWeeklyDigest,
  });
  return {
    id: cohort.id,
    name: cohort.name,
    description: cohort.description,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    reminderDaysBefore: cohort.reminderDaysBefore,
    ownerId: cohort.ownerId,
    joinCode: cohort.joinCode,
    joinCodeExpiresAt: cohort.joinCodeExpiresAt,
    joinCodeState: joinCodeState(cohort, now),
    trainers: cohort.members.filter((m) => m.role === "trainer").map(toView),
    learners: cohort.members.filter((m) => m.role === "learner").map(toView),
    canManageTrainers: access.canManageTrainers,
  };
}

/** A new join code (the old one stops working at once), with an optional last day of validity. */
export async function regenerateJoinCode(actor: Actor, cohortId: string, input: { expiresOn?: string | null }) {
  await requireTrainedCohort(actor, cohortId);
  const joinCodeExpiresAt = input.expiresOn ? lastSecondOf(input.expiresOn) : null;
  return withFreshJoinCode((joinCode) =>
    getDb().cohort.update({ where: { id: cohortId }, data: { joinCode, joinCodeExpiresAt }, select: { joinCode: true, joinCodeExpiresAt: true } }),
  );
}

/** Changes only the expiry of the current code. */
export async function setJoinCodeExpiry(actor: Actor, cohortId: string, input: { expiresOn?: string | null }) {
  await requireTrainedCohort(actor, cohortId);
  await getDb().cohort.update({ where: { id: cohortId }, data: { joinCodeExpiresAt: input.expiresOn ? lastSecondOf(input.expiresOn) : null } });
}

export async function revokeJoinCode(actor: Actor, cohortId: string) {
  await requireTrainedCohort(actor, cohortId);
  await getDb().cohort.update({ where: { id: cohortId }, data: { joinCode: null, joinCodeExpiresAt: null } });
}

/** A trainer removes a learner; the owner removes a co-trainer. The owner stays. */
export async function removeMember(actor: Actor, cohortId: string, userId: string) {
  const access = await requireTrainedCohort(actor, cohortId);
  const db = getDb();
  const [membership, cohort] = await Promise.all([
    db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId, userId } } }),
    db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { ownerId: true } }),
  ]);
  if (!membership) throw new AppError("NOT_FOUND");
  if (membership.role === "trainer") {
    if (userId === cohort.ownerId) throw new AppError("CANNOT_REMOVE_OWNER");
    if (!access.canManageTrainers && userId !== actor.id) throw new AppError("FORBIDDEN");
    await db.cohortMember.delete({ where: { cohortId_userId: { cohortId, userId } } });
    return;
  }
  await removeLearnerRows(cohortId, userId);
}

/**
 * The cohorts a user owns pass on when they leave (their account is erased, or is no longer a
 * trainer's): to the co-trainer who joined first among those who can still train, or to nobody
 * (lib/cohorts/ownership.ts). Inside the caller's transaction (the erasure's, or the role change's).
 */
export async function handOverOwnedCohorts(tx: Tx, userId: string): Promise<void> {
  const owned = await tx.cohort.findMany({
    where: { ownerId: userId },
    select: { id: true, members: { where: { role: "trainer" }, select: { userId: true, joinedAt: true, user: { select: { role: true } } } } },
  });
  for (const cohort of owned) {
    const trainers = cohort.members.map((m) => ({ userId: m.userId, joinedAt: m.joinedAt, canTrain: isRole(m.user.role) && can({ id: m.userId, role: m.user.role }, "cohorts:train") }));
    await tx.cohort.update({ where: { id: cohort.id }, data: { ownerId: successorOwner(trainers, userId) } });
  }
}

/** The owner adds a co-trainer by the e-mail of an existing trainer account. */
export async function addCoTrainer(actor: Actor, cohortId: string, email: string) {
  await requireTrainedCohort(actor, cohortId, "manageTrainers");
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, name: true } });
  if (!user || user.role !== "trainer") throw new AppError("NOT_A_TRAINER_ACCOUNT", undefined, { email: "errors.NOT_A_TRAINER_ACCOUNT" });
  await db.cohortMember.upsert({
    where: { cohortId_userId: { cohortId, userId: user.id } },
    create: { cohortId, userId: user.id, role: "trainer", wantsWeeklyDigest: await currentDigestChoice(user.id) },
    update: { role: "trainer" },
  });
  return { userId: user.id, name: user.name };
}

/** A trainer's choice of the weekly digest, for every cohort they train (new ones take it over). */
export async function setWeeklyDigest(actor: Actor, wantsWeeklyDigest: boolean) {
  if (!can(actor, "cohorts:train")) throw new AppError("FORBIDDEN");
  await getDb().cohortMember.updateMany({ where: { userId: actor.id, role: "trainer" }, data: { wantsWeeklyDigest } });
}

/** Sends the join link by e-mail to each address (through the outbox). */
export async function sendInvitations(actor: Actor, cohortId: string, emails: string[], now = new Date()) {
  const cohort = await getCohortForTrainer(actor, cohortId, now); // checks that the actor trains it
  if (cohort.joinCodeState !== "usable" || !cohort.joinCode) throw new AppError("JOIN_CODE_EXPIRED");
  const content = invitationEmail({
    cohortName: cohort.name,
    trainerNames: cohort.trainers.map((t) => t.name),
    joinUrl: publicUrl(`/join/${cohort.joinCode}`),
    code: formatJoinCode(cohort.joinCode),
  });
  const db = getDb();
  await db.$transaction(async (tx) => {
    for (const to of emails) await queueEmail(tx, { ...content, to });
  });
  return { count: emails.length, day: dayOf(now) };
}

