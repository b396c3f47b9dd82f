import "server-only";
import { joinCodeState } from "@/lib/cohorts/join-code";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { METRIC } from "@/lib/stats/counters";
import { getDb } from "../db";
import { inSerializableTransaction, isUniqueViolation } from "../transactions";
import { applyDeltas } from "./stat-counters";
import { now } from "../clock";
import { releaseLiveRegistrations } from "./live-registrations";

/**
 * A learner's side of cohorts: seeing a cohort by its join code, joining, leaving, listing one's
 * cohorts. The trainers' side is server/data/cohorts.ts.
 */

/** What a visitor with a join code is shown before joining: the cohort and who trains it. */
export async function findCohortByJoinCode(code: string, now = new Date()) {
  const cohort = await getDb().cohort.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      name: true,
      description: true,
      joinCode: true,
      joinCodeExpiresAt: true,
      members: { where: { role: "trainer" }, orderBy: { joinedAt: "asc" }, select: { user: { select: { name: true } } } },
    },
  });
  if (!cohort) return null;
  return {
    id: cohort.id,
    name: cohort.name,
    description: cohort.description,
    trainerNames: cohort.members.map((m) => m.user.name),
    state: joinCodeState(cohort, now),
  };
}

/** A merchant joins with a code. Joining twice changes nothing (the first join date stays). */
export async function joinCohort(actor: Actor, code: string, now = new Date()): Promise<{ cohortId: string; isNew: boolean }> {
  if (!can(actor, "cohorts:join")) throw new AppError("JOIN_MERCHANTS_ONLY");
  const cohort = await findCohortByJoinCode(code, now);
  if (!cohort) throw new AppError("JOIN_CODE_UNKNOWN");
  if (cohort.state !== "usable") throw new AppError("JOIN_CODE_EXPIRED");
  try {
    await inSerializableTransaction(
      async (tx) => {
        await tx.cohortMember.create({ data: { cohortId: cohort.id, userId: actor.id, role: "learner", joinedAt: now } });
        const memberships = await tx.cohortMember.count({ where: { userId: actor.id, role: "learner" } });
        if (memberships === 1) await applyDeltas(tx, [{ metric: METRIC.cohortLearners, key: "", delta: 1 }]);
      },
      { retriesUniqueViolations: false },
    );
    return { cohortId: cohort.id, isNew: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { cohortId: cohort.id, isNew: false };
    throw error;
  }
}

/** A learner leaves a cohort; their extensions there go with them (their progress stays theirs). */
export async function leaveCohort(actor: Actor, cohortId: string) {
  const db = getDb();
  const membership = await db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId, userId: actor.id } } });
  if (!membership || membership.role !== "learner") throw new AppError("NOT_FOUND");
  await removeLearnerRows(cohortId, actor.id);
}

/** A learner's rows in a cohort: their membership, their extensions and reminders there, and their registrations to its sessions to come. */
export async function removeLearnerRows(cohortId: string, userId: string) {
  await inSerializableTransaction(async (tx) => {
    await tx.assignmentExtension.deleteMany({ where: { userId, assignment: { cohortId } } });
    await tx.reminder.deleteMany({ where: { userId, assignment: { cohortId } } });
    // Their places in the group's sessions still to come are freed; past attendance stays theirs.
    await releaseLiveRegistrations(tx, userId, { cohortId, after: now() });
    await tx.cohortMember.delete({ where: { cohortId_userId: { cohortId, userId } } });
    const memberships = await tx.cohortMember.count({ where: { userId, role: "learner" } });
    if (memberships === 0) await applyDeltas(tx, [{ metric: METRIC.cohortLearners, key: "", delta: -1 }]);
  });
}

/** The cohorts a learner belongs to (Mon compte: leave one). */
export async function listLearnerCohorts(actor: Actor) {
  const rows = await getDb().cohortMember.findMany({
    where: { userId: actor.id, role: "learner" },
    orderBy: { joinedAt: "asc" },
    select: {
      joinedAt: true,
      cohort: { select: { id: true, name: true, members: { where: { role: "trainer" }, select: { user: { select: { name: true } } } } } },
    },
  });
  return rows.map((r) => ({ id: r.cohort.id, name: r.cohort.name, joinedAt: r.joinedAt, trainerNames: r.cohort.members.map((m) => m.user.name) }));
}
