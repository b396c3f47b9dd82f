/**
 * Assignments: what a cohort's learners must do (a chapter or one module), by when, and whether
 * each learner has done it. Pure: the data layer passes rows in, the dashboard and "À faire" read
 * the answers. A vendor module and its neutral twin are one step: either completes it.
 */
import { addDays, daysBetween, type Day } from "../calendar-day";
import { chapterSlots } from "../course-completion";
import type { Programme } from "../content/types";

export const ITEM_KINDS = ["chapter", "module"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const DUE_KINDS = ["none", "fixed", "relative"] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export type DueRule = { dueKind: DueKind; dueOn: Day | null; dueDays: number | null };
export type AssignedItem = { itemKind: ItemKind; itemId: string };

/**
 * The day a learner's assignment is due: their extension when they have one, else the fixed day,
 * else N days after the day they joined; null when there is no due date.
 */
export function dueDayFor(rule: DueRule, joinedOn: Day, extensionOn: Day | null = null): Day | null {
  if (extensionOn) return extensionOn;
  if (rule.dueKind === "fixed") return rule.dueOn;
  if (rule.dueKind === "relative" && rule.dueDays !== null) return addDays(joinedOn, rule.dueDays);
  return null;
}

/** The steps an item is made of: each a list of module ids, any one of which completes the step. */
export function itemSlots(programme: Programme, item: AssignedItem): string[][] {
  if (item.itemKind === "chapter") {
    const chapter = programme.chapters.find((c) => c.id === item.itemId);
    return chapter ? chapterSlots(chapter) : [];
  }
  const module = programme.modulesById.get(item.itemId);
  if (!module) return [];
  const vendorId = module.replacesId ?? module.id;
  const twinId = module.replacesId ? module.id : module.neutralTwinId;
  return [twinId ? [vendorId, twinId] : [vendorId]];
}

/** What the dashboard needs of one learner's row in one module. */
export type ModuleFacts = { watchedS: number; completedAt: Date | null };

export type ItemProgress = {
  stepCount: number;
  completedStepCount: number;
  /**
   * 0–100. A completed step counts whole; an unfinished one by the share of it watched, capped
   * below a whole step (only the quiz and 90 % watched complete a step), so 100 means done.
   */
  percent: number;
  isDone: boolean;
  /** When the last step was completed (the item's completion), when done. */
  completedAt: Date | null;
  /** Has the learner opened any module of the item? */
  isStarted: boolean;
};

export function itemProgress(
  slots: string[][],
  durationsS: ReadonlyMap<string, number>,
  facts: ReadonlyMap<string, ModuleFacts>,
): ItemProgress {
  let completedStepCount = 0;
  let credit = 0;
  let completedAt: Date | null = null;
  let isStarted = false;
  for (const slot of slots) {
    let slotCompletedAt: Date | null = null;
    let bestShare = 0;
    for (const moduleId of slot) {
      const row = facts.get(moduleId);
      if (!row) continue;
      isStarted = true;
      if (row.completedAt && (!slotCompletedAt || row.completedAt < slotCompletedAt)) slotCompletedAt = row.completedAt;
      const durationS = durationsS.get(moduleId) ?? 0;
      if (durationS > 0) bestShare = Math.max(bestShare, Math.min(row.watchedS / durationS, 1));
    }
    if (slotCompletedAt) {
      completedStepCount++;
      credit += 1;
      if (!completedAt || slotCompletedAt > completedAt) completedAt = slotCompletedAt;
    } else {
      credit += Math.min(bestShare, 0.99);
    }
  }
  const stepCount = slots.length;
  const isDone = stepCount > 0 && completedStepCount === stepCount;
  const percent = stepCount === 0 ? 0 : isDone ? 100 : Math.min(99, Math.floor((credit / stepCount) * 100));
  return { stepCount, completedStepCount, percent, isDone, completedAt: isDone ? completedAt : null, isStarted };
}

export const ASSIGNMENT_STATUSES = ["overdue", "not-started", "in-progress", "completed"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * Done is done (even late); otherwise overdue once the due day has passed; otherwise started or not.
 */
export function assignmentStatus(progress: Pick<ItemProgress, "isDone" | "isStarted">, dueOn: Day | null, today: Day): AssignmentStatus {
  if (progress.isDone) return "completed";
  // Canonical YYYY-MM-DD days compare as text in calendar order (cheaper than parsing, per cell).
  if (dueOn && dueOn < today) return "overdue";
  return progress.isStarted ? "in-progress" : "not-started";
}

/** Days left until the due day (0 = due today, negative = overdue by that many days); null without a due day. */
export function daysLeft(dueOn: Day | null, today: Day): number | null {
  return dueOn ? daysBetween(today, dueOn) : null;
}

/** Seconds of every module, by id: what itemProgress weighs a started step with. */
export function moduleDurations(programme: Programme): Map<string, number> {
  return new Map([...programme.modulesById.values()].map((m) => [m.id, m.durationS]));
}

export type LearnerAssignmentState = { progress: ItemProgress; dueOn: Day | null; isExtended: boolean; status: AssignmentStatus };

/**
 * One learner's state in one assignment — progress, the day it is due for them, status — the one
 * computation behind the dashboard's cells, the learner's « À faire » and the reminder rounds.
 */
export function learnerAssignmentState(input: {
  slots: string[][];
  durationsS: ReadonlyMap<string, number>;
  facts: ReadonlyMap<string, ModuleFacts>;
  rule: DueRule;
  joinedOn: Day;
  extensionOn: Day | null;
  today: Day;
}): LearnerAssignmentState {
  const progress = itemProgress(input.slots, input.durationsS, input.facts);
  const dueOn = dueDayFor(input.rule, input.joinedOn, input.extensionOn);
  return { progress, dueOn, isExtended: input.extensionOn !== null, status: assignmentStatus(progress, dueOn, input.today) };
}
