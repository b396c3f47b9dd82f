import "server-only";
import { randomUUID } from "node:crypto";
import { addDays, dayOf } from "@/lib/calendar-day";
import { modulesOnPath } from "@/lib/content/path";
import type { Actor } from "@/lib/permissions";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { createPlaybackSession } from "../playback-session";
import { recordProgressReport, recordQuizAttempt } from "./progress";

/**
 * Demo data for `npm start` on an empty database (scripts/seed.mts): a living cohort for the demo
 * trainer, with the demo merchants in it, two assignments (one already overdue) and some real
 * progress, recorded through the same functions as the player's (so the counters stay true).
 * Fixed ids and join code so that the authorization matrix and the README can name them.
 */
export const DEMO_COHORT_ID = "cohorte-demo";
export const DEMO_OTHER_COHORT_ID = "cohorte-demo-sophie";
export const DEMO_JOIN_CODE = "MARCHE26";

export async function seedDemoCohorts(input: { trainer: Actor; otherTrainer: Actor; merchants: Actor[]; now?: Date }) {
  const { trainer, otherTrainer, merchants } = input;
  const now = input.now ?? new Date();
  const db = getDb();
  const programme = getProgramme();
  const today = dayOf(now);
  const joinedAt = new Date(now.getTime() - 14 * 86_400_000);
  const first = programme.chapters[0]!;
  // The second assignment: the third chapter, or on a one-chapter content (the test fixture) its last module.
  const later = programme.chapters[2]
    ? { itemKind: "chapter", itemId: programme.chapters[2].id }
    : { itemKind: "module", itemId: first.modules.at(-1)!.id };

  await db.cohort.create({
    data: {
      id: DEMO_COHORT_ID,
      name: "Atelier « Vendre en ligne » — Nantes, décembre 2026",
      description: "Six ateliers du mardi matin à la CCI, pour des commerces de centre-ville qui ouvrent leur vente en ligne.",
      startsOn: dayOf(joinedAt),
      endsOn: addDays(today, 60),
      ownerId: trainer.id,
      joinCode: DEMO_JOIN_CODE,
      members: {
        create: [
          { userId: trainer.id, role: "trainer", joinedAt },
          ...merchants.map((m) => ({ userId: m.id, role: "learner", joinedAt })),
        ],
      },
      assignments: {
        create: [
          { itemKind: "chapter", itemId: first.id, dueKind: "fixed", dueOn: addDays(today, -2), createdById: trainer.id, createdAt: joinedAt },
          { ...later, dueKind: "relative", dueDays: 30, createdById: trainer.id, createdAt: new Date(joinedAt.getTime() + 1000) },
        ],
      },
    },
  });
  await db.cohort.create({
    data: {
      id: DEMO_OTHER_COHORT_ID,
      name: "Commerçants du Vieux-Lyon",
      ownerId: otherTrainer.id,
      members: { create: [{ userId: otherTrainer.id, role: "trainer" }, ...merchants.slice(-1).map((m) => ({ userId: m.id, role: "learner" }))] },
    },
  });

  // Progress: the first merchant finished the first chapter, the second is half-way, the third
  // opened one module; the others have not started (they are the overdue ones).
  const steps = modulesOnPath(first, programme.modulesById, false).map((p) => p.module);
  const plan: [Actor | undefined, number, boolean][] = [
    [merchants[0], steps.length, true],
    [merchants[1], Math.ceil(steps.length / 2), true],
    [merchants[2], 1, false],
  ];
  for (const [merchant, count, passQuiz] of plan) {
    if (!merchant) continue;
    // One module after the other, three days ago (the watch budget is the learner's, not the page's).
    let startMs = now.getTime() - 3 * 86_400_000;
    for (const module of steps.slice(0, count)) {
      const watchS = passQuiz ? module.durationS : Math.floor(module.durationS / 3);
      const startedAt = new Date(startMs);
      startMs += module.durationS * 1000 + 60_000;
      const session = createPlaybackSession(merchant.id, module.id, startedAt.getTime());
      const at = new Date(startedAt.getTime() + module.durationS * 1000);
      await recordProgressReport(merchant, { reportId: randomUUID(), moduleId: module.id, session, intervals: [[0, watchS]], positionS: watchS }, at);
      if (passQuiz) await recordQuizAttempt(merchant, { moduleId: module.id, answers: module.quiz.map((q) => q.answer) }, at);
    }
  }
}
