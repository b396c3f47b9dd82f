import "server-only";
import { itemSlots, type ItemKind } from "@/lib/cohorts/assignments";
import { AppError } from "@/lib/errors";
import { sessionCalendar, type CalendarEvent, type CalendarMethod } from "@/lib/live/ical";
import { parisLocalToInstant } from "@/lib/live/paris-time";
import { canMarkAttendance, endsAt, hasStarted, isAllowedMeetingUrl, liveSessionPhase, liveSessionUid, placesLeft, type LiveSessionPhase, type PlaceKind } from "@/lib/live/sessions";
import { formatLiveWhen } from "@/lib/live/when";
import { liveSessionEmail, type LiveSessionMailFacts } from "@/lib/mail/live-templates";
import { can, type Actor } from "@/lib/permissions";
import type { AttendanceInput, LiveSessionInput } from "@/lib/schemas/live-sessions";
import { getProgramme } from "../content";
import { getDb, type Tx } from "../db";
import { getEnv } from "../env";
import { publicUrl, queueEmail } from "../mail";
import { isUniqueViolation } from "../transactions";
import { recordAudit } from "./audit";
import { requireTrainedCohort } from "./cohorts";

/**
 * Live sessions (« sessions en direct ») of a cohort: the cohort's trainers schedule, change, cancel
 * them and mark attendance; its learners register and unregister. Permission rules are checked
 * here: a trainer acts on the cohorts they train (requireTrainedCohort), a learner on the cohorts
 * they learn in. Capacity holds under concurrent registrations: one conditional UPDATE of the
 * session's `registeredCount` decides each place, on both engines.
 */

const sessionSelect = {
  id: true,
  cohortId: true,
  title: true,
  description: true,
  startsAt: true,
  durationMin: true,
  itemKind: true,
  itemId: true,
  capacity: true,
  registeredCount: true,
  placeKind: true,
  /** Read to say whether there is one; never in a view (toView drops it), only the join route uses it. */
  meetingUrl: true,
  usesBbb: true,
  address: true,
  sequence: true,
  cancelledAt: true,
  replayUrl: true,
  notes: true,
  attendanceMarkedAt: true,
  createdAt: true,
  updatedAt: true,
  cohort: { select: { name: true } },
} as const;

type SessionRow = {
  id: string;
  cohortId: string;
  title: string;
  description: string;
  startsAt: Date;
  durationMin: number;
  itemKind: string | null;
  itemId: string | null;
  capacity: number | null;
  registeredCount: number;
  placeKind: string;
  meetingUrl: string | null;
  usesBbb: boolean;
  address: string | null;
  sequence: number;
  cancelledAt: Date | null;
  replayUrl: string | null;
  notes: string;
  attendanceMarkedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  cohort: { name: string };
};

export type LiveSessionView = Omit<SessionRow, "cohort" | "placeKind" | "itemKind" | "meetingUrl"> & {
  cohortName: string;
  placeKind: PlaceKind;
  itemKind: ItemKind | null;
  endsAt: Date;
  phase: LiveSessionPhase;
  placesLeft: number | null;
  /** Whether a videoconference address was given (the address itself is only for the join route). */
  hasMeetingUrl: boolean;
};

function toView(row: SessionRow, now: Date): LiveSessionView {
  const { cohort, meetingUrl, ...rest } = row;
  return {
    ...rest,
    cohortName: cohort.name,
    placeKind: row.placeKind as PlaceKind,
    itemKind: row.itemKind as ItemKind | null,
    endsAt: endsAt(row),
    phase: liveSessionPhase(row, now),
    placesLeft: placesLeft(row.capacity, row.registeredCount),
    hasMeetingUrl: meetingUrl !== null,
  };
}

/** Whether the operator configured a BigBlueButton server (BBB_URL and BBB_SECRET). */
export function isBbbConfigured(): boolean {
  const { BBB_URL, BBB_SECRET } = getEnv();
  return Boolean(BBB_URL && BBB_SECRET);
}

function checkInput(input: LiveSessionInput, now: Date): Date {
  const local = parisLocalToInstant(input.day, input.time);
  if (!local.ok) throw new AppError("VALIDATION_FAILED", undefined, { time: local.reason === "NONEXISTENT" ? "errors.live.timeSkipped" : "errors.live.time" });
  if (local.instant.getTime() <= now.getTime()) throw new AppError("VALIDATION_FAILED", undefined, { day: "errors.live.inThePast" });
  if (input.itemKind && input.itemId && itemSlots(getProgramme(), { itemKind: input.itemKind, itemId: input.itemId }).length === 0) {
    throw new AppError("UNKNOWN_ITEM", undefined, { itemId: "errors.live.item" });
  }
  if (input.meetingUrl && !isAllowedMeetingUrl(input.meetingUrl, getEnv().liveSessionHosts)) {
    throw new AppError("VALIDATION_FAILED", undefined, { meetingUrl: "errors.live.meetingHost" });
  }
  if (input.usesBbb && !isBbbConfigured()) throw new AppError("VALIDATION_FAILED", undefined, { usesBbb: "errors.live.bbbOff" });
  return local.instant;
}

function sessionData(input: LiveSessionInput, startsAt: Date) {
  return {
    title: input.title,
    description: input.description,
    startsAt,
    durationMin: input.durationMin,
    itemKind: input.itemKind,
    itemId: input.itemId,
    capacity: input.capacity,
    placeKind: input.placeKind,
    meetingUrl: input.meetingUrl,
    usesBbb: input.usesBbb,
    address: input.address,
  };
}

async function notifyLearners(tx: Tx, cohortId: string, kind: "live-scheduled" | "live-changed" | "live-cancelled", session: { id: string; title: string; startsAt: Date; cohortName: string }) {
  const learners = await tx.cohortMember.findMany({ where: { cohortId, role: "learner" }, select: { userId: true } });
  if (learners.length === 0) return;
  await tx.notification.createMany({
    data: learners.map(({ userId }) => ({
      userId,
      kind,
      data: JSON.stringify({ cohortId, cohortName: session.cohortName, sessionId: session.id, title: session.title, startsAt: session.startsAt.toISOString() }),
    })),
  });
}

/** The platform as the calendar's organizer: the sender of its e-mails. */
function organizer(): { name: string; email: string } {
  const from = getEnv().MAIL_FROM;
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || "Accélérateur libre", email: match[2]! } : { name: "Accélérateur libre", email: from.trim() };
}

export function learnerSessionPath(sessionId: string): string {
  return `/live-sessions/${encodeURIComponent(sessionId)}`;
}

function whereText(session: Pick<SessionRow, "placeKind" | "address">): string {
  return session.placeKind === "in-person" && session.address ? session.address : "En ligne : le lien s’affiche sur la page de la session, 15 minutes avant le début, pour les inscrit·e·s.";
}

/** The session as a calendar event (its .ics, the feed, the e-mails): the join link is never in it. */
export function calendarEventOf(session: Pick<SessionRow, "id" | "title" | "description" | "startsAt" | "durationMin" | "placeKind" | "address" | "sequence" | "cancelledAt" | "updatedAt"> & { cohortName: string }, attendee?: { name: string; email: string } | null): CalendarEvent {
  const url = publicUrl(learnerSessionPath(session.id));
  return {
    uid: liveSessionUid(session.id, new URL(url).host),
    sequence: session.sequence,
    stamp: session.updatedAt,
    start: session.startsAt,
    end: endsAt(session),
    summary: session.title,
    description: [session.description, `Groupe : ${session.cohortName}`, `Page de la session : ${url}`].filter(Boolean).join("\n\n"),
    location: session.placeKind === "in-person" ? session.address : url,
    url,
    status: session.cancelledAt ? "CANCELLED" : "CONFIRMED",
    organizer: organizer(),
    attendee: attendee ?? null,
  };
}

function mailFacts(session: SessionRow): LiveSessionMailFacts {
  return { title: session.title, cohortName: session.cohort.name, when: formatLiveWhen(session.startsAt, session.durationMin, "fr"), where: whereText(session), sessionUrl: publicUrl(learnerSessionPath(session.id)) };
}

/** One e-mail to one learner about a session, with its calendar file (REQUEST or CANCEL). */
async function emailLearner(tx: Tx, session: SessionRow, learner: { id: string; name: string; email: string }, kind: "registered" | "changed" | "cancelled" | "unregistered") {
  const method: CalendarMethod = kind === "cancelled" || kind === "unregistered" ? "CANCEL" : "REQUEST";
  const content = liveSessionEmail(kind, { ...mailFacts(session), learnerName: learner.name });
  const event = calendarEventOf({ ...session, cohortName: session.cohort.name }, { name: learner.name, email: learner.email });
  await queueEmail(tx, { ...content, to: learner.email, userId: learner.id, calendar: { method, text: sessionCalendar(kind === "unregistered" ? { ...event, status: "CANCELLED" } : event, method) } });
}

// ── trainers ────────────────────────────────────────────────────────────────────────────────────

/** A cohort's sessions, the next first, then the past ones from the latest. */
export async function listCohortLiveSessions(actor: Actor, cohortId: string, now: Date): Promise<LiveSessionView[]> {
  await requireTrainedCohort(actor, cohortId);
  const rows = await getDb().liveSession.findMany({ where: { cohortId }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: sessionSelect });
  const views = rows.map((r) => toView(r, now));
  const upcoming = views.filter((v) => v.phase === "upcoming" || v.phase === "open" || (v.phase === "cancelled" && !hasStarted(v, now)));
  const past = views.filter((v) => !upcoming.includes(v)).reverse();
  return [...upcoming, ...past];
}

export type Registrant = { userId: string; name: string; registeredAt: Date; attended: boolean | null };

/**
 * One session for its trainers, with its registrants. Once the session has started, its page shows
 * each registrant's attendance: the read is audited (« attendance.viewed », one entry per learner).
 */
export async function getLiveSessionForTrainer(actor: Actor, cohortId: string, sessionId: string, now: Date): Promise<{ session: LiveSessionView & { meetingUrl: string | null }; registrants: Registrant[] }> {
  await requireTrainedCohort(actor, cohortId);
  const db = getDb();
  const row = await db.liveSession.findFirst({
    where: { id: sessionId, cohortId },
    select: { ...sessionSelect, registrations: { orderBy: { createdAt: "asc" }, select: { userId: true, createdAt: true, attended: true, user: { select: { name: true } } } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const registrants = row.registrations.map((r) => ({ userId: r.userId, name: r.user.name, registeredAt: r.createdAt, attended: r.attended })).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  if (registrants.length && canMarkAttendance(row, now)) {
    await db.$transaction(registrants.map((r) => recordAudit(db, { action: "attendance.viewed", actorId: actor.id, targetUserId: r.userId, details: { cohortId, sessionId }, createdAt: now })));
  }
  const { registrations: _r, ...session } = row;
  return { session: { ...toView(session, now), meetingUrl: row.meetingUrl }, registrants };
}

/** Schedules a session for the cohort and tells each of its learners in the app. */
export async function scheduleLiveSession(actor: Actor, cohortId: string, input: LiveSessionInput, now: Date): Promise<{ id: string }> {
  await requireTrainedCohort(actor, cohortId);
  const startsAt = checkInput(input, now);
  return getDb().$transaction(async (tx) => {
    const row = await tx.liveSession.create({ data: { ...sessionData(input, startsAt), cohortId, createdById: actor.id }, select: { id: true, cohort: { select: { name: true } } } });
    await notifyLearners(tx, cohortId, "live-scheduled", { id: row.id, title: input.title, startsAt, cohortName: row.cohort.name });
    return { id: row.id };
  });
}

async function requireChangeable(tx: Tx, cohortId: string, sessionId: string, now: Date) {
  const row = await tx.liveSession.findFirst({ where: { id: sessionId, cohortId }, select: sessionSelect });
  if (!row) throw new AppError("NOT_FOUND");
  if (row.cancelledAt) throw new AppError("LIVE_CANCELLED");
  if (hasStarted(row, now)) throw new AppError("LIVE_STARTED");
  return row;
}

async function registrantsOf(tx: Tx, sessionId: string) {
  const rows = await tx.liveRegistration.findMany({ where: { sessionId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return rows.map((r) => r.user);
}

/**
 * Changes a session until it starts: SEQUENCE + 1; learners are told in the app, registrants get
 * the update by e-mail with its calendar file; a new time sends the reminders again.
 */
export async function changeLiveSession(actor: Actor, cohortId: string, sessionId: string, input: LiveSessionInput, now: Date): Promise<void> {
  await requireTrainedCohort(actor, cohortId);
  await getDb().$transaction(async (tx) => {
    const before = await requireChangeable(tx, cohortId, sessionId, now);
    const startsAt = checkInput(input, now);
    if (input.capacity !== null && input.capacity < before.registeredCount) {
      throw new AppError("VALIDATION_FAILED", undefined, { capacity: "errors.live.capacityBelowRegistered" });
    }
    const after = await tx.liveSession.update({ where: { id: sessionId }, data: { ...sessionData(input, startsAt), sequence: { increment: 1 } }, select: sessionSelect });
    if (before.startsAt.getTime() !== startsAt.getTime() || before.durationMin !== input.durationMin) await tx.liveReminder.deleteMany({ where: { sessionId } });
    await notifyLearners(tx, cohortId, "live-changed", { id: sessionId, title: after.title, startsAt, cohortName: after.cohort.name });
    for (const learner of await registrantsOf(tx, sessionId)) await emailLearner(tx, after, learner, "changed");
  });
}

/** Cancels a session until it starts: registrants get the cancellation (METHOD:CANCEL), learners a notification. */
export async function cancelLiveSession(actor: Actor, cohortId: string, sessionId: string, now: Date): Promise<void> {
  await requireTrainedCohort(actor, cohortId);
  await getDb().$transaction(async (tx) => {
    await requireChangeable(tx, cohortId, sessionId, now);
    const after = await tx.liveSession.update({ where: { id: sessionId }, data: { cancelledAt: now, sequence: { increment: 1 } }, select: sessionSelect });
    await notifyLearners(tx, cohortId, "live-cancelled", { id: sessionId, title: after.title, startsAt: after.startsAt, cohortName: after.cohort.name });
    for (const learner of await registrantsOf(tx, sessionId)) await emailLearner(tx, after, learner, "cancelled");
  });
}

/** After the start: who came (registrants only), a replay link and notes. All or nothing. */
export async function markAttendance(actor: Actor, cohortId: string, sessionId: string, input: AttendanceInput, now: Date): Promise<void> {
  await requireTrainedCohort(actor, cohortId);
  await getDb().$transaction(async (tx) => {
    const row = await tx.liveSession.findFirst({ where: { id: sessionId, cohortId }, select: { startsAt: true, durationMin: true, cancelledAt: true } });
    if (!row) throw new AppError("NOT_FOUND");
    if (!canMarkAttendance(row, now)) throw new AppError(row.cancelledAt ? "LIVE_CANCELLED" : "LIVE_NOT_STARTED");
    const registered = new Set((await tx.liveRegistration.findMany({ where: { sessionId }, select: { userId: true } })).map((r) => r.userId));
    if (input.entries.some((e) => !registered.has(e.userId))) throw new AppError("VALIDATION_FAILED", undefined, { entries: "errors.live.notRegistered" });
    for (const attended of [true, false]) {
      const userIds = input.entries.filter((e) => e.attended === attended).map((e) => e.userId);
      if (userIds.length) await tx.liveRegistration.updateMany({ where: { sessionId, userId: { in: userIds } }, data: { attended } });
    }
    await tx.liveSession.update({ where: { id: sessionId }, data: { replayUrl: input.replayUrl, notes: input.notes, attendanceMarkedAt: now } });
  });
}

// ── learners ────────────────────────────────────────────────────────────────────────────────────

export type LearnerLiveSession = LiveSessionView & { isRegistered: boolean; attended: boolean | null };

/** The sessions of the cohorts the learner is in, from those not ended yet (and cancelled ones still to come), soonest first. */
export async function listLearnerLiveSessions(actor: Actor, now: Date, options: { includePast?: boolean } = {}): Promise<LearnerLiveSession[]> {
  if (!can(actor, "cohorts:join")) return [];
  const rows = await getDb().liveSession.findMany({
    where: {
      cohort: { members: { some: { userId: actor.id, role: "learner" } } },
      ...(options.includePast ? {} : { startsAt: { gte: new Date(now.getTime() - 8 * 3_600_000) } }),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { ...sessionSelect, registrations: { where: { userId: actor.id }, select: { attended: true } } },
  });
  return rows
    .map(({ registrations, ...row }) => ({ ...toView(row, now), isRegistered: registrations.length > 0, attended: registrations[0]?.attended ?? null }))
    .filter((s) => options.includePast || s.phase !== "ended");
}

async function requireLearnerSession(actor: Actor, sessionId: string) {
  if (!can(actor, "cohorts:join")) throw new AppError("FORBIDDEN");
  const row = await getDb().liveSession.findFirst({
    where: { id: sessionId, cohort: { members: { some: { userId: actor.id, role: "learner" } } } },
    select: { ...sessionSelect, registrations: { where: { userId: actor.id }, select: { attended: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** One session as its learner sees it (a learner of the session's cohort). */
export async function getLiveSessionForLearner(actor: Actor, sessionId: string, now: Date): Promise<LearnerLiveSession> {
  const { registrations, ...row } = await requireLearnerSession(actor, sessionId);
  return { ...toView(row, now), isRegistered: registrations.length > 0, attended: registrations[0]?.attended ?? null };
}

/**
 * Registers the learner, if a place is left: the place is taken by one conditional UPDATE (count
 * below capacity), so concurrent registrations never exceed it; the invitation e-mail (METHOD:REQUEST)
 * is written in the same transaction.
 */
export async function registerForLiveSession(actor: Actor, sessionId: string, now: Date): Promise<void> {
  const row = await requireLearnerSession(actor, sessionId);
  if (row.cancelledAt) throw new AppError("LIVE_CANCELLED");
  if (hasStarted(row, now)) throw new AppError("LIVE_STARTED");
  if (row.registrations.length) throw new AppError("ALREADY_REGISTERED");
  const db = getDb();
  try {
    await db.$transaction(async (tx) => {
      const taken = await tx.liveSession.updateMany({
        where: { id: sessionId, cancelledAt: null, OR: [{ capacity: null }, { registeredCount: { lt: tx.liveSession.fields.capacity } }] },
        data: { registeredCount: { increment: 1 } },
      });
      if (taken.count !== 1) throw new AppError("LIVE_FULL");
      await tx.liveRegistration.create({ data: { sessionId, userId: actor.id, createdAt: now } });
      const learner = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true, email: true } });
      await emailLearner(tx, row, learner, "registered");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ALREADY_REGISTERED");
    throw error;
  }
}

/** Unregisters the learner until the session starts; the place is freed and their calendar told (METHOD:CANCEL). */
export async function unregisterFromLiveSession(actor: Actor, sessionId: string, now: Date): Promise<void> {
  const row = await requireLearnerSession(actor, sessionId);
  if (hasStarted(row, now)) throw new AppError("LIVE_STARTED");
  await getDb().$transaction(async (tx) => {
    const removed = await tx.liveRegistration.deleteMany({ where: { sessionId, userId: actor.id } });
    if (removed.count !== 1) throw new AppError("NOT_REGISTERED");
    await tx.liveSession.update({ where: { id: sessionId }, data: { registeredCount: { decrement: 1 } } });
    await tx.liveReminder.deleteMany({ where: { sessionId, userId: actor.id } });
    if (!row.cancelledAt) {
      const learner = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true, email: true } });
      await emailLearner(tx, row, learner, "unregistered");
    }
  });
}

/** The session's calendar file, for a learner of its cohort or one of its trainers. */
export async function liveSessionCalendar(actor: Actor, sessionId: string): Promise<string> {
  const db = getDb();
  const row = await db.liveSession.findFirst({
    where: { id: sessionId, cohort: { members: { some: { userId: actor.id, role: can(actor, "cohorts:train") ? "trainer" : "learner" } } } },
    select: sessionSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");
  return sessionCalendar(calendarEventOf({ ...row, cohortName: row.cohort.name }), "PUBLISH");
}

/**
 * Where a registrant or a trainer of the cohort goes to join, while the session is open (from 15
 * minutes before to its end): the trainer's address, or the BigBlueButton room (the caller makes the
 * room and the personal link, see server/live/rooms.ts).
 */
export async function joinTarget(actor: Actor, sessionId: string, now: Date): Promise<{ kind: "url"; url: string } | { kind: "bbb"; sessionId: string; title: string; role: "MODERATOR" | "VIEWER"; userId: string; fullName: string; durationMin: number }> {
  const db = getDb();
  const row = await db.liveSession.findFirst({
    where: { id: sessionId, cohort: { members: { some: { userId: actor.id } } } },
    select: { ...sessionSelect, cohort: { select: { name: true, members: { where: { userId: actor.id }, select: { role: true } } } }, registrations: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const isTrainer = row.cohort.members.some((m) => m.role === "trainer") && can(actor, "cohorts:train");
  if (!isTrainer && row.registrations.length === 0) throw new AppError("NOT_REGISTERED");
  const phase = liveSessionPhase(row, now);
  if (phase === "cancelled") throw new AppError("LIVE_CANCELLED");
  if (phase !== "open") throw new AppError("LIVE_NOT_OPEN");
  if (row.placeKind !== "online") throw new AppError("NOT_FOUND");
  if (row.usesBbb) {
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    return { kind: "bbb", sessionId, title: row.title, role: isTrainer ? "MODERATOR" : "VIEWER", userId: actor.id, fullName: user.name, durationMin: row.durationMin };
  }
  if (!row.meetingUrl) throw new AppError("NOT_FOUND");
  return { kind: "url", url: row.meetingUrl };
}
