import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { dayOf } from "@/lib/calendar-day";
import { CSV_STATUS_LABELS, decimalComma } from "@/lib/cohorts/dashboard-csv";
import { formatJoinCode } from "@/lib/cohorts/join-code";
import type { Actor } from "@/lib/permissions";
import { getChapter, getModule } from "@/server/content";
import {
  createAssignment,
  deleteAssignment,
  listAssignments,
  listTodo,
  removeExtension,
  setExtension,
  updateAssignmentDue,
} from "@/server/data/assignments";
import { listAuditEntries } from "@/server/data/audit";
import { getCohortDashboard, getLearnerDetail, streamCohortCsv } from "@/server/data/cohort-dashboard";
import { addCoTrainer, createCohort, getCohortForTrainer, listTrainedCohorts, regenerateJoinCode, removeMember, revokeJoinCode, sendInvitations, setJoinCodeExpiry, updateCohort } from "@/server/data/cohorts";
import { findCohortByJoinCode, joinCohort, leaveCohort, listLearnerCohorts } from "@/server/data/memberships";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@/server/data/notifications";
import { listOutbox } from "@/server/data/outbox";
import { eraseAccount } from "@/server/data/account";
import { changeUserRole } from "@/server/data/users";
import { getDb } from "@/server/db";
import { readMigrations } from "../../scripts/lib/migrate.mjs";
import { createAccount as createUser } from "../support/accounts";
import { TEST_PASSWORD } from "../support/factories";
import { completeModule, watch } from "../support/learning";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

const JOINED = new Date("2026-12-01T09:00:00Z");
const VENDOR = "marche-vendre-sur-amazon";
const TWIN = "marche-choisir-sa-place-de-marche";
const INTRO = "transition-pourquoi-vendre-en-ligne";
const CHAPTER = "place-de-marche";

async function cohortOf(owner: Actor, name = "Groupe du mardi") {
  const { id } = await createCohort(owner, { name, description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(owner, id);
  return { id, code: joinCode! };
}

describe(`cohorts on ${engine}`, () => {
  it("a trainer only sees and touches the cohorts they train: another trainer gets NOT_FOUND for every operation", async () => {
    const alice = await createUser("trainer", "Alice");
    const bruno = await createUser("trainer", "Bruno");
    const learner = await createUser("merchant", "Librairie");
    const cohort = await cohortOf(alice, "Groupe d'Alice");
    await joinCohort(learner, cohort.code, JOINED);
    const assignment = await createAssignment(alice, cohort.id, { itemKind: "module", itemId: INTRO, dueKind: "fixed", dueOn: "2026-12-10", dueDays: null });
    await cohortOf(bruno, "Groupe de Bruno");

    const operations: [string, (actor: Actor) => Promise<unknown>][] = [
      ["getCohortForTrainer", (a) => getCohortForTrainer(a, cohort.id)],
      ["updateCohort", (a) => updateCohort(a, cohort.id, { name: "Volé", description: "" })],
      ["regenerateJoinCode", (a) => regenerateJoinCode(a, cohort.id, {})],
      ["setJoinCodeExpiry", (a) => setJoinCodeExpiry(a, cohort.id, { expiresOn: "2026-01-01" })],
      ["revokeJoinCode", (a) => revokeJoinCode(a, cohort.id)],
      ["removeMember", (a) => removeMember(a, cohort.id, learner.id)],
      ["addCoTrainer", (a) => addCoTrainer(a, cohort.id, bruno.email)],
      ["sendInvitations", (a) => sendInvitations(a, cohort.id, ["x@exemple.test"])],
      ["listAssignments", (a) => listAssignments(a, cohort.id)],
      ["createAssignment", (a) => createAssignment(a, cohort.id, { itemKind: "chapter", itemId: CHAPTER, dueKind: "none", dueOn: null, dueDays: null })],
      ["updateAssignmentDue", (a) => updateAssignmentDue(a, cohort.id, assignment.id, { dueKind: "none", dueOn: null, dueDays: null })],
      ["deleteAssignment", (a) => deleteAssignment(a, cohort.id, assignment.id)],
      ["setExtension", (a) => setExtension(a, cohort.id, assignment.id, learner.id, "2027-01-31")],
      ["removeExtension", (a) => removeExtension(a, cohort.id, assignment.id, learner.id)],
      ["getCohortDashboard", (a) => getCohortDashboard(a, cohort.id)],
      ["getLearnerDetail", (a) => getLearnerDetail(a, cohort.id, learner.id)],
      ["streamCohortCsv", (a) => streamCohortCsv(a, cohort.id)],
    ];
    const admin = await createUser("admin");
    for (const [name, operation] of operations) {
      for (const outsider of [bruno, learner, admin]) {
        await expect(operation(outsider), `${name} by ${outsider.role}`).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    }
    // Nothing changed.
    const after = await getCohortForTrainer(alice, cohort.id);
    expect(after).toMatchObject({ name: "Groupe d'Alice", joinCode: cohort.code, joinCodeState: "usable" });
    expect(after.learners.map((l) => l.name)).toEqual(["Librairie"]);
    expect(after.trainers.map((t) => t.name)).toEqual(["Alice"]);
    expect(await listAssignments(alice, cohort.id)).toMatchObject([{ id: assignment.id, dueKind: "fixed", dueOn: "2026-12-10" }]);
    expect((await listOutbox(admin)).total).toBe(0);
    expect(await listAuditEntries(admin)).toEqual([]);
    // A cohort id that does not exist answers the same.
    await expect(getCohortForTrainer(alice, "no-such-cohort")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("only trainers create cohorts, and each lists only their own", async () => {
    const merchant = await createUser("merchant");
    const admin = await createUser("admin");
    for (const actor of [merchant, admin]) {
      await expect(createCohort(actor, { name: "Non", description: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listTrainedCohorts(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const alice = await createUser("trainer", "Alice");
    const bruno = await createUser("trainer", "Bruno");
    const a1 = await cohortOf(alice, "A1");
    await cohortOf(alice, "A2");
    await cohortOf(bruno, "B1");
    const learner = await createUser("merchant");
    await joinCohort(learner, a1.code, JOINED);
    expect((await listTrainedCohorts(alice)).map((c) => [c.name, c.learnerCount, c.isOwner]).sort()).toEqual([
      ["A1", 1, true],
      ["A2", 0, true],
    ]);
    expect((await listTrainedCohorts(bruno)).map((c) => c.name)).toEqual(["B1"]);
  });

  it("a cohort whose owner leaves passes to the co-trainer who joined first and can still train; the migration does the same for cohorts left without owner", async () => {
    const admin = await createUser("admin", "Admin");
    const owner = await createUser("trainer", "Alice");
    const bruno = await createUser("trainer", "Bruno");
    const chloe = await createUser("trainer", "Chloé");
    const newcomer = await createUser("trainer", "Denis");
    const cohort = await cohortOf(owner);
    const alone = await cohortOf(owner, "Sans co-formateur");
    await addCoTrainer(owner, cohort.id, chloe.email);
    await addCoTrainer(owner, cohort.id, bruno.email);
    // Chloé joined before Bruno (set apart, so that the order does not hang on the same millisecond).
    const db = getDb();
    const joined = (userId: string, iso: string) => db.cohortMember.update({ where: { cohortId_userId: { cohortId: cohort.id, userId } }, data: { joinedAt: new Date(iso) } });
    await joined(chloe.id, "2026-11-02T09:00:00Z");
    await joined(bruno.id, "2026-11-03T09:00:00Z");
    const ownerOf = async (cohortId: string) => (await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { ownerId: true } })).ownerId;

    // Alice is no longer a trainer: Chloé is responsible now, and adds trainers; Bruno still cannot.
    await changeUserRole(admin, { userId: owner.id, role: "merchant" });
    expect(await ownerOf(cohort.id)).toBe(chloe.id);
    expect(await ownerOf(alone.id)).toBeNull();
    expect((await getCohortForTrainer(chloe, cohort.id)).canManageTrainers).toBe(true);
    expect((await listTrainedCohorts(chloe)).map((c) => c.isOwner)).toEqual([true]);
    await expect(addCoTrainer(bruno, cohort.id, newcomer.email)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await addCoTrainer(chloe, cohort.id, newcomer.email);

    // Chloé erases her account: Bruno, who joined before Denis.
    await eraseAccount(chloe, { password: TEST_PASSWORD });
    expect(await ownerOf(cohort.id)).toBe(bruno.id);
    expect((await getCohortForTrainer(bruno, cohort.id)).canManageTrainers).toBe(true);

    // A cohort left without owner by an earlier erasure: the migration hands it to the first trainer
    // who can train (not Alice, a merchant now, though she is still listed as a trainer of it).
    await db.cohort.update({ where: { id: cohort.id }, data: { ownerId: null } });
    const migration = readMigrations(engine === "PostgreSQL" ? "postgresql" : "sqlite").find((m) => m.name.endsWith("_cohort_owner_handover"))!;
    await db.$executeRawUnsafe(migration.sql);
    expect(await ownerOf(cohort.id)).toBe(bruno.id);
    expect(await ownerOf(alone.id)).toBeNull();
  });

  it("the owner adds a co-trainer by the e-mail of an existing trainer account; a co-trainer manages but cannot add trainers", async () => {
    const owner = await createUser("trainer", "Alice");
    const co = await createUser("trainer", "Bruno");
    const other = await createUser("trainer", "Chloé");
    const merchant = await createUser("merchant", "Boutique");
    const cohort = await cohortOf(owner);

    await expect(addCoTrainer(owner, cohort.id, merchant.email)).rejects.toMatchObject({ code: "NOT_A_TRAINER_ACCOUNT" });
    await expect(addCoTrainer(owner, cohort.id, "personne@exemple.test")).rejects.toMatchObject({ code: "NOT_A_TRAINER_ACCOUNT" });
    expect(await addCoTrainer(owner, cohort.id, co.email)).toMatchObject({ userId: co.id, name: "Bruno" });
    // Adding them again changes nothing.
    await addCoTrainer(owner, cohort.id, co.email);
    expect((await getCohortForTrainer(owner, cohort.id)).trainers.map((t) => t.name)).toEqual(["Alice", "Bruno"]);

    // The co-trainer sees and manages the cohort…
    expect((await listTrainedCohorts(co)).map((c) => [c.id, c.isOwner])).toEqual([[cohort.id, false]]);
    await updateCohort(co, cohort.id, { name: "Renommé", description: "" });
    expect((await getCohortForTrainer(owner, cohort.id)).name).toBe("Renommé");
    expect((await getCohortForTrainer(co, cohort.id)).canManageTrainers).toBe(false);
    // …but only the owner adds trainers, and nobody removes the owner.
    await expect(addCoTrainer(co, cohort.id, other.email)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(co, cohort.id, owner.id)).rejects.toMatchObject({ code: "CANNOT_REMOVE_OWNER" });
    expect((await getCohortForTrainer(owner, cohort.id)).trainers.map((t) => t.name)).toEqual(["Alice", "Bruno"]);
    // The owner removes the co-trainer, who then gets NOT_FOUND.
    await removeMember(owner, cohort.id, co.id);
    await expect(getCohortForTrainer(co, cohort.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("joining: a usable code, twice (idempotent), an expired code, a revoked code, a regenerated code", async () => {
    const trainer = await createUser("trainer", "Alice");
    const cohort = await cohortOf(trainer);
    const [ana, bob, cid] = [await createUser("merchant", "Ana"), await createUser("merchant", "Bob"), await createUser("merchant", "Cid")];

    expect(await findCohortByJoinCode(cohort.code, JOINED)).toMatchObject({ id: cohort.id, trainerNames: ["Alice"], state: "usable" });
    expect(await joinCohort(ana, cohort.code, JOINED)).toEqual({ cohortId: cohort.id, isNew: true });
    expect(await joinCohort(ana, cohort.code, new Date("2026-12-05T09:00:00Z"))).toEqual({ cohortId: cohort.id, isNew: false });
    let view = await getCohortForTrainer(trainer, cohort.id);
    expect(view.learners.map((l) => [l.name, l.joinedAt.toISOString()])).toEqual([["Ana", JOINED.toISOString()]]); // first join date kept
    expect(await listLearnerCohorts(ana)).toMatchObject([{ id: cohort.id, trainerNames: ["Alice"] }]);

    // A code valid until 2026-12-10 (included): usable that day, expired the next.
    const { joinCode: expiring } = await regenerateJoinCode(trainer, cohort.id, { expiresOn: "2026-12-10" });
    expect(expiring).not.toBe(cohort.code);
    expect(await joinCohort(bob, expiring!, new Date("2026-12-10T20:00:00Z"))).toMatchObject({ isNew: true });
    await expect(joinCohort(cid, expiring!, new Date("2026-12-11T08:00:00Z"))).rejects.toMatchObject({ code: "JOIN_CODE_EXPIRED" });
    expect((await getCohortForTrainer(trainer, cohort.id, new Date("2026-12-11T08:00:00Z"))).joinCodeState).toBe("expired");
    // The trainer lifts the expiry: the same code works again.
    await setJoinCodeExpiry(trainer, cohort.id, { expiresOn: null });
    expect(await joinCohort(cid, expiring!, new Date("2026-12-11T08:00:00Z"))).toMatchObject({ isNew: true });

    // The code from before the regeneration no longer works.
    const late = await createUser("merchant", "Dan");
    await expect(joinCohort(late, cohort.code, JOINED)).rejects.toMatchObject({ code: "JOIN_CODE_UNKNOWN" });

    // Revoked: unknown.
    await revokeJoinCode(trainer, cohort.id);
    expect((await getCohortForTrainer(trainer, cohort.id)).joinCodeState).toBe("revoked");
    await expect(joinCohort(late, expiring!, JOINED)).rejects.toMatchObject({ code: "JOIN_CODE_UNKNOWN" });
    await expect(sendInvitations(trainer, cohort.id, ["x@exemple.test"])).rejects.toMatchObject({ code: "JOIN_CODE_EXPIRED" });
    view = await getCohortForTrainer(trainer, cohort.id);
    expect(view.learners.map((l) => l.name)).toEqual(["Ana", "Bob", "Cid"]);
  });

  it.each([
    ["winter (UTC+1)", "2026-12-10", "2026-12-10T22:30:00Z", "2026-12-10T23:00:00Z"],
    ["summer (UTC+2)", "2027-06-30", "2027-06-30T21:30:00Z", "2027-06-30T22:30:00Z"],
    ["the autumn DST change day", "2026-10-25", "2026-10-25T22:30:00Z", "2026-10-25T23:00:00Z"],
  ])("a code's last day of validity ends at midnight in Paris, in %s", async (_name, expiresOn, lastMinute, nextDay) => {
    const trainer = await createUser("trainer");
    const [ana, bob] = await Promise.all([createUser("merchant", "Ana"), createUser("merchant", "Bob")]);
    const { id } = await createCohort(trainer, { name: "G", description: "" });
    const { joinCode } = await regenerateJoinCode(trainer, id, { expiresOn });
    // 23:30 in Paris on the last day: still usable; 00:00 or 00:30 the next day: expired.
    expect(await joinCohort(ana, joinCode!, new Date(lastMinute))).toMatchObject({ isNew: true });
    await expect(joinCohort(bob, joinCode!, new Date(nextDay))).rejects.toMatchObject({ code: "JOIN_CODE_EXPIRED" });
    const view = await getCohortForTrainer(trainer, id, new Date(lastMinute));
    expect(view.joinCodeState).toBe("usable");
    expect(dayOf(view.joinCodeExpiresAt!)).toBe(expiresOn); // shown as the day the trainer chose
  });

  it("a trainer cannot join as a learner, not even their own cohort", async () => {
    const trainer = await createUser("trainer");
    const other = await createUser("trainer");
    const cohort = await cohortOf(trainer);
    for (const actor of [trainer, other]) await expect(joinCohort(actor, cohort.code, JOINED)).rejects.toMatchObject({ code: "JOIN_MERCHANTS_ONLY" });
    expect((await getCohortForTrainer(trainer, cohort.id)).learners).toEqual([]);
  });

  it("a learner leaves; a trainer removes a learner; their to-do and extensions go with it", async () => {
    const trainer = await createUser("trainer");
    const cohort = await cohortOf(trainer);
    const ana = await createUser("merchant", "Ana");
    const bob = await createUser("merchant", "Bob");
    await joinCohort(ana, cohort.code, JOINED);
    await joinCohort(bob, cohort.code, JOINED);
    const a = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: INTRO, dueKind: "fixed", dueOn: "2026-12-10", dueDays: null });
    await setExtension(trainer, cohort.id, a.id, bob.id, "2026-12-24");
    expect(await listTodo(bob, JOINED)).toMatchObject([{ dueOn: "2026-12-24", isExtended: true }]);

    await leaveCohort(ana, cohort.id);
    expect(await listLearnerCohorts(ana)).toEqual([]);
    expect(await listTodo(ana, JOINED)).toEqual([]);
    await expect(leaveCohort(ana, cohort.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(leaveCohort(trainer, cohort.id)).rejects.toMatchObject({ code: "NOT_FOUND" }); // trainers do not "leave" as learners

    await removeMember(trainer, cohort.id, bob.id);
    expect(await listTodo(bob, JOINED)).toEqual([]);
    expect((await getCohortForTrainer(trainer, cohort.id)).learners).toEqual([]);
    await expect(removeMember(trainer, cohort.id, bob.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Back in the cohort: the old extension is gone.
    await joinCohort(bob, cohort.code, JOINED);
    expect(await listTodo(bob, JOINED)).toMatchObject([{ dueOn: "2026-12-10", isExtended: false }]);
  });

  it("assignments: notifications for learners, ALREADY_ASSIGNED, UNKNOWN_ITEM, extensions must be later", async () => {
    const trainer = await createUser("trainer");
    const cohort = await cohortOf(trainer);
    const ana = await createUser("merchant", "Ana");
    const bob = await createUser("merchant", "Bob");
    const outsider = await createUser("merchant", "Ailleurs");
    await joinCohort(ana, cohort.code, JOINED);
    await joinCohort(bob, cohort.code, JOINED);

    const a = await createAssignment(trainer, cohort.id, { itemKind: "chapter", itemId: CHAPTER, dueKind: "relative", dueOn: null, dueDays: 14 });
    for (const learner of [ana, bob]) {
      expect(await listNotifications(learner)).toMatchObject([{ kind: "assigned", readAt: null, data: { cohortId: cohort.id, assignmentId: a.id, itemKind: "chapter", itemId: CHAPTER, dueDays: 14 } }]);
    }
    expect(await listNotifications(outsider)).toEqual([]);
    expect(await listNotifications(trainer)).toEqual([]);

    await expect(createAssignment(trainer, cohort.id, { itemKind: "chapter", itemId: CHAPTER, dueKind: "none", dueOn: null, dueDays: null })).rejects.toMatchObject({ code: "ALREADY_ASSIGNED" });
    await expect(createAssignment(trainer, cohort.id, { itemKind: "module", itemId: "no-such-module", dueKind: "none", dueOn: null, dueDays: null })).rejects.toMatchObject({ code: "UNKNOWN_ITEM" });
    await expect(createAssignment(trainer, cohort.id, { itemKind: "chapter", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null })).rejects.toMatchObject({ code: "UNKNOWN_ITEM" });
    expect((await listAssignments(trainer, cohort.id)).map((x) => x.id)).toEqual([a.id]);
    expect(await listNotifications(ana)).toHaveLength(1); // the refused ones told nobody
    // The header's badge: unread ones only, the learner's own.
    expect([await countUnreadNotifications(ana), await countUnreadNotifications(outsider)]).toEqual([1, 0]);
    await markNotificationsRead(bob, { all: true });
    expect([await countUnreadNotifications(ana), await countUnreadNotifications(bob)]).toEqual([1, 0]);

    // Due 14 days after joining (2026-12-01): 2026-12-15. An extension must be later.
    expect(await listTodo(ana, JOINED)).toMatchObject([{ assignmentId: a.id, dueOn: "2026-12-15", daysLeft: 14 }]);
    for (const day of ["2026-12-15", "2026-12-14"]) {
      await expect(setExtension(trainer, cohort.id, a.id, ana.id, day)).rejects.toMatchObject({ code: "EXTENSION_NOT_LATER" });
    }
    await setExtension(trainer, cohort.id, a.id, ana.id, "2026-12-20");
    // Later than the current extension, not only than the rule.
    await expect(setExtension(trainer, cohort.id, a.id, ana.id, "2026-12-18")).rejects.toMatchObject({ code: "EXTENSION_NOT_LATER" });
    await setExtension(trainer, cohort.id, a.id, ana.id, "2026-12-31");
    expect(await listTodo(ana, JOINED)).toMatchObject([{ dueOn: "2026-12-31", isExtended: true }]);
    expect(await listTodo(bob, JOINED)).toMatchObject([{ dueOn: "2026-12-15", isExtended: false }]);
    await expect(setExtension(trainer, cohort.id, a.id, outsider.id, "2027-01-31")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setExtension(trainer, cohort.id, a.id, trainer.id, "2027-01-31")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeExtension(trainer, cohort.id, a.id, ana.id);
    expect(await listTodo(ana, JOINED)).toMatchObject([{ dueOn: "2026-12-15", isExtended: false }]);

    const open = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null });
    await expect(setExtension(trainer, cohort.id, open.id, ana.id, "2027-01-31")).rejects.toMatchObject({ code: "NO_DUE_DATE" });
    // A cohort's assignment id used through another cohort answers NOT_FOUND.
    const other = await cohortOf(trainer, "Autre");
    await expect(deleteAssignment(trainer, other.id, a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteAssignment(trainer, cohort.id, a.id);
    expect((await listTodo(ana, JOINED)).map((t) => t.assignmentId)).toEqual([open.id]);
  });

  it("the to-do: completing the neutral twin of an assigned vendor module completes it, and overdue comes first", async () => {
    const trainer = await createUser("trainer");
    const cohort = await cohortOf(trainer, "Groupe du jeudi");
    const ana = await createUser("merchant", "Ana");
    await joinCohort(ana, cohort.code, JOINED);
    const vendor = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: VENDOR, dueKind: "fixed", dueOn: "2026-12-10", dueDays: null });
    const intro = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: INTRO, dueKind: "fixed", dueOn: "2026-12-08", dueDays: null });
    const chapter = await createAssignment(trainer, cohort.id, { itemKind: "chapter", itemId: CHAPTER, dueKind: "none", dueOn: null, dueDays: null });
    const today = new Date("2026-12-10T12:00:00Z");

    expect((await listTodo(ana, today)).map((t) => [t.assignmentId, t.status, t.percent, t.daysLeft])).toEqual([
      [intro.id, "overdue", 0, -2],
      [vendor.id, "not-started", 0, 0], // due today: not overdue
      [chapter.id, "not-started", 0, null],
    ]);

    await completeModule(ana, TWIN);
    await watch(ana, INTRO, 109); // half of 218 s
    expect((await listTodo(ana, today)).map((t) => [t.assignmentId, t.status, t.percent, t.cohortName])).toEqual([
      [intro.id, "overdue", 50, "Groupe du jeudi"],
      [chapter.id, "in-progress", 25, "Groupe du jeudi"], // 1 of the chapter's 4 steps
      [vendor.id, "completed", 100, "Groupe du jeudi"],
    ]);
    // The other direction: a neutral twin assigned, the vendor module done.
    const bob = await createUser("merchant", "Bob");
    await joinCohort(bob, cohort.code, JOINED);
    const twin = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: "marche-piloter-plusieurs-canaux", dueKind: "none", dueOn: null, dueDays: null });
    await completeModule(bob, "marche-outils-vendeur-amazon");
    expect((await listTodo(bob, today)).find((t) => t.assignmentId === twin.id)).toMatchObject({ status: "completed", percent: 100 });
    // Trainers have no to-do.
    expect(await listTodo(trainer, today)).toEqual([]);
  });

  it("the dashboard, the learner detail (audited) and the CSV agree on real progress", async () => {
    const trainer = await createUser("trainer", "Alice");
    const cohort = await cohortOf(trainer, "Groupe « Printemps »");
    const ana = await createUser("merchant", "Ana");
    const bob = await createUser("merchant", "Bob");
    const cid = await createUser("merchant", "Cid");
    for (const learner of [ana, bob, cid]) await joinCohort(learner, cohort.code, JOINED);
    const chapter = await createAssignment(trainer, cohort.id, { itemKind: "chapter", itemId: CHAPTER, dueKind: "fixed", dueOn: "2026-12-10", dueDays: null });
    const vendor = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: VENDOR, dueKind: "relative", dueOn: null, dueDays: 20 });
    const intro = await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null });
    await setExtension(trainer, cohort.id, chapter.id, cid.id, "2026-12-31");

    // Ana: the twin of the vendor module (1 step of the chapter) and the intro module.
    await completeModule(ana, TWIN);
    await completeModule(ana, INTRO);
    // Ana, last: a little of a module no assignment names (still her last activity).
    const unassigned = getChapter("logistique")!.modules[0]!.id;
    await watch(ana, unassigned, 5);
    // Bob: half of the intro module.
    await watch(bob, INTRO, 109);
    // Cid: nothing.
    const now = new Date("2026-12-12T10:00:00Z");
    const dashboard = await getCohortDashboard(trainer, cohort.id, now);
    const figures = dashboard.rows.map((r) => [r.name, r.cells.map((c) => `${c.status} ${c.percent} ${c.dueOn ?? "-"}${c.isExtended ? "*" : ""}`), r.overdueCount]);
    expect(figures).toEqual([
      ["Ana", ["overdue 25 2026-12-10", "completed 100 2026-12-21", "completed 100 -"], 1],
      ["Bob", ["overdue 0 2026-12-10", "not-started 0 2026-12-21", "in-progress 50 -"], 1],
      ["Cid", ["not-started 0 2026-12-31*", "not-started 0 2026-12-21", "not-started 0 -"], 0],
    ]);
    expect(dashboard.summaries).toEqual([
      { assignmentId: chapter.id, learnerCount: 3, completedCount: 0, overdueCount: 2, medianPercent: 0 },
      { assignmentId: vendor.id, learnerCount: 3, completedCount: 1, overdueCount: 0, medianPercent: 0 },
      { assignmentId: intro.id, learnerCount: 3, completedCount: 1, overdueCount: 0, medianPercent: 50 },
    ]);
    expect(dashboard.rows.find((r) => r.name === "Cid")!.lastActivityAt).toBeNull();
    // A learner's last activity is their newest progress row, in any module.
    const newest = await getDb().moduleProgress.findFirst({ where: { userId: ana.id }, orderBy: { updatedAt: "desc" } });
    expect(newest?.moduleId).toBe(unassigned);
    expect(dashboard.rows.find((r) => r.name === "Ana")!.lastActivityAt).toEqual(newest!.updatedAt);

    // The learner detail: one audit entry per opening.
    const admin = await createUser("admin");
    const detail = await getLearnerDetail(trainer, cohort.id, bob.id, now);
    expect(detail).toMatchObject({ learner: { name: "Bob", email: bob.email }, totalWatchedS: 109 });
    expect(detail.cells.map((c) => c.status)).toEqual(["overdue", "not-started", "in-progress"]);
    expect(detail.modules.map((m) => m.moduleId)).toEqual([INTRO]);
    await getLearnerDetail(trainer, cohort.id, bob.id, now);
    await getLearnerDetail(trainer, cohort.id, ana.id, now);
    const audit = await listAuditEntries(admin);
    expect(audit.map((e) => [e.action, e.actorName, e.targetName, e.details])).toEqual([
      ["learner.viewed", "Alice", "Ana", { cohortId: cohort.id }],
      ["learner.viewed", "Alice", "Bob", { cohortId: cohort.id }],
      ["learner.viewed", "Alice", "Bob", { cohortId: cohort.id }],
    ]);
    await expect(getLearnerDetail(trainer, cohort.id, trainer.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listAuditEntries(admin)).toHaveLength(3);

    // The CSV.
    const { filename, stream } = await streamCohortCsv(trainer, cohort.id, now);
    expect(filename).toMatch(/^tableau-de-bord-[\w-]+-2026-12-12\.csv$/);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines[0]).toBe(
      "Apprenant·e;E-mail;Élément assigné;Type;Échéance;Échéance prolongée;Statut;Avancement (%);Temps regardé (min);Terminé le;Dernière activité;Sessions en direct suivies;Sessions en direct tenues",
    );
    expect(lines.filter((l) => l.startsWith("Apprenant·e;"))).toHaveLength(1);

    const records = parse(bytes, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(9);
    const byKey = new Map(records.map((r) => [`${r["E-mail"]} ${r["Élément assigné"]}`, r]));
    const emailOf = new Map([[ana.id, ana.email], [bob.id, bob.email], [cid.id, cid.email]]);
    const titleOf = new Map([[chapter.id, getChapter(CHAPTER)!.title.fr], [vendor.id, getModule(VENDOR)!.title.fr], [intro.id, getModule(INTRO)!.title.fr]]);
    for (const row of dashboard.rows) {
      for (const cell of row.cells) {
        const key = `${emailOf.get(row.userId)} ${titleOf.get(cell.assignmentId)}`;
        const record = byKey.get(key);
        expect(record, key).toBeDefined();
        expect(record).toMatchObject({
          "Apprenant·e": row.name,
          Échéance: cell.dueOn ?? "",
          "Échéance prolongée": cell.isExtended ? "oui" : "non",
          Statut: CSV_STATUS_LABELS[cell.status],
          "Avancement (%)": decimalComma(cell.percent),
          "Terminé le": cell.completedAt ? dayOf(cell.completedAt) : "",
          "Dernière activité": row.lastActivityAt ? dayOf(row.lastActivityAt) : "",
          // No live session held in this group.
          "Sessions en direct suivies": "0",
          "Sessions en direct tenues": "0",
        });
      }
    }
    // Decimal comma and ISO days, in the file as written.
    const bobIntro = byKey.get(`${bob.email} ${getModule(INTRO)!.title.fr}`)!;
    expect(bobIntro).toMatchObject({ Statut: "En cours", "Avancement (%)": "50", "Temps regardé (min)": "1,8", Type: "Module" });
    const anaVendor = byKey.get(`${ana.email} ${getModule(VENDOR)!.title.fr}`)!;
    expect(anaVendor["Terminé le"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(anaVendor["Temps regardé (min)"]).toBe(decimalComma(getModule(TWIN)!.durationS / 60)); // the twin's time counts
    expect(anaVendor["Temps regardé (min)"]).toMatch(/^\d+,\d$/);
    const cidChapter = records.find((r) => r["E-mail"] === cid.email && r.Type === "Chapitre")!;
    expect(cidChapter).toMatchObject({ Échéance: "2026-12-31", "Échéance prolongée": "oui", Statut: "Pas commencé", "Dernière activité": "" });
  });

  it("the CSV of a cohort without learners is the header alone", async () => {
    const trainer = await createUser("trainer");
    const cohort = await cohortOf(trainer, "Vide");
    await createAssignment(trainer, cohort.id, { itemKind: "module", itemId: INTRO, dueKind: "none", dueOn: null, dueDays: null });
    const { stream } = await streamCohortCsv(trainer, cohort.id);
    const text = await new Response(stream).text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")).toEqual([expect.stringMatching(/^Apprenant·e;E-mail;/), ""]);
    expect((await getCohortDashboard(trainer, cohort.id)).summaries).toMatchObject([{ learnerCount: 0, medianPercent: 0 }]);
  });

  it("invitations go to the outbox with the join link and the formatted code", async () => {
    const trainer = await createUser("trainer", "Alice");
    const admin = await createUser("admin");
    const cohort = await cohortOf(trainer, "Groupe <b>du soir</b>");
    expect(await sendInvitations(trainer, cohort.id, ["ana@exemple.test", "bob@exemple.test"])).toMatchObject({ count: 2 });
    const { emails } = await listOutbox(admin);
    expect(emails.map((e) => e.toAddress).sort()).toEqual(["ana@exemple.test", "bob@exemple.test"]);
    for (const email of emails) {
      expect(email.subject).toBe("Invitation : Groupe <b>du soir</b>");
      expect(email.text).toContain(`/join/${cohort.code}`);
      expect(email.text).toContain(formatJoinCode(cohort.code));
      expect(email.status).toBe("pending");
    }
  });
});
