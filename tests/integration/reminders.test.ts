import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { getModule } from "@/server/content";
import { createAssignment, setExtension } from "@/server/data/assignments";
import { addCoTrainer, createCohort, getCohortForTrainer, setWeeklyDigest } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { listNotifications } from "@/server/data/notifications";
import { listOutbox } from "@/server/data/outbox";
import { setReminderEmails } from "@/server/data/preferences";
import { getDb } from "@/server/db";
import { CLAIM_TIMEOUT_MS, queueEmail } from "@/server/mail";
import { runReminderRound } from "@/server/reminders";
import { createAccount as createUser } from "../support/accounts";
import { completeModule } from "../support/learning";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

const JOINED = new Date("2026-12-01T09:00:00Z");
/** 09:00 in Paris on that day: the injected clock of a round. */
const on = (day: string, time = "08:00:00") => new Date(`${day}T${time}Z`);
const INTRO = "transition-pourquoi-vendre-en-ligne";
const DIAG = "transition-diagnostic-numerique";
const CANAUX = "transition-choisir-ses-canaux";
const title = (id: string) => getModule(id)!.title.fr;

type Learner = Awaited<ReturnType<typeof createUser>>;

async function setup(options: { learners: string[]; cohortName?: string; reminderDaysBefore?: number }) {
  const [trainer, admin, ...learners] = await Promise.all([
    createUser("trainer", "Alice Formatrice"),
    createUser("admin"),
    ...options.learners.map((name) => createUser("merchant", name)),
  ]);
  const { id } = await createCohort(trainer!, { name: options.cohortName ?? "Groupe du mardi", description: "", reminderDaysBefore: options.reminderDaysBefore ?? 3 });
  const { joinCode } = await getCohortForTrainer(trainer!, id);
  for (const learner of learners) await joinCohort(learner!, joinCode!, JOINED);
  const assign = (itemId: string, dueOn: string) => createAssignment(trainer!, id, { itemKind: "module", itemId, dueKind: "fixed", dueOn, dueDays: null });
  return { trainer: trainer!, admin: admin!, learners: learners as Learner[], cohortId: id, joinCode: joinCode!, assign };
}

async function emailsTo(admin: Actor, address: string) {
  const { emails } = await listOutbox(admin);
  return emails.filter((e) => e.toAddress === address).reverse(); // oldest first
}

async function reminderKinds(learner: Actor) {
  return (await listNotifications(learner, { limit: 200 }))
    .filter((n) => n.kind !== "assigned")
    .reverse()
    .map((n) => `${n.kind} ${n.data.itemId as string}`);
}

describe(`reminders on ${engine}`, () => {
  it("due-soon once, overdue on the first overdue day, then weekly; kept in the outbox without SMTP", async () => {
    const { admin, learners, assign } = await setup({ learners: ["Ana", "Bob"] });
    const [ana, bob] = learners as [Learner, Learner];
    await assign(INTRO, "2026-12-10");

    const decided: Record<string, number> = {};
    for (let d = 6; d <= 19; d++) {
      const day = `2026-12-${String(d).padStart(2, "0")}`;
      if (day === "2026-12-13") await completeModule(bob, INTRO); // Bob finishes (late) on the 13th
      const round = await runReminderRound(on(day));
      expect(round.today).toBe(day);
      if (round.recorded) decided[day] = round.recorded;
      // The same day again (another tick of the scheduler): nothing new.
      expect(await runReminderRound(on(day, "16:30:00"))).toMatchObject({ recorded: 0, emails: 0, sent: 0, kept: 0 });
    }
    expect(decided).toEqual({ "2026-12-07": 2, "2026-12-11": 2, "2026-12-18": 1 });
    expect(await reminderKinds(ana)).toEqual([`due-soon ${INTRO}`, `overdue ${INTRO}`, `overdue ${INTRO}`]);
    expect(await reminderKinds(bob)).toEqual([`due-soon ${INTRO}`, `overdue ${INTRO}`]);

    const anaEmails = await emailsTo(admin, ana.email);
    expect(anaEmails.map((e) => [e.subject, e.status, e.attempts, e.sentAt])).toEqual([
      ["Rappel : 1 élément à terminer bientôt", "kept", 1, null],
      ["Rappel : 1 élément en retard dans votre formation", "kept", 1, null],
      ["Rappel : 1 élément en retard dans votre formation", "kept", 1, null],
    ]);
    expect(anaEmails[0]!.text).toContain(`À terminer pour le 10 décembre 2026 : ${title(INTRO)} (groupe Groupe du mardi)`);
    expect(anaEmails[0]!.text).toMatch(/https?:\/\/[^\s]+\/progress#a-faire/);
    expect(await emailsTo(admin, bob.email)).toHaveLength(2);
  });

  it("one e-mail a day per learner, grouping everything decided that day", async () => {
    const { admin, learners, assign } = await setup({ learners: ["Ana", "Bob"] });
    const [ana, bob] = learners as [Learner, Learner];
    await assign(INTRO, "2026-12-10");
    await assign(DIAG, "2026-12-10");
    await assign(CANAUX, "2026-12-14"); // due soon on the 11th, when the others become overdue

    expect(await runReminderRound(on("2026-12-07"))).toMatchObject({ recorded: 4, emails: 2, kept: 2 });
    expect(await runReminderRound(on("2026-12-11"))).toMatchObject({ recorded: 6, emails: 2, digests: 1, kept: 3 }); // + the trainer's digest
    for (const learner of [ana, bob]) {
      const emails = await emailsTo(admin, learner.email);
      expect(emails.map((e) => e.subject)).toEqual(["Rappel : 2 éléments à terminer bientôt", "Rappel : 2 éléments en retard dans votre formation"]);
      expect(emails[0]!.text).toContain(title(INTRO));
      expect(emails[0]!.text).toContain(title(DIAG));
      expect(emails[0]!.text).not.toContain(title(CANAUX));
      const lines = emails[1]!.text.split("\n").filter((l) => l.startsWith("- "));
      expect(lines.sort()).toEqual(
        [
          `- En retard : ${title(INTRO)} (groupe Groupe du mardi), à terminer pour le 10 décembre 2026`,
          `- En retard : ${title(DIAG)} (groupe Groupe du mardi), à terminer pour le 10 décembre 2026`,
          `- À terminer pour le 14 décembre 2026 : ${title(CANAUX)} (groupe Groupe du mardi)`,
        ].sort(),
      );
    }
  });

  it("a learner who turned reminder e-mails off gets the notifications, not the e-mails", async () => {
    const { admin, learners, assign } = await setup({ learners: ["Ana", "Bob"] });
    const [ana, bob] = learners as [Learner, Learner];
    await setReminderEmails(ana, false);
    await assign(INTRO, "2026-12-10");
    await runReminderRound(on("2026-12-07"));
    await runReminderRound(on("2026-12-11"));
    expect(await reminderKinds(ana)).toEqual([`due-soon ${INTRO}`, `overdue ${INTRO}`]);
    expect(await emailsTo(admin, ana.email)).toEqual([]);
    expect(await emailsTo(admin, bob.email)).toHaveLength(2);
    // Turned back on: what was decided while off is not e-mailed afterwards; the next reminder is.
    await setReminderEmails(ana, true);
    expect(await runReminderRound(on("2026-12-12"))).toMatchObject({ recorded: 0, emails: 0 });
    expect(await emailsTo(admin, ana.email)).toEqual([]);
    await runReminderRound(on("2026-12-18"));
    const emails = await emailsTo(admin, ana.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(1);
  });

  it("an extension to a later day brings a new due-soon reminder before the new day", async () => {
    const { trainer, admin, learners, assign, cohortId } = await setup({ learners: ["Ana"] });
    const [ana] = learners as [Learner];
    const a = await assign(INTRO, "2026-12-10");
    await runReminderRound(on("2026-12-07"));
    await setExtension(trainer, cohortId, a.id, ana.id, "2026-12-20");
    for (const day of ["2026-12-11", "2026-12-16", "2026-12-17", "2026-12-20", "2026-12-21"]) await runReminderRound(on(day));
    expect(await reminderKinds(ana)).toEqual([`due-soon ${INTRO}`, `due-soon ${INTRO}`, `overdue ${INTRO}`]);
    expect((await emailsTo(admin, ana.email)).map((e) => e.text.includes("20 décembre 2026"))).toEqual([false, true, true]);
  });

  it("trainers get a weekly digest of their overdue learners, once per ISO week, if they want it", async () => {
    const { trainer, admin, learners, assign, cohortId } = await setup({ learners: ["Ana", "Bob"], cohortName: "Groupe du soir" });
    const [ana] = learners as [Learner];
    const [co, quiet] = await Promise.all([createUser("trainer", "Chloé"), createUser("trainer", "Denis")]);
    await addCoTrainer(trainer, cohortId, co.email);
    await addCoTrainer(trainer, cohortId, quiet.email);
    await setWeeklyDigest(quiet, false);
    await assign(INTRO, "2026-12-10");
    await completeModule(ana, INTRO); // only Bob is late

    // Before anyone is overdue: no digest.
    expect(await runReminderRound(on("2026-12-09"))).toMatchObject({ digests: 0 });
    // Friday 11th: first overdue day → a digest each; Sat, Sun: nothing; Monday 14th: a new week.
    const digests: Record<string, number> = {};
    for (const day of ["2026-12-11", "2026-12-12", "2026-12-13", "2026-12-14", "2026-12-15", "2026-12-20", "2026-12-21"]) {
      digests[day] = (await runReminderRound(on(day))).digests;
    }
    expect(digests).toEqual({ "2026-12-11": 2, "2026-12-12": 0, "2026-12-13": 0, "2026-12-14": 2, "2026-12-15": 0, "2026-12-20": 0, "2026-12-21": 2 });
    const aliceDigests = await emailsTo(admin, trainer.email);
    expect(aliceDigests).toHaveLength(3);
    expect(aliceDigests[0]).toMatchObject({ subject: "Vos apprenant·e·s en retard (1)", status: "kept" });
    expect(aliceDigests[0]!.text).toContain(`Groupe du soir — Bob : ${title(INTRO)} (échéance 10 décembre 2026)`);
    expect(aliceDigests[0]!.text).not.toContain("Ana");
    expect(aliceDigests[0]!.text).toMatch(/https?:\/\/[^\s]+\/cohorts/);
    expect(await emailsTo(admin, co.email)).toHaveLength(3);
    expect(await emailsTo(admin, quiet.email)).toEqual([]);
  });

  it("a stale claim is retried; a fresh claim is left to the instance that holds it", async () => {
    const { admin } = await setup({ learners: [] });
    const now = on("2026-12-11");
    const db = getDb();
    const content = { subject: "Test", text: "Bonjour", html: "<p>Bonjour</p>" };
    const stale = (await queueEmail(db, { ...content, to: "perime@exemple.test" }))!;
    const fresh = (await queueEmail(db, { ...content, to: "recent@exemple.test" }))!;
    // Claimed by instances that crashed (or are still sending), once each.
    await db.emailMessage.update({ where: { id: stale.id }, data: { claimedAt: new Date(now.getTime() - CLAIM_TIMEOUT_MS - 1000), attempts: 1 } });
    await db.emailMessage.update({ where: { id: fresh.id }, data: { claimedAt: new Date(now.getTime() - 60_000), attempts: 1 } });

    expect(await runReminderRound(now)).toMatchObject({ kept: 1 });
    const byAddress = new Map((await listOutbox(admin)).emails.map((e) => [e.toAddress, e]));
    expect(byAddress.get("perime@exemple.test")).toMatchObject({ status: "kept", attempts: 2 });
    expect(byAddress.get("recent@exemple.test")).toMatchObject({ status: "pending", attempts: 1 });
    // Once that claim is stale too, it is picked up.
    expect(await runReminderRound(new Date(now.getTime() + CLAIM_TIMEOUT_MS))).toMatchObject({ kept: 1 });
    expect((await listOutbox(admin)).emails.find((e) => e.toAddress === "recent@exemple.test")).toMatchObject({ status: "kept", attempts: 2 });
  });

  it("concurrent rounds at the same moment record each reminder and write each e-mail exactly once", async () => {
    const { trainer, admin, learners, assign } = await setup({ learners: ["Ana", "Bob", "Cid"] });
    await assign(INTRO, "2026-12-10");
    await assign(DIAG, "2026-12-10");

    for (const day of ["2026-12-07", "2026-12-11"]) {
      const rounds = await Promise.all([1, 2, 3, 4].map(() => runReminderRound(on(day))));
      expect(rounds.reduce((s, r) => s + r.recorded, 0)).toBe(6);
      expect(rounds.reduce((s, r) => s + r.emails, 0)).toBe(3);
      expect(rounds.reduce((s, r) => s + r.kept, 0)).toBe(day === "2026-12-11" ? 4 : 3); // + the trainer's digest
      expect(rounds.reduce((s, r) => s + r.digests, 0)).toBe(day === "2026-12-11" ? 1 : 0);
    }
    for (const learner of learners) {
      expect(await reminderKinds(learner)).toHaveLength(4);
      expect((await reminderKinds(learner)).sort()).toEqual([`due-soon ${DIAG}`, `due-soon ${INTRO}`, `overdue ${DIAG}`, `overdue ${INTRO}`]);
      const emails = await emailsTo(admin, learner.email);
      expect(emails.map((e) => [e.subject, e.status, e.attempts])).toEqual([
        ["Rappel : 2 éléments à terminer bientôt", "kept", 1],
        ["Rappel : 2 éléments en retard dans votre formation", "kept", 1],
      ]);
    }
    expect((await emailsTo(admin, trainer.email)).map((e) => [e.status, e.attempts])).toEqual([["kept", 1]]);
    expect((await listOutbox(admin)).total).toBe(7);
  });
});
