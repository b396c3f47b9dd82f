import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { calendarFeedOf, renewCalendarFeed, revokeCalendarFeed } from "@/server/data/calendar-feed";
import {
  cancelLiveSession,
  changeLiveSession,
  getLiveSessionForTrainer,
  joinTarget,
  listLearnerLiveSessions,
  liveSessionCalendar,
  markAttendance,
  registerForLiveSession,
  scheduleLiveSession,
  unregisterFromLiveSession,
} from "@/server/data/live-sessions";
import { joinCohort, leaveCohort } from "@/server/data/memberships";
import { eraseAccount } from "@/server/data/account";
import { getDb } from "@/server/db";
import { runReminderRound } from "@/server/reminders";
import { createAccount } from "../support/accounts";
import { TEST_PASSWORD } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const JOINED = new Date("2026-12-01T09:00:00Z");
const NOW = new Date("2026-12-02T09:00:00Z");
/** 10 December 2026, 18:00 in Paris (UTC+1). */
const STARTS = new Date("2026-12-10T17:00:00Z");

const input = (overrides: Record<string, unknown> = {}) =>
  liveSessionSchema.parse({ title: "Questions-réponses : chapitre 2", description: "Apportez vos questions, même simples.", day: "2026-12-10", time: "18:00", durationMin: 60, placeKind: "online", meetingUrl: "https://meet.jit.si/atelier-nantes", ...overrides });

async function group(learners: number) {
  const trainer = await createAccount("trainer", "Karim Formateur");
  const { id: cohortId } = await createCohort(trainer, { name: "Atelier Nantes", description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(trainer, cohortId);
  const merchants = [];
  for (let i = 0; i < learners; i++) {
    // createAccount hashes the test password once for all (createMerchant would hash it 20 times).
    const m = await createAccount("merchant", `Commerce ${String(i).padStart(2, "0")}`);
    await joinCohort(m, joinCode!, JOINED);
    merchants.push(m);
  }
  return { trainer, cohortId, merchants };
}

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const zone = component.getFirstSubcomponent("vtimezone");
  if (zone) ICAL.TimezoneService.register(zone);
  return component;
}

async function emailsTo(userId: string) {
  return getDb().emailMessage.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

describe(`live sessions on ${engine}`, () => {
  it("capacity holds: 20 concurrent registrations for 10 places give exactly 10 registered", async () => {
    const { trainer, cohortId, merchants } = await group(20);
    const { id } = await scheduleLiveSession(trainer, cohortId, input({ capacity: 10 }), NOW);
    const results = await Promise.allSettled(merchants.map((m) => registerForLiveSession(m, id, NOW)));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(refused.map((e) => (e instanceof AppError ? e.code : String(e)))).toEqual(Array(10).fill("LIVE_FULL"));
    const db = getDb();
    expect(await db.liveRegistration.count({ where: { sessionId: id } })).toBe(10);
    expect((await db.liveSession.findUniqueOrThrow({ where: { id } })).registeredCount).toBe(10);
    // One invitation e-mail per registered learner, none for the others (no partial write).
    expect(await db.emailMessage.count({ where: { calendarMethod: "REQUEST" } })).toBe(10);
  });

  it("registers once, frees the place on leaving, and refuses learners of another group", async () => {
    const { trainer, cohortId, merchants } = await group(2);
    const [a, b] = merchants;
    const { id } = await scheduleLiveSession(trainer, cohortId, input({ capacity: 1 }), NOW);
    await registerForLiveSession(a!, id, NOW);
    await expect(registerForLiveSession(a!, id, NOW)).rejects.toMatchObject({ code: "ALREADY_REGISTERED" });
    await expect(registerForLiveSession(b!, id, NOW)).rejects.toMatchObject({ code: "LIVE_FULL" });
    await unregisterFromLiveSession(a!, id, NOW);
    await registerForLiveSession(b!, id, NOW);
    const outsider = await createAccount("merchant", "Hors groupe");
    await expect(registerForLiveSession(outsider, id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(registerForLiveSession(b!, id, new Date(STARTS.getTime() + 1000))).rejects.toMatchObject({ code: "LIVE_STARTED" });
    const methods = (await emailsTo(a!.id)).map((e) => e.calendarMethod);
    expect(methods).toEqual(["REQUEST", "CANCEL"]);
  });

  it("frees the places of a learner who leaves the group or erases their account; past attendance stays with the one who left", async () => {
    const { trainer, cohortId, merchants } = await group(2);
    const [leaver, eraser] = merchants;
    const past = await scheduleLiveSession(trainer, cohortId, input({ day: "2026-12-03" }), NOW);
    const next = await scheduleLiveSession(trainer, cohortId, input({ capacity: 5 }), NOW);
    for (const m of merchants) for (const s of [past, next]) await registerForLiveSession(m, s.id, NOW);
    await markAttendance(trainer, cohortId, past.id, { entries: [{ userId: leaver!.id, attended: true }], replayUrl: null, notes: "" }, new Date("2026-12-04T09:00:00Z"));
    vi.setSystemTime(new Date("2026-12-05T09:00:00Z"));
    try {
      await leaveCohort(leaver!, cohortId);
    } finally {
      vi.useRealTimers();
    }
    await eraseAccount(eraser!, { password: TEST_PASSWORD });
    const db = getDb();
    expect((await db.liveSession.findUniqueOrThrow({ where: { id: next.id } })).registeredCount).toBe(0);
    expect(await db.liveRegistration.findMany({ select: { sessionId: true, userId: true, attended: true } })).toEqual([{ sessionId: past.id, userId: leaver!.id, attended: true }]);
  });

  it("writes the invitation's calendar file (REQUEST), then the update with a higher SEQUENCE, then the cancellation", async () => {
    const { trainer, cohortId, merchants } = await group(1);
    const learner = merchants[0]!;
    const { id } = await scheduleLiveSession(trainer, cohortId, input(), NOW);
    await registerForLiveSession(learner, id, NOW);
    // Moved to Sunday 29 March 2027, after the spring clock change: 18:30 is then UTC+2.
    await changeLiveSession(trainer, cohortId, id, input({ day: "2027-03-29", time: "18:30" }), NOW);
    await cancelLiveSession(trainer, cohortId, id, NOW);
    const emails = await emailsTo(learner.id);
    expect(emails.map((e) => [e.calendarMethod, e.subject])).toEqual([
      ["REQUEST", "Inscription confirmée : Questions-réponses : chapitre 2"],
      ["REQUEST", "Session modifiée : Questions-réponses : chapitre 2"],
      ["CANCEL", "Session annulée : Questions-réponses : chapitre 2"],
    ]);
    const events = emails.map((e) => {
      const calendar = parse(e.calendar!);
      expect(calendar.getFirstPropertyValue("method")).toBe(e.calendarMethod);
      return new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    });
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(1);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-12-10T17:00:00.000Z");
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe("2027-03-29T16:30:00.000Z");
    expect(events[2]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0]!.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${learner.email.toLowerCase()}`]);
    // The join link is never in a calendar file.
    for (const e of emails) expect(e.calendar).not.toContain("meet.jit.si");
    // Learners of the group were told of each step in the app.
    expect((await getDb().notification.findMany({ where: { userId: learner.id, kind: { startsWith: "live-" } }, orderBy: { createdAt: "asc" } })).map((n) => n.kind)).toEqual(["live-scheduled", "live-changed", "live-cancelled"]);
  });

  it("refuses a change after the start, a capacity below the registrants, a past time and a time the clock change skips", async () => {
    const { trainer, cohortId, merchants } = await group(2);
    const { id } = await scheduleLiveSession(trainer, cohortId, input(), NOW);
    for (const m of merchants) await registerForLiveSession(m, id, NOW);
    await expect(changeLiveSession(trainer, cohortId, id, input({ capacity: 1 }), NOW)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { capacity: "errors.live.capacityBelowRegistered" } });
    await expect(changeLiveSession(trainer, cohortId, id, input({ title: "Trop tard" }), STARTS)).rejects.toMatchObject({ code: "LIVE_STARTED" });
    await expect(scheduleLiveSession(trainer, cohortId, input({ day: "2026-12-01" }), NOW)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { day: "errors.live.inThePast" } });
    expect(liveSessionSchema.safeParse({ ...input(), day: "2027-03-28", time: "02:30" }).error?.issues.map((i) => i.message)).toEqual(["errors.live.timeSkipped"]);
    const other = await createAccount("trainer", "Autre formatrice");
    await expect(cancelLiveSession(other, cohortId, id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reminds each registrant 24 h and 1 h before, once, even with two rounds racing; e-mails follow the preference", async () => {
    const { trainer, cohortId, merchants } = await group(2);
    const [wantsMail, noMail] = merchants;
    await getDb().user.update({ where: { id: noMail!.id }, data: { wantsReminderEmails: false } });
    const { id } = await scheduleLiveSession(trainer, cohortId, input(), NOW);
    for (const m of merchants) await registerForLiveSession(m, id, NOW);
    const before = async (ms: number) => {
      const at = new Date(STARTS.getTime() - ms);
      await Promise.all([runReminderRound(at), runReminderRound(at)]);
    };
    await before(25 * 3_600_000);
    expect(await getDb().liveReminder.count()).toBe(0);
    await before(24 * 3_600_000);
    await before(23 * 3_600_000);
    await before(3_600_000);
    await before(30 * 60_000);
    const reminders = await getDb().liveReminder.findMany({ orderBy: [{ userId: "asc" }, { kind: "asc" }], select: { userId: true, kind: true } });
    expect(reminders).toEqual(
      [wantsMail!.id, noMail!.id].sort().flatMap((userId) => [
        { userId, kind: "1h" },
        { userId, kind: "24h" },
      ]),
    );
    expect((await emailsTo(wantsMail!.id)).map((e) => e.subject)).toEqual(["Inscription confirmée : Questions-réponses : chapitre 2", "Demain : Questions-réponses : chapitre 2", "Dans une heure : Questions-réponses : chapitre 2"]);
    expect((await emailsTo(noMail!.id)).map((e) => e.subject)).toEqual(["Inscription confirmée : Questions-réponses : chapitre 2"]);
    expect(await getDb().notification.count({ where: { userId: noMail!.id, kind: "live-reminder" } })).toBe(2);
  });

  it("opens the join link 15 minutes before, to registrants and the group's trainers only", async () => {
    const { trainer, cohortId, merchants } = await group(2);
    const [registered, notRegistered] = merchants;
    const { id } = await scheduleLiveSession(trainer, cohortId, input(), NOW);
    await registerForLiveSession(registered!, id, NOW);
    const at = (minutesBefore: number) => new Date(STARTS.getTime() - minutesBefore * 60_000);
    await expect(joinTarget(registered!, id, at(16))).rejects.toMatchObject({ code: "LIVE_NOT_OPEN" });
    expect(await joinTarget(registered!, id, at(15))).toEqual({ kind: "url", url: "https://meet.jit.si/atelier-nantes" });
    await expect(joinTarget(notRegistered!, id, at(10))).rejects.toMatchObject({ code: "NOT_REGISTERED" });
    expect(await joinTarget(trainer, id, at(10))).toEqual({ kind: "url", url: "https://meet.jit.si/atelier-nantes" });
    await expect(joinTarget(registered!, id, at(-60))).rejects.toMatchObject({ code: "LIVE_NOT_OPEN" });
    const learnerView = (await listLearnerLiveSessions(registered!, at(10)))[0]!;
    expect(learnerView).toMatchObject({ id, isRegistered: true, phase: "open" });
    expect(JSON.stringify(learnerView)).not.toContain("meet.jit.si");
  });

  it("marks attendance after the start, for registrants only, all or nothing, and audits the trainer's read", async () => {
    const { trainer, cohortId, merchants } = await group(3);
    const [came, missed, outsider] = merchants;
    const { id } = await scheduleLiveSession(trainer, cohortId, input(), NOW);
    await registerForLiveSession(came!, id, NOW);
    await registerForLiveSession(missed!, id, NOW);
    const after = new Date(STARTS.getTime() + 2 * 3_600_000);
    const entries = [
      { userId: came!.id, attended: true },
      { userId: missed!.id, attended: false },
    ];
    await expect(markAttendance(trainer, cohortId, id, { entries, replayUrl: null, notes: "" }, NOW)).rejects.toMatchObject({ code: "LIVE_NOT_STARTED" });
    await expect(markAttendance(trainer, cohortId, id, { entries: [...entries, { userId: outsider!.id, attended: true }], replayUrl: null, notes: "" }, after)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await getDb().liveRegistration.count({ where: { attended: { not: null } } })).toBe(0);
    await markAttendance(trainer, cohortId, id, { entries, replayUrl: "https://peertube.example.org/w/replay", notes: "Frais de port : revoir au chapitre 6." }, after);
    const { session, registrants } = await getLiveSessionForTrainer(trainer, cohortId, id, after);
    expect(session).toMatchObject({ replayUrl: "https://peertube.example.org/w/replay", phase: "ended" });
    expect(registrants.map((r) => [r.userId, r.attended])).toEqual(expect.arrayContaining([[came!.id, true], [missed!.id, false]]));
    const audits = await getDb().auditEntry.findMany({ where: { action: "attendance.viewed" }, select: { actorId: true, targetUserId: true } });
    expect(audits.map((a) => a.targetUserId).sort()).toEqual([came!.id, missed!.id].sort());
  });

  it("gives each session's .ics and each account's private feed, parsed by a real iCalendar parser; a revoked feed is gone", async () => {
    const { trainer, cohortId, merchants } = await group(1);
    const learner = merchants[0]!;
    const first = await scheduleLiveSession(trainer, cohortId, input(), NOW);
    const second = await scheduleLiveSession(trainer, cohortId, input({ title: "Atelier en présentiel", day: "2027-10-25", time: "18:00", placeKind: "in-person", meetingUrl: "", address: "CCI Nantes, 16 quai Ernest-Renaud" }), NOW);
    await registerForLiveSession(learner, first.id, NOW);
    const ics = parse(await liveSessionCalendar(learner, second.id));
    expect(ics.getFirstPropertyValue("method")).toBe("PUBLISH");
    const event = new ICAL.Event(ics.getFirstSubcomponent("vevent")!);
    expect(event.location).toBe("CCI Nantes, 16 quai Ernest-Renaud");
    // 25 October 2027 is still summer time in Paris (the clocks change on the 31st): UTC+2.
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-10-25T16:00:00.000Z");

    const learnerFeed = (await renewCalendarFeed(learner)).split("/").pop()!;
    const trainerFeed = (await renewCalendarFeed(trainer)).split("/").pop()!;
    const titles = async (token: string) => parse(await calendarFeedOf(token, NOW)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
    expect(await titles(learnerFeed)).toEqual(["Questions-réponses : chapitre 2"]);
    expect(await titles(trainerFeed)).toEqual(["Questions-réponses : chapitre 2", "Atelier en présentiel"]);
    await revokeCalendarFeed(learner);
    await expect(calendarFeedOf(learnerFeed, NOW)).rejects.toMatchObject({ code: "CALENDAR_TOKEN_UNKNOWN" });
    await expect(calendarFeedOf("x".repeat(43), NOW)).rejects.toMatchObject({ code: "CALENDAR_TOKEN_UNKNOWN" });
  });
});
