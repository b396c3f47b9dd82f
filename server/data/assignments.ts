import "server-only";
import { dayOf, daysBetween, type Day } from "@/lib/calendar-day";
import {
  daysLeft,
  dueDayFor,
  itemSlots,
  learnerAssignmentState,
  moduleDurations,
  type AssignmentStatus,
  type DueKind,
  type ItemKind,
} from "@/lib/cohorts/assignments";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import type { AssignmentInput } from "@/lib/schemas/cohorts";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { isUniqueViolation } from "../transactions";
import { requireTrainedCohort } from "./cohorts";

/** Assignments of a cohort: chapters or modules, with a due rule; per-learner extensions. */

export type AssignmentView = { id: string; itemKind: ItemKind; itemId: string; dueKind: DueKind; dueOn: Day | null; dueDays: number | null; createdAt: Date };

function toView(row: { id: string; itemKind: string; itemId: string; dueKind: string; dueOn: string | null; dueDays: number | null; createdAt: Date }): AssignmentView {
  return { ...row, itemKind: row.itemKind as ItemKind, dueKind: row.dueKind as DueKind };
}

function requireItem(item: { itemKind: ItemKind; itemId: string }) {
  if (itemSlots(getProgramme(), item).length === 0) throw new AppError("UNKNOWN_ITEM", undefined, { itemId: "errors.assignment.item" });
}

export type AssignmentWithExtensions = AssignmentView & { extensions: { userId: string; name: string; dueOn: Day }[] };

/** A cohort's assignments (including any whose content left the programme), each with its extensions. */
export async function listAssignments(actor: Actor, cohortId: string): Promise<AssignmentWithExtensions[]> {
  await requireTrainedCohort(actor, cohortId);
  const rows = await getDb().assignment.findMany({
    where: { cohortId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { extensions: { orderBy: { createdAt: "asc" }, select: { userId: true, dueOn: true, user: { select: { name: true } } } } },
  });
  return rows.map(({ extensions, ...row }) => ({ ...toView(row), extensions: extensions.map((e) => ({ userId: e.userId, name: e.user.name, dueOn: e.dueOn })) }));
}

/** The cohort's name and its learners' names, for the assignment forms (extensions). */
export async function listCohortLearners(actor: Actor, cohortId: string) {
  await requireTrainedCohort(actor, cohortId);
  const cohort = await getDb().cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: { id: true, name: true, members: { where: { role: "learner" }, select: { userId: true, user: { select: { name: true } } } } },
  });
  const learners = cohort.members.map((m) => ({ userId: m.userId, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return { cohort: { id: cohort.id, name: cohort.name }, learners };
}

/** Assigns a chapter or module to every learner of the cohort, and tells each of them in the app. */
export async function createAssignment(actor: Actor, cohortId: string, input: AssignmentInput): Promise<AssignmentView> {
  await requireTrainedCohort(actor, cohortId);
  requireItem(input);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.assignment.create({ data: { ...input, cohortId, createdById: actor.id } });
      const learners = await tx.cohortMember.findMany({ where: { cohortId, role: "learner" }, select: { userId: true } });
      if (learners.length) {
        await tx.notification.createMany({
          data: learners.map(({ userId }) => ({
            userId,
            kind: "assigned",
            data: JSON.stringify({ cohortId, assignmentId: row.id, itemKind: row.itemKind, itemId: row.itemId, dueKind: row.dueKind, dueOn: row.dueOn, dueDays: row.dueDays }),
          })),
        });
      }
      return toView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ALREADY_ASSIGNED");
    throw error;
  }
}

async function requireAssignment(cohortId: string, assignmentId: string) {
  const row = await getDb().assignment.findFirst({ where: { id: assignmentId, cohortId } });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function updateAssignmentDue(actor: Actor, cohortId: string, assignmentId: string, input: { dueKind: DueKind; dueOn: Day | null; dueDays: number | null }) {
  await requireTrainedCohort(actor, cohortId);
  await requireAssignment(cohortId, assignmentId);
  return toView(await getDb().assignment.update({ where: { id: assignmentId }, data: input }));
}

export async function deleteAssignment(actor: Actor, cohortId: string, assignmentId: string) {
  await requireTrainedCohort(actor, cohortId);
  await requireAssignment(cohortId, assignmentId);
  await getDb().assignment.delete({ where: { id: assignmentId } });
}

/**
 * Gives one learner a later due day. It must be later than the day their assignment is due now
 * (an extension never shortens the time given).
 */
export async function setExtension(actor: Actor, cohortId: string, assignmentId: string, userId: string, dueOn: Day) {
  await requireTrainedCohort(actor, cohortId);
  const db = getDb();
  const [assignment, membership, existing] = await Promise.all([
    requireAssignment(cohortId, assignmentId),
    db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId, userId } } }),
    db.assignmentExtension.findUnique({ where: { assignmentId_userId: { assignmentId, userId } } }),
  ]);
  if (!membership || membership.role !== "learner") throw new AppError("NOT_FOUND");
  const current = dueDayFor(toView(assignment), dayOf(membership.joinedAt), existing?.dueOn ?? null);
  if (!current) throw new AppError("NO_DUE_DATE");
  if (daysBetween(current, dueOn) <= 0) throw new AppError("EXTENSION_NOT_LATER", undefined, { dueOn: "errors.EXTENSION_NOT_LATER" });
  await db.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId, userId } },
    create: { assignmentId, userId, dueOn },
    update: { dueOn },
  });
}

export async function removeExtension(actor: Actor, cohortId: string, assignmentId: string, userId: string) {
  await requireTrainedCohort(actor, cohortId);
  await requireAssignment(cohortId, assignmentId);
  await getDb().assignmentExtension.deleteMany({ where: { assignmentId, userId } });
}

export type TodoItem = {
  assignmentId: string;
  cohortId: string;
  cohortName: string;
  itemKind: ItemKind;
  itemId: string;
  dueOn: Day | null;
  isExtended: boolean;
  status: AssignmentStatus;
  percent: number;
  daysLeft: number | null;
};

const STATUS_ORDER: Record<AssignmentStatus, number> = { overdue: 0, "in-progress": 1, "not-started": 2, completed: 3 };

/**
 * A learner's "À faire": their assignments across cohorts, overdue first, then by due day. Two
 * queries whatever the number of cohorts.
 */
export async function listTodo(actor: Actor, now = new Date()): Promise<TodoItem[]> {
  if (!can(actor, "cohorts:join")) return [];
  const db = getDb();
  const [memberships, progress] = await Promise.all([
    db.cohortMember.findMany({
      where: { userId: actor.id, role: "learner" },
      select: {
        joinedAt: true,
        cohort: {
          select: {
            id: true,
            name: true,
            assignments: { orderBy: { createdAt: "asc" }, include: { extensions: { where: { userId: actor.id } } } },
          },
        },
      },
    }),
    db.moduleProgress.findMany({ where: { userId: actor.id }, select: { moduleId: true, watchedS: true, completedAt: true } }),
  ]);
  const programme = getProgramme();
  const durationsS = moduleDurations(programme);
  const facts = new Map(progress.map((p) => [p.moduleId, p]));
  const today = dayOf(now);
  const items: TodoItem[] = [];
  for (const { joinedAt, cohort } of memberships) {
    for (const assignment of cohort.assignments) {
      const view = toView(assignment);
      const slots = itemSlots(programme, view);
      if (slots.length === 0) continue; // content removed since it was assigned
      const { progress: result, dueOn, isExtended, status } = learnerAssignmentState({
        slots,
        durationsS,
        facts,
        rule: view,
        joinedOn: dayOf(joinedAt),
        extensionOn: assignment.extensions[0]?.dueOn ?? null,
        today,
      });
      items.push({
        assignmentId: assignment.id,
        cohortId: cohort.id,
        cohortName: cohort.name,
        itemKind: view.itemKind,
        itemId: view.itemId,
        dueOn,
        isExtended,
        status,
        percent: result.percent,
        daysLeft: daysLeft(dueOn, today),
      });
    }
  }
  return items.sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.cohortName.localeCompare(b.cohortName),
  );
}
