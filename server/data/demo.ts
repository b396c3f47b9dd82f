import "server-only";
import { randomUUID } from "node:crypto";
import { addDays, dayOf } from "@/lib/calendar-day";
import { modulesOnPath } from "@/lib/content/path";
import { parisLocalToInstant } from "@/lib/live/paris-time";
import { endsAt } from "@/lib/live/sessions";
import type { Actor } from "@/lib/permissions";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { createPlaybackSession } from "../playback-session";
import { markAttendance, registerForLiveSession, scheduleLiveSession } from "./live-sessions";
import { recordProgressReport, recordQuizAttempt } from "./progress";

/**
 * Demo data for `npm start` on an empty database (scripts/seed.mts): a living cohort for the demo
 * trainer, with the demo merchants in it, two assignments (one already overdue), some real
 * progress, recorded through the same functions as the player's (so the counters stay true), and
 * two live sessions: one past, with its attendance marked, and one to come.
 * Fixed ids and join code so that the authorization matrix and the README can name them.
 */
export const DEMO_COHORT_ID = "cohorte-demo";
export const DEMO_OTHER_COHORT_ID = "cohorte-demo-sophie";
export const DEMO_JOIN_CODE = "MARCHE26";
export const DEMO_PAST_SESSION_ID = "session-demo-passee";

/** 18:00 in Paris on a day (never a time the clock change skips). */
function parisEvening(day: string): Date {
  const local = parisLocalToInstant(day, "18:00");
  if (!local.ok) throw new Error(`No 18:00 in Paris on ${day}`);
  return local.instant;
}

/**
 * The demo cohort's live sessions. The past one is written directly (scheduling refuses a past
 * time), as it would stand after the session: four merchants registered, then its attendance marked
 * by Karim through markAttendance, the evening it was held (three present, one absent), with a replay
 * link and notes. The next one goes through the trainers' and learners' own functions: scheduled in
 * ten days at 18:00 (Paris), in person, twelve places, two merchants registered.
 */
async function seedDemoLiveSessions(input: { trainer: Actor; merchants: Actor[]; now: Date; today: string; chapterId: string }) {
  const { trainer, merchants, now, today } = input;
  const db = getDb();
  const startsAt = parisEvening(addDays(today, -4));
  const registrants = merchants.slice(0, 4);
  await db.liveSession.create({
    data: {
      id: DEMO_PAST_SESSION_ID,
      cohortId: DEMO_COHORT_ID,
      title: "Questions-réponses : chapitre 1",
      description: "Une heure pour revenir sur le premier chapitre : apportez vos questions, même simples, et un exemple tiré de votre commerce.",
      startsAt,
      durationMin: 60,
      itemKind: "chapter",
      itemId: input.chapterId,
      placeKind: "online",
      meetingUrl: "https://meet.jit.si/accelerateur-nantes-questions-chapitre-1",
      registeredCount: registrants.length,
      createdById: trainer.id,
      createdAt: new Date(startsAt.getTime() - 7 * 86_400_000),
      registrations: { create: registrants.map((m, i) => ({ userId: m.id, createdAt: new Date(startsAt.getTime() - (5 - i) * 86_400_000) })) },
    },
  });
  const session = { startsAt, durationMin: 60 };
  await markAttendance(
    trainer,
    DEMO_COHORT_ID,
    DEMO_PAST_SESSION_ID,
    {
      entries: registrants.map((m, i) => ({ userId: m.id, attended: i < registrants.length - 1 })),
      replayUrl: "https://videos.example.org/w/questions-reponses-chapitre-1",
      notes: "Merci pour vos questions ! À retenir : partir de ce que vos client·e·s cherchent déjà en ligne, et choisir un seul canal pour commencer.",
    },
    new Date(endsAt(session).getTime() + 30 * 60_000),
  );

  const next = liveSessionSchema.parse({
    title: "Atelier : photographier ses produits",
    description: "Avec votre téléphone et la lumière du jour : cadrer, détourer, garder un même style pour toute la boutique. Venez avec deux ou trois produits.",
    day: addDays(today, 10),
    time: "18:00",
    durationMin: 90,
    placeKind: "in-person",
    address: "CCI Nantes St-Nazaire, 16 quai Ernest-Renaud, 44100 Nantes — salle 2",
    capacity: 12,
  });
  const { id } = await scheduleLiveSession(trainer, DEMO_COHORT_ID, next, now);
  for (const merchant of merchants.slice(0, 2)) await registerForLiveSession(merchant, id, now);
}

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

  await seedDemoLiveSessions({ trainer, merchants, now, today, chapterId: first.id });
}
