import "server-only";
import { dayOf, type Day } from "@/lib/calendar-day";
import { itemSlots, learnerAssignmentState, moduleDurations, type DueKind, type ItemKind } from "@/lib/cohorts/assignments";
import { itemTitle } from "@/lib/cohorts/dashboard-csv";
import { decideReminder, digestEmailKey, reminderEmailKey, type ReminderKind, type SentReminder } from "@/lib/cohorts/reminders";
import { digestEmail, reminderEmail, type DigestLine } from "@/lib/mail/templates";
import { getProgramme } from "./content";
import { getDb } from "./db";
import { isUniqueViolation } from "./transactions";
import { runLiveSessionRound } from "./live/reminders";
import { deliverPendingEmails, publicUrl, queueEmail } from "./mail";

/**
 * One round of the reminder scheduler (server/scheduler.ts runs it every SCHEDULER_INTERVAL_S):
 * 1. decide each learner × assignment's reminder for today (lib/cohorts/reminders.ts) and record it
 *    under its unique key, with its in-app notification, in one transaction — an instance that loses
 *    the race on the key writes nothing;
 * 2. group each learner's reminders not yet e-mailed into one e-mail a day (unique key per learner
 *    and day), unless they turned reminder e-mails off;
 * 3. once a week, each trainer who wants it gets a digest of their overdue learners;
 * 3b. live sessions' reminders (24 h and 1 h before) and attendance seen on BigBlueButton (server/live/reminders.ts);
 * 4. deliver the outbox (SMTP, or kept for the admin page).
 * Safe to run on several instances at once; a crash between a step and the next is picked up by
 * the next round.
 */

/** Reminders that were recorded but that the learner chose not to receive by e-mail. */
const NOT_EMAILED = "";

type Decision = { userId: string; assignmentId: string; kind: ReminderKind; dueOn: Day; cohortId: string; cohortName: string; itemKind: ItemKind; itemId: string };

async function loadSituation(today: Day) {
  const db = getDb();
  const programme = getProgramme();
  const assignments = await db.assignment.findMany({
    where: { dueKind: { not: "none" } },
    select: {
      id: true,
      itemKind: true,
      itemId: true,
      dueKind: true,
      dueOn: true,
      dueDays: true,
      cohort: { select: { id: true, name: true, reminderDaysBefore: true } },
      extensions: { select: { userId: true, dueOn: true } },
    },
  });
  const cohortIds = [...new Set(assignments.map((a) => a.cohort.id))];
  const members = cohortIds.length
    ? await db.cohortMember.findMany({ where: { cohortId: { in: cohortIds } }, select: { cohortId: true, userId: true, role: true, joinedAt: true, wantsWeeklyDigest: true, user: { select: { name: true } } } })
    : [];
  const learnerIds = [...new Set(members.filter((m) => m.role === "learner").map((m) => m.userId))];
  const moduleIds = [...new Set(assignments.flatMap((a) => itemSlots(programme, { itemKind: a.itemKind as ItemKind, itemId: a.itemId }).flat()))];
  const [facts, sent] = await Promise.all([
    learnerIds.length && moduleIds.length
      ? db.moduleProgress.findMany({ where: { userId: { in: learnerIds }, moduleId: { in: moduleIds } }, select: { userId: true, moduleId: true, watchedS: true, completedAt: true } })
      : Promise.resolve([]),
    assignments.length ? db.reminder.findMany({ where: { assignmentId: { in: assignments.map((a) => a.id) } }, select: { userId: true, assignmentId: true, kind: true, day: true } }) : Promise.resolve([]),
  ]);
  const durationsS = moduleDurations(programme);
  const factsByUser = new Map<string, Map<string, { watchedS: number; completedAt: Date | null }>>();
  for (const f of facts) {
    if (!factsByUser.has(f.userId)) factsByUser.set(f.userId, new Map());
    factsByUser.get(f.userId)!.set(f.moduleId, f);
  }
  const sentByKey = new Map<string, SentReminder[]>();
  for (const r of sent) {
    const key = `${r.userId}:${r.assignmentId}`;
    if (!sentByKey.has(key)) sentByKey.set(key, []);
    sentByKey.get(key)!.push({ kind: r.kind as ReminderKind, day: r.day });
  }

  const decisions: Decision[] = [];
  const overdue: (DigestLine & { cohortId: string })[] = [];
  for (const a of assignments) {
    const item = { itemKind: a.itemKind as ItemKind, itemId: a.itemId };
    const slots = itemSlots(programme, item);
    if (slots.length === 0) continue;
    const extensionOf = new Map(a.extensions.map((e) => [e.userId, e.dueOn]));
    for (const m of members) {
      if (m.cohortId !== a.cohort.id || m.role !== "learner") continue;
      const { progress, dueOn, status } = learnerAssignmentState({
        slots,
        durationsS,
        facts: factsByUser.get(m.userId) ?? new Map(),
        rule: { dueKind: a.dueKind as DueKind, dueOn: a.dueOn, dueDays: a.dueDays },
        joinedOn: dayOf(m.joinedAt),
        extensionOn: extensionOf.get(m.userId) ?? null,
        today,
      });
      if (!dueOn) continue;
      if (status === "overdue") {
        overdue.push({ cohortId: a.cohort.id, cohortName: a.cohort.name, learnerName: m.user.name, title: itemTitle(programme, item), dueOn });
      }
      const kind = decideReminder({ today, dueOn, isDone: progress.isDone, daysBefore: a.cohort.reminderDaysBefore, sent: sentByKey.get(`${m.userId}:${a.id}`) ?? [] });
      if (kind) decisions.push({ userId: m.userId, assignmentId: a.id, kind, dueOn, cohortId: a.cohort.id, cohortName: a.cohort.name, ...item });
    }
  }
  const digestTrainers = members.filter((m) => m.role === "trainer" && m.wantsWeeklyDigest);
  return { decisions, overdue, digestTrainers };
}

async function recordReminder(decision: Decision, today: Day): Promise<boolean> {
  const db = getDb();
  try {
    await db.$transaction([
      db.reminder.create({ data: { userId: decision.userId, assignmentId: decision.assignmentId, kind: decision.kind, day: today, dueOn: decision.dueOn } }),
      db.notification.create({
        data: {
          userId: decision.userId,
          kind: decision.kind,
          data: JSON.stringify({ cohortId: decision.cohortId, cohortName: decision.cohortName, assignmentId: decision.assignmentId, itemKind: decision.itemKind, itemId: decision.itemId, dueOn: decision.dueOn }),
        },
      }),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // another instance recorded it first
    throw error;
  }
}

/** Groups a learner's reminders not yet e-mailed into today's e-mail (at most one a day). */
async function emailReminders(userId: string, today: Day): Promise<boolean> {
  const db = getDb();
  const key = reminderEmailKey(userId, today);
  const programme = getProgramme();
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.emailMessage.findUnique({ where: { key }, select: { id: true } })) return false;
      const [user, reminders] = await Promise.all([
        tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, wantsReminderEmails: true } }),
        tx.reminder.findMany({
          where: { userId, emailId: null },
          orderBy: { createdAt: "asc" },
          select: { id: true, kind: true, dueOn: true, assignment: { select: { itemKind: true, itemId: true, cohort: { select: { name: true } } } } },
        }),
      ]);
      if (reminders.length === 0) return false;
      const ids = reminders.map((r) => r.id);
      if (!user.wantsReminderEmails) {
        await tx.reminder.updateMany({ where: { id: { in: ids } }, data: { emailId: NOT_EMAILED } });
        return false;
      }
      const content = reminderEmail({
        learnerName: user.name,
        lines: reminders.map((r) => ({
          kind: r.kind as ReminderKind,
          dueOn: r.dueOn,
          cohortName: r.assignment.cohort.name,
          title: itemTitle(programme, { itemKind: r.assignment.itemKind as ItemKind, itemId: r.assignment.itemId }),
        })),
        todoUrl: publicUrl("/progress#a-faire"),
        settingsUrl: publicUrl("/account"),
      });
      const email = await tx.emailMessage.create({ data: { key, userId, toAddress: user.email, subject: content.subject, text: content.text, html: content.html }, select: { id: true } });
      await tx.reminder.updateMany({ where: { id: { in: ids } }, data: { emailId: email.id } });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false; // another instance wrote today's e-mail first
    throw error;
  }
}

async function sendDigests(today: Day, overdue: (DigestLine & { cohortId: string })[], trainers: { cohortId: string; userId: string }[]) {
  const db = getDb();
  const cohortsOf = new Map<string, Set<string>>();
  for (const t of trainers) {
    if (!cohortsOf.has(t.userId)) cohortsOf.set(t.userId, new Set());
    cohortsOf.get(t.userId)!.add(t.cohortId);
  }
  let count = 0;
  for (const [trainerId, cohortIds] of cohortsOf) {
    const lines = overdue.filter((l) => cohortIds.has(l.cohortId));
    if (lines.length === 0) continue;
    const key = digestEmailKey(trainerId, today);
    if (await db.emailMessage.findUnique({ where: { key }, select: { id: true } })) continue;
    const trainer = await db.user.findUnique({ where: { id: trainerId }, select: { email: true, name: true } });
    if (!trainer) continue;
    const content = digestEmail({ trainerName: trainer.name, lines: lines.map(({ cohortId: _c, ...line }) => line), cohortsUrl: publicUrl("/cohorts") });
    if (await queueEmail(db, { ...content, key, userId: trainerId, to: trainer.email })) count++;
  }
  return count;
}

export async function runReminderRound(now = new Date()) {
  const today = dayOf(now);
  const { decisions, overdue, digestTrainers } = await loadSituation(today);
  let recorded = 0;
  for (const decision of decisions) if (await recordReminder(decision, today)) recorded++;
  const waiting = await getDb().reminder.findMany({ where: { emailId: null }, distinct: ["userId"], select: { userId: true } });
  let emails = 0;
  for (const { userId } of waiting) if (await emailReminders(userId, today)) emails++;
  const digests = await sendDigests(today, overdue, digestTrainers);
  const live = await runLiveSessionRound(now);
  const delivery = await deliverPendingEmails(now);
  return { today, recorded, emails, digests, ...live, ...delivery };
}
