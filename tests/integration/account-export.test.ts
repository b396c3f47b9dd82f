import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import validateStatement from "xapi-validation";
import { GET as getJsonExport } from "@/app/api/account/export/route";
import { GET as getXapiExport } from "@/app/api/account/export/xapi/route";
import { chapterSlots } from "@/lib/course-completion";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { XAPI_VERBS } from "@/lib/xapi";
import { getModule, getProgramme } from "@/server/content";
import {
  exportFilename,
  exportLearnerData,
  LEARNER_DATA_TABLES,
  TABLES_WITHOUT_LEARNER_DATA,
  type AccountExport,
} from "@/server/data/account-export";
import { exportLearnerStatements } from "@/server/data/account-export-xapi";
import { createAssignment, setExtension } from "@/server/data/assignments";
import { getLearnerDetail } from "@/server/data/cohort-dashboard";
import { createCohort, getCohortForTrainer, sendInvitations } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { issueAttestation, recordProgressReport, recordQuizAttempt } from "@/server/data/progress";
import { authenticate, createMerchant } from "@/server/data/users";
import { countQueries, enableQueryCounting, getDb } from "@/server/db";
import { Prisma } from "@/server/generated/sqlite/client";
import { createPlaybackSession } from "@/server/playback-session";
import { runReminderRound } from "@/server/reminders";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { renewCalendarFeed } from "@/server/data/calendar-feed";
import { markAttendance, registerForLiveSession, scheduleLiveSession } from "@/server/data/live-sessions";
import { requireApiPermission } from "@/server/auth";
import { createAccount } from "../support/accounts";
import { merchantInput } from "../support/factories";
import { completeModule } from "../support/learning";

// The routes' session check, replaced: next-auth's session needs a request context (the end-to-end
// authorization matrix covers the real one); the permission asked for is still checked below.
vi.mock("@/server/auth", () => ({ requireApiPermission: vi.fn() }));

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

const JOINED = new Date("2026-12-01T09:00:00Z");
const ROUND = new Date("2026-12-09T08:00:00Z");
const EXPORTED = new Date("2026-12-15T10:00:00Z");
const T0 = Date.parse("2026-11-24T10:00:00Z");
const INTRO = "transition-pourquoi-vendre-en-ligne";
const CHAPTER = "transition-numerique";
const TWIN = "marche-choisir-sa-place-de-marche";

beforeAll(() => enableQueryCounting());

/** Watches [fromS, toS] of a module in a playback session opened at T0 + sessionS. */
async function watchPart(actor: Actor, moduleId: string, fromS: number, toS: number, sessionS = 0) {
  return recordProgressReport(
    actor,
    { reportId: randomUUID(), moduleId, session: createPlaybackSession(actor.id, moduleId, T0 + sessionS * 1000), intervals: [[fromS, toS]], positionS: toS },
    new Date(T0 + (sessionS + toS + 1) * 1000),
  );
}

const wrongAnswers = (moduleId: string) => getModule(moduleId)!.quiz.map((q) => (q.answer + 1) % q.choices.length);

/**
 * A learner who has done a bit of everything, next to another learner, a trainer and an admin with
 * rows of their own in every table.
 */
async function busyPlatform() {
  const learner = await createMerchant(merchantInput({ name: "Librairie Exportée", sector: "librairie", department: "2A", sizeBand: "1-9" }));
  const other = await createMerchant(merchantInput({ name: "Zoé Autre-Apprenante", sector: "mode", department: "75", sizeBand: "0" }));
  const trainer = await createAccount("trainer", "Karim Formateur");
  const admin = await createAccount("admin", "Adèle Admin");

  const { id: cohortId } = await createCohort(trainer, { name: "Atelier export", description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(trainer, cohortId);
  await sendInvitations(trainer, cohortId, [learner.email, other.email], JOINED);
  await joinCohort(learner, joinCode!, JOINED);
  await joinCohort(other, joinCode!, JOINED);
  const intro = await createAssignment(trainer, cohortId, { itemKind: "module", itemId: INTRO, dueKind: "fixed", dueOn: "2026-12-10", dueDays: null });
  await createAssignment(trainer, cohortId, { itemKind: "chapter", itemId: CHAPTER, dueKind: "relative", dueOn: null, dueDays: 7 });
  await setExtension(trainer, cohortId, intro.id, learner.id, "2026-12-11");
  await setExtension(trainer, cohortId, intro.id, other.id, "2026-12-14");
  // Reminders, their notifications and e-mails, a trainer's digest: before anyone has done the work.
  await runReminderRound(ROUND);
  // A live session both learners register for: its reminder, then attendance.
  const live = await scheduleLiveSession(trainer, cohortId, liveSessionSchema.parse({ title: "Questions-réponses", day: "2026-12-10", time: "18:00", durationMin: 60, placeKind: "online", meetingUrl: "https://meet.jit.si/export" }), JOINED);
  await registerForLiveSession(learner, live.id, JOINED);
  await registerForLiveSession(other, live.id, JOINED);
  await runReminderRound(new Date("2026-12-10T16:30:00Z"));
  await markAttendance(trainer, cohortId, live.id, { entries: [{ userId: learner.id, attended: true }, { userId: other.id, attended: false }], replayUrl: null, notes: "" }, new Date("2026-12-10T19:00:00Z"));
  await renewCalendarFeed(learner);

  // The learner goes through the whole programme (one module per step), fails a quiz first, and
  // watches part of a neutral twin; then asks for the attestation.
  await recordQuizAttempt(learner, { moduleId: INTRO, answers: wrongAnswers(INTRO) }, new Date(T0));
  for (const chapter of getProgramme().chapters) {
    for (const [moduleId] of chapterSlots(chapter)) await completeModule(learner, moduleId!);
  }
  await watchPart(learner, TWIN, 0, 12.5);
  await watchPart(learner, TWIN, 30, 61, 100);
  await issueAttestation(learner, new Date("2026-12-12T17:00:00Z"));

  // The other learner's rows, in the same tables.
  await watchPart(other, INTRO, 0, 40);
  await recordQuizAttempt(other, { moduleId: INTRO, answers: wrongAnswers(INTRO) }, new Date(T0 + 60_000));

  // Staff reads of learner-level data, and exports: audit entries about each of them.
  await getLearnerDetail(trainer, cohortId, learner.id, new Date("2026-12-13T09:00:00Z"));
  await getLearnerDetail(trainer, cohortId, other.id, new Date("2026-12-13T09:01:00Z"));
  await exportLearnerData(other, new Date("2026-12-13T10:00:00Z"));
  await exportLearnerStatements(learner, new Date("2026-12-14T10:00:00Z"));

  // Failed sign-ins on both accounts (and from one address).
  for (const email of [learner.email, other.email]) {
    expect(await authenticate({ email, password: "pas le bon mot de passe", clientAddress: "203.0.113.7" })).toBeNull();
  }
  return { learner, other, trainer, admin, cohortId };
}

/** Direct counts of the learner's rows, table by table, as the export defines "about them". */
async function countRowsAbout(user: { id: string; email: string }) {
  const db = getDb();
  const userId = user.id;
  return {
    User: await db.user.count({ where: { id: userId } }),
    ModuleProgress: await db.moduleProgress.count({ where: { userId } }),
    ProgressReport: await db.progressReport.count({ where: { userId } }),
    QuizAttempt: await db.quizAttempt.count({ where: { userId } }),
    Attestation: await db.attestation.count({ where: { userId } }),
    CohortMember: await db.cohortMember.count({ where: { userId } }),
    Cohort: await db.cohort.count({ where: { OR: [{ members: { some: { userId } } }, { ownerId: userId }] } }),
    Assignment: await db.assignment.count({
      where: { OR: [{ cohort: { members: { some: { userId, role: "learner" } } } }, { extensions: { some: { userId } } }, { createdById: userId }] },
    }),
    AssignmentExtension: await db.assignmentExtension.count({ where: { userId } }),
    Reminder: await db.reminder.count({ where: { userId } }),
    LiveSession: await db.liveSession.count({ where: { OR: [{ registrations: { some: { userId } } }, { createdById: userId }] } }),
    LiveRegistration: await db.liveRegistration.count({ where: { userId } }),
    LiveReminder: await db.liveReminder.count({ where: { userId } }),
    Notification: await db.notification.count({ where: { userId } }),
    EmailMessage: await db.emailMessage.count({ where: { OR: [{ userId }, { toAddress: user.email }] } }),
    AuditEntry: await db.auditEntry.count({ where: { OR: [{ actorId: userId }, { targetUserId: userId }] } }),
    LoginThrottle: await db.loginThrottle.count({ where: { email: user.email } }),
  } satisfies Record<keyof typeof LEARNER_DATA_TABLES, number>;
}

/** The same, read from the export. */
function countRowsIn(data: AccountExport): Record<keyof typeof LEARNER_DATA_TABLES, number> {
  return {
    User: data.account ? 1 : 0,
    ModuleProgress: data.progress.length,
    ProgressReport: data.progressReports.length,
    QuizAttempt: data.quizAttempts.length,
    Attestation: data.attestation ? 1 : 0,
    CohortMember: data.cohorts.filter((c) => c.role !== null).length,
    Cohort: data.cohorts.length,
    Assignment: data.assignments.length,
    AssignmentExtension: data.assignments.filter((a) => a.extension).length,
    Reminder: data.reminders.length,
    LiveSession: data.liveSessions.length,
    LiveRegistration: data.liveSessions.filter((s) => s.registration).length,
    LiveReminder: data.liveReminders.length,
    Notification: data.notifications.length,
    EmailMessage: data.emails.length,
    AuditEntry: data.auditEntries.length,
    LoginThrottle: (data.signInThrottle ? 1 : 0) + data.signInThrottleByAddress.length,
  };
}

describe(`account export on ${engine}`, () => {
  it("holds every table's rows about the learner, and nothing about anyone else", async () => {
    const { learner, other, trainer, admin, cohortId } = await busyPlatform();
    const expected = await countRowsAbout(learner);
    // The scenario puts at least one row about the learner in every table the export covers.
    for (const [table, count] of Object.entries(expected)) expect(count, table).toBeGreaterThan(0);

    const data = await exportLearnerData(learner, EXPORTED);
    expect(countRowsIn(data)).toEqual(expected);

    const text = JSON.stringify(data);
    for (const someone of [other, trainer, admin]) {
      expect(text).not.toContain(someone.id);
      expect(text).not.toContain(someone.email);
    }
    expect(text).not.toContain(other.name);
    expect(text).not.toContain("203.0.113.7"); // the address-keyed throttle row is not theirs alone

    // What it says, in a few places.
    expect(data.format).toEqual({ name: "accelerateur-libre.account-export", version: 1 });
    expect(data.exportedAt).toBe(EXPORTED.toISOString());
    expect(data.account).toMatchObject({ id: learner.id, email: learner.email, name: "Librairie Exportée", role: "merchant", locale: "fr", passwordChangedAt: null });
    expect(data.account.preferences).toEqual({ prefersNeutralPath: false, wantsReminderEmails: true });
    expect(data.businessProfile).toEqual({
      sector: { id: "librairie", label: "Librairie, presse, papeterie" },
      department: { id: "2A", label: "Corse-du-Sud" },
      sizeBand: { id: "1-9", label: "1 à 9 salariés" },
    });
    const twin = data.progress.find((p) => p.moduleId === TWIN)!;
    expect(twin).toMatchObject({ watchedIntervals: [[0, 12.5], [30, 61]], watchedS: 43.5, lastPositionS: 61, completedAt: null, chapterId: "place-de-marche" });
    expect(twin.moduleTitle).toBe(getModule(TWIN)!.title.fr);
    expect(data.quizAttempts[0]).toMatchObject({ moduleId: INTRO, isPassed: false, answers: wrongAnswers(INTRO) });
    expect(data.attestation).toMatchObject({ learnerName: "Librairie Exportée", issuedAt: "2026-12-12T17:00:00.000Z" });
    expect(data.attestation!.chapters.map((c) => c.id)).toEqual(getProgramme().chapters.map((c) => c.id));
    expect(data.cohorts).toEqual([
      { id: cohortId, name: "Atelier export", role: "learner", joinedAt: JOINED.toISOString(), wantsWeeklyDigest: true, isOwner: false, trainerNames: ["Karim Formateur"] },
    ]);
    const introAssignment = data.assignments.find((a) => a.item.id === INTRO)!;
    expect(introAssignment).toMatchObject({ dueRule: { kind: "fixed", dueOn: "2026-12-10", dueDays: null }, myDueOn: "2026-12-11", extension: { dueOn: "2026-12-11" }, isCreatedByMe: false });
    expect(data.assignments.find((a) => a.item.id === CHAPTER)).toMatchObject({ dueRule: { kind: "relative", dueDays: 7 }, myDueOn: "2026-12-08", extension: null });
    expect(data.reminders.map((r) => r.kind).sort()).toEqual(["due-soon", "overdue"]);
    // The cohort invitation, the day's reminders, the live session's registration and its 1 h reminder.
    expect(data.emails.map((e) => e.toAddress)).toEqual([learner.email, learner.email, learner.email, learner.email]);
    expect(data.liveSessions).toEqual([
      expect.objectContaining({ title: "Questions-réponses", startsAt: "2026-12-10T17:00:00.000Z", isScheduledByMe: false, registration: { registeredAt: JOINED.toISOString(), attended: true } }),
    ]);
    expect(data.liveReminders).toEqual([expect.objectContaining({ kind: "1h" })]);
    expect(data.account.calendarFeedUrl).toMatch(/\/api\/calendar\/[\w-]{43}$/);
    expect(data.emails.every((e) => e.text.length > 0 && e.subject.length > 0)).toBe(true);
    expect(data.signInThrottle).toMatchObject({ failures: 1 });
    expect(data.signInThrottleByAddress).toEqual([expect.objectContaining({ failures: 1 })]);
    // Who handled their data: the trainer by name; their own earlier export as "me".
    expect(data.auditEntries.map((e) => [e.action, e.actor, e.isAboutMe])).toEqual([
      ["learner.viewed", { kind: "person", name: "Karim Formateur" }, true],
      ["account.exported", { kind: "me" }, true],
    ]);
    expect(data.auditEntries[0]!.details).toEqual({ cohortId });
  });

  it("writes an account.exported entry for each export, the user as actor and target", async () => {
    const learner = await createAccount("merchant", "Librairie");
    await exportLearnerData(learner, new Date("2026-12-15T10:00:00Z"));
    await exportLearnerStatements(learner, new Date("2026-12-15T10:01:00Z"));
    const entries = await getDb().auditEntry.findMany({ where: { action: "account.exported" }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.actorId, e.targetUserId, JSON.parse(e.details)])).toEqual([
      [learner.id, learner.id, { format: "json" }],
      [learner.id, learner.id, { format: "xapi" }],
    ]);
  });

  it("a trainer's export names the cohorts they train and the assignments they created, not their learners", async () => {
    const { trainer, learner, other, cohortId } = await busyPlatform();
    const expected = await countRowsAbout(trainer);
    const data = await exportLearnerData(trainer, EXPORTED);
    expect(countRowsIn(data)).toEqual(expected);
    expect(data.emails.map((e) => e.subject)).toHaveLength(1); // their weekly digest
    expect(data.cohorts).toEqual([expect.objectContaining({ id: cohortId, role: "trainer", isOwner: true, trainerNames: ["Karim Formateur"] })]);
    expect(data.assignments.every((a) => a.isCreatedByMe && a.myDueOn === null)).toBe(true);
    const text = JSON.stringify(data);
    for (const someone of [learner, other]) {
      expect(text).not.toContain(someone.id);
      expect(text).not.toContain(someone.email);
    }
    // Their views of learners' pages are theirs to see, without saying whose.
    expect(data.auditEntries.filter((e) => e.action === "learner.viewed").map((e) => [e.actor, e.isAboutMe])).toEqual([
      [{ kind: "me" }, false],
      [{ kind: "me" }, false],
    ]);
  });

  it("a withdrawn or absent profile is null; labels follow the account's language", async () => {
    const staff = await createAccount("admin", "Adèle");
    expect((await exportLearnerData(staff, EXPORTED)).businessProfile).toBeNull();
    const english = await createMerchant(merchantInput({ sector: "sante-beaute", sizeBand: "10-49" }));
    await getDb().user.update({ where: { id: english.id }, data: { locale: "en" } });
    const data = await exportLearnerData(english, EXPORTED);
    expect(data.businessProfile).toMatchObject({ sector: { id: "sante-beaute" }, sizeBand: { id: "10-49" } });
    expect(data.businessProfile!.sizeBand!.label).not.toBe("10 à 49 salariés");
  });

  it("takes the same number of queries for a new account as for a learner through the whole programme", async () => {
    const { learner } = await busyPlatform();
    const newcomer = await createAccount("merchant", "Nouveau");
    const busy = await countQueries(() => exportLearnerData(learner, EXPORTED));
    const quiet = await countQueries(() => exportLearnerData(newcomer, EXPORTED));
    expect(busy.result.progress.length).toBeGreaterThan(20);
    expect(quiet.count).toBeGreaterThanOrEqual(13); // the account, then one batch of twelve reads and the audit entry
    expect(busy.count).toBe(quiet.count);
    const busyXapi = await countQueries(() => exportLearnerStatements(learner, EXPORTED));
    const quietXapi = await countQueries(() => exportLearnerStatements(newcomer, EXPORTED));
    expect(busyXapi.count).toBe(quietXapi.count);
  });

  it("the xAPI record: every statement passes the xAPI validator, one per event, about the learner only", async () => {
    const { learner, other, trainer } = await busyPlatform();
    const statements = await exportLearnerStatements(learner, EXPORTED);
    const data = await exportLearnerData(learner, EXPORTED);
    const byVerb = (verb: keyof typeof XAPI_VERBS) => statements.filter((s) => s.verb.id === XAPI_VERBS[verb].id).length;
    expect(byVerb("launched")).toBe(data.progress.length);
    expect(byVerb("progressed")).toBe(data.progress.filter((p) => p.lastReportAt).length);
    expect(byVerb("completed")).toBe(data.progress.filter((p) => p.completedAt).length);
    expect(byVerb("passed") + byVerb("failed")).toBe(data.quizAttempts.length);
    expect(byVerb("failed")).toBe(1);

    for (const statement of JSON.parse(JSON.stringify(statements)) as unknown[]) {
      const warnings = validateStatement(statement);
      expect(warnings.map((w) => `${w.path.join(".")}: ${w.constructor.name}`)).toEqual([]);
    }
    expect(new Set(statements.map((s) => s.actor.account.name))).toEqual(new Set([learner.id]));
    const text = JSON.stringify(statements);
    for (const someone of [other, trainer]) expect(text).not.toContain(someone.id);
    expect(text).not.toContain(learner.email);

    // A second export (after the audit entry of the first) gives the same statements.
    expect(await exportLearnerStatements(learner, new Date(EXPORTED.getTime() + 60_000))).toEqual(statements);
  });

  it("the routes answer an attachment that is not cached, and 401 without a session", async () => {
    const learner = await createAccount("merchant", "Librairie");
    await watchPart(learner, INTRO, 0, 30);
    const context = { params: Promise.resolve({}) };
    vi.mocked(requireApiPermission).mockResolvedValue({ ...learner });
    for (const [get, kind] of [[getJsonExport, "json"], [getXapiExport, "xapi"]] as const) {
      const response = await get(new Request(`http://localhost/api/account/export${kind === "xapi" ? "/xapi" : ""}`), context);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="mes-donnees-accelerateur-libre${kind === "xapi" ? "-xapi" : ""}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
      const body = (await response.json()) as unknown;
      if (kind === "json") expect(body).toMatchObject({ account: { id: learner.id }, progress: [{ moduleId: INTRO }] });
      else expect(body).toEqual([expect.objectContaining({ verb: expect.objectContaining({ id: XAPI_VERBS.launched.id }) }), expect.objectContaining({ verb: expect.objectContaining({ id: XAPI_VERBS.progressed.id }) })]);
    }
    expect(vi.mocked(requireApiPermission).mock.calls.map(([permission]) => permission)).toEqual(["account:export", "account:export"]);

    vi.mocked(requireApiPermission).mockRejectedValue(new AppError("UNAUTHENTICATED"));
    const refused = await getJsonExport(new Request("http://localhost/api/account/export"), context);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("names the files by the day in Paris", () => {
    expect(exportFilename("json", new Date("2026-12-31T23:30:00Z"))).toBe("mes-donnees-accelerateur-libre-2027-01-01.json");
    expect(exportFilename("xapi", new Date("2026-12-01T10:00:00Z"))).toBe("mes-donnees-accelerateur-libre-xapi-2026-12-01.json");
  });
});

describe("every table is either exported or left out with a reason", () => {
  type Field = { name: string; type: string };
  /** The models of prisma/models.prisma, with their fields (the one source the engines' schemas are written from). */
  function readModels(): Map<string, Field[]> {
    const source = readFileSync(join(__dirname, "..", "..", "prisma", "models.prisma"), "utf8");
    const models = new Map<string, Field[]>();
    for (const match of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const fields = match[2]!
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("//") && !line.startsWith("@@"))
        .map((line) => line.split(/\s+/))
        .map(([name = "", type = ""]) => ({ name, type: type.replace(/[?[\]]/g, "") }));
      models.set(match[1]!, fields);
    }
    return models;
  }
  const models = readModels();
  const exported = new Set(Object.keys(LEARNER_DATA_TABLES));
  const leftOut = new Set(Object.keys(TABLES_WITHOUT_LEARNER_DATA));

  it("reads the same models as the generated client", () => {
    expect([...models.keys()].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it.each([...models.keys()])("%s is in exactly one list", (model) => {
    expect(exported.has(model) !== leftOut.has(model), `${model}: add it to LEARNER_DATA_TABLES or TABLES_WITHOUT_LEARNER_DATA in server/data/account-export.ts`).toBe(true);
  });

  it("no model that points at a person is left out", () => {
    const pointsAtAPerson = [...models].filter(
      ([name, fields]) => name === "User" || fields.some((f) => f.type === "User" || /^(userId|\w+UserId|actorId|ownerId|\w+ById)$/.test(f.name)),
    );
    expect(pointsAtAPerson.length).toBeGreaterThan(10);
    for (const [name] of pointsAtAPerson) expect(exported.has(name), name).toBe(true);
  });

  it("lists no model that does not exist", () => {
    for (const name of [...exported, ...leftOut]) expect(models.has(name), name).toBe(true);
  });
});
