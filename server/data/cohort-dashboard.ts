import "server-only";
import { stringify as stringifySync } from "csv-stringify/sync";
import { dayOf } from "@/lib/calendar-day";
import { itemSlots, type DueKind, type ItemKind } from "@/lib/cohorts/assignments";
import { buildDashboard, type DashboardAssignment, type DashboardLearner } from "@/lib/cohorts/dashboard";
import { csvColumns, csvRecord } from "@/lib/cohorts/dashboard-csv";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { requireTrainedCohort } from "./cohorts";

/**
 * The cohort dashboard. Reads a fixed number of queries whatever the cohort's size: the access
 * check, the cohort with its assignments and extensions, its learners, their progress rows in the
 * assigned modules, and their last activity (one grouped query). The arithmetic is lib/cohorts/dashboard.ts.
 */

async function loadCohort(cohortId: string) {
  const cohort = await getDb().cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      reminderDaysBefore: true,
      assignments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { extensions: { select: { userId: true, dueOn: true } } } },
    },
  });
  const programme = getProgramme();
  const assignments: DashboardAssignment[] = cohort.assignments
    .map((a) => ({ id: a.id, itemKind: a.itemKind as ItemKind, itemId: a.itemId, dueKind: a.dueKind as DueKind, dueOn: a.dueOn, dueDays: a.dueDays }))
    .filter((a) => itemSlots(programme, a).length > 0);
  const extensions = cohort.assignments.flatMap((a) => a.extensions.map((e) => ({ assignmentId: a.id, userId: e.userId, dueOn: e.dueOn })));
  const moduleIds = [...new Set(assignments.flatMap((a) => itemSlots(programme, a).flat()))];
  return { cohort, assignments, extensions, moduleIds, programme };
}

/** Progress and last activity of a set of learners (by membership, so two queries for any number). */
async function loadLearnerFacts(cohortId: string, moduleIds: string[], page?: { skip: number; take: number }) {
  const db = getDb();
  const members = await db.cohortMember.findMany({
    where: { cohortId, role: "learner" },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    ...(page ?? {}),
    select: { userId: true, joinedAt: true, user: { select: { name: true, email: true } } },
  });
  const learners: (DashboardLearner & { email: string })[] = members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }));
  const userFilter = page ? { userId: { in: learners.map((l) => l.userId) } } : { user: { cohortMemberships: { some: { cohortId, role: "learner" } } } };
  const [facts, activity] = await Promise.all([
    moduleIds.length
      ? db.moduleProgress.findMany({
          where: { ...userFilter, moduleId: { in: moduleIds } },
          select: { userId: true, moduleId: true, watchedS: true, completedAt: true },
        })
      : Promise.resolve([]),
    db.moduleProgress.groupBy({ by: ["userId"], where: userFilter, _max: { updatedAt: true } }),
  ]);
  const lastActivity = new Map(activity.flatMap((a) => (a._max.updatedAt ? [[a.userId, a._max.updatedAt] as const] : [])));
  return { learners, facts, lastActivity };
}

export async function getCohortDashboard(actor: Actor, cohortId: string, now = new Date()) {
  await requireTrainedCohort(actor, cohortId);
  const { cohort, assignments, extensions, moduleIds, programme } = await loadCohort(cohortId);
  const { learners, facts, lastActivity } = await loadLearnerFacts(cohortId, moduleIds);
  const today = dayOf(now);
  const { rows, summaries } = buildDashboard({ programme, assignments, learners, facts, extensions, lastActivity, today });
  return { cohort: { id: cohort.id, name: cohort.name }, assignments, rows, summaries, today };
}

/**
 * One learner seen by a trainer of their cohort: every module they opened, time watched, quiz
 * best scores, last activity. Each opening writes an audit entry (who looked at whose data, when),
 * in the same transaction as the read.
 */
export async function getLearnerDetail(actor: Actor, cohortId: string, userId: string, now = new Date()) {
  await requireTrainedCohort(actor, cohortId);
  const db = getDb();
  const membership = await db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: { role: true, joinedAt: true, user: { select: { name: true, email: true } } },
  });
  if (!membership || membership.role !== "learner") throw new AppError("NOT_FOUND");
  const [modules] = await db.$transaction([
    db.moduleProgress.findMany({
      where: { userId },
      orderBy: [{ chapterId: "asc" }, { moduleId: "asc" }],
      select: { moduleId: true, chapterId: true, watchedS: true, quizBestScore: true, quizTotal: true, quizPassedAt: true, completedAt: true, updatedAt: true },
    }),
    db.auditEntry.create({ data: { action: "learner.viewed", actorId: actor.id, targetUserId: userId, details: JSON.stringify({ cohortId }), createdAt: now } }),
  ]);
  const { cohort, assignments, extensions, programme } = await loadCohort(cohortId);
  const learner = { userId, name: membership.user.name, joinedAt: membership.joinedAt };
  const lastActivityAt = modules.reduce<Date | null>((last, m) => (!last || m.updatedAt > last ? m.updatedAt : last), null);
  const { rows } = buildDashboard({
    programme,
    assignments,
    learners: [learner],
    facts: modules.map((m) => ({ ...m, userId })),
    extensions: extensions.filter((e) => e.userId === userId),
    lastActivity: new Map(lastActivityAt ? [[userId, lastActivityAt]] : []),
    today: dayOf(now),
  });
  return {
    cohort: { id: cohort.id, name: cohort.name },
    learner: { ...learner, email: membership.user.email },
    assignments,
    cells: rows[0]!.cells,
    lastActivityAt,
    totalWatchedS: modules.reduce((s, m) => s + m.watchedS, 0),
    modules: modules.filter((m) => programme.modulesById.has(m.moduleId)),
  };
}

const CSV_PAGE_SIZE = 500;

/**
 * The dashboard as CSV, streamed: learners are read 500 at a time, each page is turned into CSV
 * text (csv-stringify) and handed to the response when the client asks for more, so a big cohort
 * is never held in memory as one string. Long format: one line per learner and assignment, with
 * French spreadsheet conventions (BOM, ";", decimal comma: lib/cohorts/dashboard-csv.ts).
 */
export async function streamCohortCsv(actor: Actor, cohortId: string, now = new Date()): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  await requireTrainedCohort(actor, cohortId);
  const { cohort, assignments, extensions, moduleIds, programme } = await loadCohort(cohortId);
  const today = dayOf(now);
  const encoder = new TextEncoder();
  let skip = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const isFirstPage = skip === 0;
      const { learners, facts, lastActivity } = await loadLearnerFacts(cohortId, moduleIds, { skip, take: CSV_PAGE_SIZE });
      skip += learners.length;
      const { rows } = buildDashboard({ programme, assignments, learners, facts, extensions, lastActivity, today });
      const emailOf = new Map(learners.map((l) => [l.userId, l.email]));
      const watchedOf = new Map<string, Map<string, number>>();
      for (const f of facts) {
        if (!watchedOf.has(f.userId)) watchedOf.set(f.userId, new Map());
        watchedOf.get(f.userId)!.set(f.moduleId, f.watchedS);
      }
      const records = rows.flatMap((row) =>
        row.cells.map((cell, index) =>
          csvRecord({ row, email: emailOf.get(row.userId) ?? "", cell, assignment: assignments[index]!, programme, watchedByModule: watchedOf.get(row.userId) ?? new Map() }),
        ),
      );
      const text = stringifySync(records, { bom: isFirstPage, header: isFirstPage, columns: csvColumns(), delimiter: ";", record_delimiter: "\r\n" });
      if (text) controller.enqueue(encoder.encode(text));
      if (learners.length < CSV_PAGE_SIZE) controller.close();
    },
  });
  const safeName = cohort.name.normalize("NFD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "cohorte";
  return { filename: `tableau-de-bord-${safeName}-${today}.csv`, stream };
}
