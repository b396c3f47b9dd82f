import "server-only";
import { decideLiveReminder, type LiveReminderKind } from "@/lib/live/sessions";
import { formatLiveWhen } from "@/lib/live/when";
import { liveReminderEmail } from "@/lib/mail/live-templates";
import { getDb } from "../db";
import { learnerSessionPath } from "../data/live-sessions";
import { publicUrl, queueEmail } from "../mail";
import { isUniqueViolation } from "../transactions";
import { bbbAttendees } from "./rooms";

/**
 * The live sessions' part of a scheduler round (server/reminders.ts runs it before delivering the
 * outbox):
 * 1. each registrant of a session starting within 24 hours gets the reminder due (lib/live/sessions.ts
 *    decideLiveReminder): recorded under its key (session, learner, kind) with its in-app
 *    notification and, if they want reminder e-mails, its e-mail, in one transaction — an instance
 *    that loses the race on the key writes nothing, so each reminder goes once;
 * 2. for sessions running on the operator's BigBlueButton, registrants seen in the room are marked
 *    present until a trainer confirms the attendance (the pre-filled form).
 */
export async function runLiveSessionRound(now: Date): Promise<{ liveReminders: number; liveSeen: number }> {
  const db = getDb();
  const sessions = await db.liveSession.findMany({
    where: { cancelledAt: null, startsAt: { gt: now, lte: new Date(now.getTime() + 24 * 3_600_000) } },
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMin: true,
      cancelledAt: true,
      placeKind: true,
      address: true,
      cohortId: true,
      cohort: { select: { name: true } },
      registrations: { select: { createdAt: true, user: { select: { id: true, name: true, email: true, wantsReminderEmails: true } } } },
      reminders: { select: { userId: true, kind: true } },
    },
  });
  let liveReminders = 0;
  for (const session of sessions) {
    for (const { createdAt, user } of session.registrations) {
      const sent = session.reminders.filter((r) => r.userId === user.id).map((r) => r.kind);
      const kind = decideLiveReminder({ session, registeredAt: createdAt, now, sent });
      if (kind && (await recordLiveReminder(session, user, kind))) liveReminders++;
    }
  }
  return { liveReminders, liveSeen: await markSeenInRooms(now) };
}

type SessionFacts = { id: string; title: string; startsAt: Date; durationMin: number; placeKind: string; address: string | null; cohortId: string; cohort: { name: string } };

async function recordLiveReminder(session: SessionFacts, user: { id: string; name: string; email: string; wantsReminderEmails: boolean }, kind: LiveReminderKind): Promise<boolean> {
  const db = getDb();
  try {
    await db.$transaction(async (tx) => {
      await tx.liveReminder.create({ data: { sessionId: session.id, userId: user.id, kind } });
      await tx.notification.create({
        data: {
          userId: user.id,
          kind: "live-reminder",
          data: JSON.stringify({ cohortId: session.cohortId, cohortName: session.cohort.name, sessionId: session.id, title: session.title, startsAt: session.startsAt.toISOString(), reminder: kind }),
        },
      });
      if (!user.wantsReminderEmails) return;
      const content = liveReminderEmail(kind, {
        learnerName: user.name,
        title: session.title,
        cohortName: session.cohort.name,
        when: formatLiveWhen(session.startsAt, session.durationMin, "fr"),
        where: session.placeKind === "in-person" && session.address ? session.address : "En ligne : le lien s’affiche sur la page de la session, 15 minutes avant le début.",
        sessionUrl: publicUrl(learnerSessionPath(session.id)),
        settingsUrl: publicUrl("/account"),
      });
      await queueEmail(tx, { ...content, to: user.email, userId: user.id });
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // another instance recorded it first
    throw error;
  }
}

/** Registrants seen in a running BigBlueButton room are marked present, until the trainers confirm attendance. */
async function markSeenInRooms(now: Date): Promise<number> {
  const db = getDb();
  const running = await db.liveSession.findMany({
    where: { usesBbb: true, cancelledAt: null, attendanceMarkedAt: null, startsAt: { lte: now, gt: new Date(now.getTime() - 8 * 3_600_000) } },
    select: { id: true },
  });
  let seen = 0;
  for (const { id } of running) {
    let attendees;
    try {
      attendees = await bbbAttendees(id);
    } catch (error) {
      console.error("Reading a BigBlueButton room's attendees failed (retried at the next round)", error);
      continue;
    }
    const userIds = (attendees ?? []).map((a) => a.userId).filter((u): u is string => Boolean(u));
    if (userIds.length === 0) continue;
    const marked = await db.liveRegistration.updateMany({ where: { sessionId: id, userId: { in: userIds }, attended: null }, data: { attended: true } });
    seen += marked.count;
  }
  return seen;
}
