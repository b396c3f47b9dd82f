import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chapterSlots } from "@/lib/course-completion";
import type { Module } from "@/lib/content/types";
import { counterId, METRIC } from "@/lib/stats/counters";
import { getModule, getProgramme } from "@/server/content";
import { changeEmail, changePassword, eraseAccount, setBusinessProfile } from "@/server/data/account";
import { recordAudit } from "@/server/data/audit";
import { getLearnerDetail } from "@/server/data/cohort-dashboard";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { findRevokedAttestation, issueAttestation, recordProgressReport, recordQuizAttempt, verifyAttestation } from "@/server/data/progress";
import { readStatTables, recountStatCounters } from "@/server/data/stat-counters";
import { authenticate, createMerchant, createUserWithRole, findSessionAccount, findSessionUser, type SessionUser } from "@/server/data/users";
import { getDb } from "@/server/db";
import { queueEmail } from "@/server/mail";
import { createPlaybackSession } from "@/server/playback-session";
import { TEST_PASSWORD, uniqueEmail } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const T0 = Date.parse("2026-11-24T09:00:00Z");
const HOUR = 3_600_000;

const signUp = (name: string, profile = { sector: "artisanat" as const, department: "44" as const, sizeBand: "0" as const }) =>
  createMerchant({ email: uniqueEmail("compte"), password: TEST_PASSWORD, name, ...profile });

/** Watches the whole module and passes its quiz: the module is complete. */
async function complete(user: SessionUser, module: Module, at: number) {
  const session = createPlaybackSession(user.id, module.id, at - module.durationS * 1000);
  await recordProgressReport(user, { reportId: randomUUID(), moduleId: module.id, session, intervals: [[0, module.durationS]], positionS: module.durationS }, new Date(at));
  await recordQuizAttempt(user, { moduleId: module.id, answers: module.quiz.map((q) => q.answer) }, new Date(at + 1000));
}

async function completeProgramme(user: SessionUser) {
  let at = T0;
  for (const slot of getProgramme().chapters.flatMap(chapterSlots)) await complete(user, getModule(slot[0]!)!, (at += HOUR));
  return at;
}

const expectCountersInStep = async (label: string) => expect(await readStatTables(), label).toEqual(await recountStatCounters());

/** Every row of every table, as text: where a person's id or e-mail could still be. */
async function everyRow(): Promise<string> {
  const db = getDb() as unknown as Record<string, { findMany: () => Promise<unknown[]> }>;
  const models = ["user", "auditEntry", "loginThrottle", "moduleProgress", "progressReport", "quizAttempt", "attestation", "moduleStat", "chapterStat", "programmeStat", "cohort", "cohortMember", "assignment", "assignmentExtension", "reminder", "notification", "emailMessage", "moduleSliceStat", "statCounter", "revokedAttestation"];
  const rows = await Promise.all(models.map(async (m) => [m, await db[m]!.findMany()] as const));
  return JSON.stringify(rows);
}

describe(`Mon compte on ${engine}`, () => {
  it("moves the statistics with the business profile, and a withdrawn profile counts as « non renseigné »", async () => {
    const learner = await signUp("Atelier du profil");
    await completeProgramme(learner);
    await setBusinessProfile(learner, { sector: "mode", department: "75", sizeBand: "1-9" });
    await expectCountersInStep("after the change");
    let tables = await readStatTables();
    expect(tables.counters.get(counterId(METRIC.learnersBySector, "mode"))).toBe(1);
    expect(tables.counters.get(counterId(METRIC.completersByRegion, "11"))).toBe(1);
    expect(tables.counters.get(counterId(METRIC.learnersBySector, "artisanat"))).toBeUndefined();

    await setBusinessProfile(learner, null);
    await expectCountersInStep("after the withdrawal");
    tables = await readStatTables();
    expect(tables.counters.get(counterId(METRIC.learnersBySector, "none"))).toBe(1);
    expect(tables.counters.get(counterId(METRIC.completersBySize, "none"))).toBe(1);
    expect(await getDb().user.findUnique({ where: { id: learner.id }, select: { sector: true, department: true, sizeBand: true } })).toEqual({ sector: null, department: null, sizeBand: null });
  });

  it("changes the e-mail and the password only with the current password", async () => {
    const learner = await signUp("Atelier des clés");
    const other = await signUp("Autre atelier");
    await expect(changeEmail(learner, { email: uniqueEmail("neuf"), currentPassword: "pas le bon" })).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
    await expect(changeEmail(learner, { email: other.email, currentPassword: TEST_PASSWORD })).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    expect(await authenticate({ email: learner.email, password: "pas le bon", clientAddress: "198.51.100.8" })).toBeNull();
    expect(await getDb().loginThrottle.count({ where: { email: learner.email } })).toBe(2); // all addresses, and this one
    const email = uniqueEmail("neuf");
    await changeEmail(learner, { email, currentPassword: TEST_PASSWORD });
    expect(await getDb().loginThrottle.count({ where: { email: learner.email } })).toBe(0); // gone with the old e-mail
    await expect(changePassword(learner, { currentPassword: "pas le bon", newPassword: "une nouvelle phrase" })).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
    await changePassword(learner, { currentPassword: TEST_PASSWORD, newPassword: "une nouvelle phrase" });
    expect(await authenticate({ email, password: "une nouvelle phrase", clientAddress: "198.51.100.7" })).toMatchObject({ id: learner.id });
    expect(await authenticate({ email, password: TEST_PASSWORD, clientAddress: "198.51.100.7" })).toBeNull();
  });

  it("a password change is dated to the instant, as the session check reads it (sessions signed in before it end)", async () => {
    const learner = await signUp("Atelier prudent");
    expect((await findSessionAccount(learner.id))?.passwordChangedAt).toBeNull();
    const before = Date.now();
    await changePassword(learner, { currentPassword: TEST_PASSWORD, newPassword: "une phrase toute neuve" });
    const changedAt = (await findSessionAccount(learner.id))!.passwordChangedAt!;
    const stored = (await getDb().user.findUniqueOrThrow({ where: { id: learner.id }, select: { passwordChangedAt: true } })).passwordChangedAt!;
    expect(changedAt.getTime()).toBe(stored.getTime());
    expect(changedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(changedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await findSessionAccount(learner.id))?.user).toEqual(await findSessionUser(learner.id));
  });

  it("erases a learner: no table keeps their id or e-mail, the counters equal a recount, the attestation is no longer valid", async () => {
    const trainer = await createUserWithRole({ email: uniqueEmail("formatrice"), password: TEST_PASSWORD, name: "Formatrice", role: "trainer" });
    const { id: cohortId } = await createCohort(trainer, { name: "Groupe du lundi", description: "", reminderDaysBefore: 3 });
    const code = (await getCohortForTrainer(trainer, cohortId)).joinCode!;
    const learner = await signUp("Atelier qui part");
    const staying = await signUp("Atelier qui reste");
    for (const person of [learner, staying]) await joinCohort(person, code, new Date(T0));
    const end = await completeProgramme(learner);
    await complete(staying, getProgramme().chapters[0]!.modules[0]!, T0 + HOUR);
    const attestation = await issueAttestation(learner, new Date(end + HOUR));
    await getLearnerDetail(trainer, cohortId, learner.id, new Date(end + 2 * HOUR)); // an audited access
    await recordAudit(getDb(), { action: "account.exported", actorId: learner.id, targetUserId: learner.id, details: { format: "json" } });
    await queueEmail(getDb(), { to: learner.email, subject: "Rappel", text: "…", html: "<p>…</p>", userId: learner.id });
    await queueEmail(getDb(), { to: learner.email, subject: "Invitation", text: "…", html: "<p>…</p>" });
    await getDb().notification.create({ data: { userId: learner.id, kind: "assigned", data: "{}" } });
    await authenticate({ email: learner.email, password: "mauvais", clientAddress: "198.51.100.9" }); // a throttle row keyed by the e-mail
    await expectCountersInStep("before");
    expect(await everyRow()).toContain(learner.id);

    await expect(eraseAccount(learner, { password: "mauvais" })).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
    expect(await getDb().user.count({ where: { id: learner.id } })).toBe(1);

    await eraseAccount(learner, { password: TEST_PASSWORD });
    const rows = await everyRow();
    expect(rows).not.toContain(learner.id);
    expect(rows).not.toContain(learner.email);
    expect(rows).toContain(staying.id);
    await expectCountersInStep("after");
    const tables = await readStatTables();
    expect(tables.programme.completedCount).toBe(0);
    expect(tables.counters.get(counterId(METRIC.cohortLearners, ""))).toBe(1);
    expect(await verifyAttestation(attestation.code)).toBeNull();
    expect(await findRevokedAttestation(attestation.code)).toEqual({ issuedAt: attestation.issuedAt });
    const entries = await getDb().auditEntry.findMany({ where: { OR: [{ targetPseudonym: { not: null } }, { actorPseudonym: { not: null } }] } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e) => e.targetUserId === null && /^Compte supprimé/.test(e.targetPseudonym ?? ""))).toBe(true);
    expect(await authenticate({ email: learner.email, password: TEST_PASSWORD, clientAddress: "198.51.100.7" })).toBeNull();
  });

  it("keeps the last admin", async () => {
    const admin = await createUserWithRole({ email: uniqueEmail("admin"), password: TEST_PASSWORD, name: "Seule admin", role: "admin" });
    await expect(eraseAccount(admin, { password: TEST_PASSWORD })).rejects.toMatchObject({ code: "LAST_ADMIN_ACCOUNT" });
    const second = await createUserWithRole({ email: uniqueEmail("admin"), password: TEST_PASSWORD, name: "Deuxième admin", role: "admin" });
    await eraseAccount(second, { password: TEST_PASSWORD });
    expect(await getDb().user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("an erasure racing heartbeats and quizzes leaves no orphan row and counters equal to a recount", async () => {
    const module = getProgramme().chapters[0]!.modules[1]!;
    for (let round = 0; round < 3; round++) {
      const learner = await signUp(`Atelier pressé ${round}`);
      await complete(learner, getProgramme().chapters[0]!.modules[0]!, T0);
      const at = T0 + HOUR;
      const session = createPlaybackSession(learner.id, module.id, at - 200_000);
      const heartbeat = (from: number) =>
        recordProgressReport(learner, { reportId: randomUUID(), moduleId: module.id, session, intervals: [[from, from + 20]], positionS: from + 20 }, new Date(at)).then(
          () => "saved",
          (error: { code?: string }) => error.code ?? "error",
        );
      const outcomes = await Promise.all([
        heartbeat(0),
        heartbeat(20),
        eraseAccount(learner, { password: TEST_PASSWORD }).then(() => "erased"),
        heartbeat(40),
        recordQuizAttempt(learner, { moduleId: module.id, answers: module.quiz.map((q) => q.answer) }, new Date(at)).then(
          () => "saved",
          (error: { code?: string }) => error.code ?? "error",
        ),
        heartbeat(60),
      ]);
      expect(outcomes[2]).toBe("erased");
      // Each write either landed before the erasure (and was erased with it) or was refused as signed out.
      expect(outcomes.filter((o, i) => i !== 2).every((o) => o === "saved" || o === "UNAUTHENTICATED")).toBe(true);
      const db = getDb();
      const orphans = await Promise.all([db.moduleProgress.count({ where: { userId: learner.id } }), db.progressReport.count({ where: { userId: learner.id } }), db.quizAttempt.count({ where: { userId: learner.id } })]);
      expect(orphans).toEqual([0, 0, 0]);
      await expectCountersInStep(`round ${round}`);
    }
  });
});
