/**
 * The cohort dashboard, computed from rows the data layer read in a fixed number of queries:
 * learners × assignments, a summary per assignment, sorting and filtering. Pure.
 */
import type { Day } from "../calendar-day";
import { dayOf } from "../calendar-day";
import type { Programme } from "../content/types";
import {
  itemSlots,
  learnerAssignmentState,
  moduleDurations,
  type AssignedItem,
  type AssignmentStatus,
  type DueRule,
  type ModuleFacts,
} from "./assignments";

export type DashboardAssignment = AssignedItem & DueRule & { id: string };
export type DashboardLearner = { userId: string; name: string; joinedAt: Date };
export type ProgressFact = ModuleFacts & { userId: string; moduleId: string };
export type Extension = { assignmentId: string; userId: string; dueOn: Day };

export type Cell = {
  assignmentId: string;
  percent: number;
  status: AssignmentStatus;
  dueOn: Day | null;
  isExtended: boolean;
  completedAt: Date | null;
};

/**
 * The cohort's live sessions as the dashboard counts them: how many were held (not cancelled, started
 * before now), and for each learner how many of those they attended (marked present).
 */
export type LiveAttendance = { heldCount: number; attendedByUser: ReadonlyMap<string, number> };
export const NO_LIVE_ATTENDANCE: LiveAttendance = { heldCount: 0, attendedByUser: new Map() };

/**
 * The one read of a cohort's attendance, as rows: `userId` null gives the number of sessions held,
 * a learner's id the number of those sessions they attended. Counts may come as text (PostgreSQL's
 * bigint); a learner listed twice adds up.
 */
export function liveAttendanceOf(rows: readonly { userId: string | null; count: number | string | bigint }[]): LiveAttendance {
  let heldCount = 0;
  const attendedByUser = new Map<string, number>();
  for (const row of rows) {
    const count = Number(row.count);
    if (row.userId === null) heldCount += count;
    else attendedByUser.set(row.userId, (attendedByUser.get(row.userId) ?? 0) + count);
  }
  return { heldCount, attendedByUser };
}

export type LearnerRow = {
  userId: string;
  name: string;
  joinedAt: Date;
  lastActivityAt: Date | null;
  /** Live sessions of the cohort: attended by this learner, out of those held. */
  liveSessions: { attendedCount: number; heldCount: number };
  cells: Cell[];
  overdueCount: number;
  /** Mean of the cells' percentages (0 without assignments). */
  meanPercent: number;
};

export type AssignmentSummary = {
  assignmentId: string;
  learnerCount: number;
  completedCount: number;
  overdueCount: number;
  medianPercent: number;
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function buildDashboard(input: {
  programme: Programme;
  assignments: readonly DashboardAssignment[];
  learners: readonly DashboardLearner[];
  facts: readonly ProgressFact[];
  extensions: readonly Extension[];
  lastActivity: ReadonlyMap<string, Date>;
  /** The cohort's live sessions; none when left out (a learner's detail page). */
  liveAttendance?: LiveAttendance;
  today: Day;
}): { rows: LearnerRow[]; summaries: AssignmentSummary[] } {
  const { programme, assignments, learners, today } = input;
  const durationsS = moduleDurations(programme);
  const slotsByAssignment = new Map(assignments.map((a) => [a.id, itemSlots(programme, a)]));
  const factsByUser = new Map<string, Map<string, ModuleFacts>>();
  for (const fact of input.facts) {
    let byModule = factsByUser.get(fact.userId);
    if (!byModule) factsByUser.set(fact.userId, (byModule = new Map()));
    byModule.set(fact.moduleId, fact);
  }
  // Extensions by learner, then assignment: most learners have none (no key built per cell).
  const extensionsOf = new Map<string, Map<string, Day>>();
  for (const e of input.extensions) {
    let byAssignment = extensionsOf.get(e.userId);
    if (!byAssignment) extensionsOf.set(e.userId, (byAssignment = new Map()));
    byAssignment.set(e.assignmentId, e.dueOn);
  }
  const empty = new Map<string, ModuleFacts>();
  const live = input.liveAttendance ?? NO_LIVE_ATTENDANCE;

  const rows = learners.map((learner): LearnerRow => {
    const facts = factsByUser.get(learner.userId) ?? empty;
    const joinedOn = dayOf(learner.joinedAt);
    const extensions = extensionsOf.get(learner.userId);
    const cells = assignments.map((assignment): Cell => {
      const state = learnerAssignmentState({
        slots: slotsByAssignment.get(assignment.id)!,
        durationsS,
        facts,
        rule: assignment,
        joinedOn,
        extensionOn: extensions?.get(assignment.id) ?? null,
        today,
      });
      return {
        assignmentId: assignment.id,
        percent: state.progress.percent,
        status: state.status,
        dueOn: state.dueOn,
        isExtended: state.isExtended,
        completedAt: state.progress.completedAt,
      };
    });
    return {
      userId: learner.userId,
      name: learner.name,
      joinedAt: learner.joinedAt,
      lastActivityAt: input.lastActivity.get(learner.userId) ?? null,
      liveSessions: { attendedCount: live.attendedByUser.get(learner.userId) ?? 0, heldCount: live.heldCount },
      cells,
      overdueCount: cells.filter((c) => c.status === "overdue").length,
      meanPercent: cells.length ? cells.reduce((s, c) => s + c.percent, 0) / cells.length : 0,
    };
  });

  const summaries = assignments.map((assignment, index): AssignmentSummary => {
    const cells = rows.map((r) => r.cells[index]!);
    return {
      assignmentId: assignment.id,
      learnerCount: cells.length,
      completedCount: cells.filter((c) => c.status === "completed").length,
      overdueCount: cells.filter((c) => c.status === "overdue").length,
      medianPercent: median(cells.map((c) => c.percent)),
    };
  });
  return { rows, summaries };
}

export const DASHBOARD_SORTS = ["behind", "name"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];
export const DASHBOARD_FILTERS = ["all", "overdue", "not-started", "in-progress", "completed"] as const;
export type DashboardFilter = (typeof DASHBOARD_FILTERS)[number];

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/**
 * "Furthest behind" first: most overdue items, then lowest mean progress, then longest without
 * activity (never active counts as the longest); ties by name.
 */
export function sortRows(rows: readonly LearnerRow[], sort: DashboardSort): LearnerRow[] {
  const byName = (a: LearnerRow, b: LearnerRow) => collator.compare(a.name, b.name) || a.userId.localeCompare(b.userId);
  if (sort === "name") return [...rows].sort(byName);
  return [...rows].sort(
    (a, b) =>
      b.overdueCount - a.overdueCount ||
      a.meanPercent - b.meanPercent ||
      (a.lastActivityAt?.getTime() ?? 0) - (b.lastActivityAt?.getTime() ?? 0) ||
      byName(a, b),
  );
}

/** A learner matches a status filter when any of their assignments has that status ("completed": all of them). */
export function filterRows(rows: readonly LearnerRow[], filter: DashboardFilter): LearnerRow[] {
  if (filter === "all") return [...rows];
  if (filter === "completed") return rows.filter((r) => r.cells.length > 0 && r.cells.every((c) => c.status === "completed"));
  return rows.filter((r) => r.cells.some((c) => c.status === filter));
}
