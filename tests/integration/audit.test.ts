import { beforeAll, describe, expect, it } from "vitest";
import type { AuditAction } from "@/lib/audit";
import type { Actor } from "@/lib/permissions";
import { accountPseudonym, AUDIT_PAGE_SIZE, listAccessesToLearnerData, listAuditLog, pseudonymiseAuditEntries, recordAudit } from "@/server/data/audit";
import { createAssignment } from "@/server/data/assignments";
import { getLearnerDetail, streamCohortCsv } from "@/server/data/cohort-dashboard";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { changeUserRole, listUsers } from "@/server/data/users";
import { countQueries, enableQueryCounting, getDb } from "@/server/db";
import { createAccount } from "../support/accounts";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
// Before the real clock, so that entries written at "now" (role changes, listings) come after these.
const NOW = new Date("2025-03-10T10:00:00Z");

beforeAll(() => enableQueryCounting());

/** Every entry as stored, oldest first: what the tests compare against. */
async function storedEntries() {
  const rows = await getDb().auditEntry.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, targetUserId: r.targetUserId, details: JSON.parse(r.details) as unknown, actorPseudonym: r.actorPseudonym, targetPseudonym: r.targetPseudonym }));
}

async function cohortWithLearners(trainer: Actor, name: string, learners: Actor[]) {
  const { id } = await createCohort(trainer, { name, description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(trainer, id);
  for (const learner of learners) await joinCohort(learner, joinCode!, NOW);
  return id;
}

/** `count` merchants in a cohort, written in bulk (the CSV's pages are what is tested, not joining). */
async function bulkLearners(cohortId: string, count: number) {
  const db = getDb();
  const ids = Array.from({ length: count }, (_, i) => `bulk-${cohortId}-${String(i).padStart(4, "0")}`);
  await db.user.createMany({ data: ids.map((id, i) => ({ id, email: `${id}@exemple.test`, name: `Apprenant ${i}`, role: "merchant", passwordHash: "x" })) });
  await db.cohortMember.createMany({ data: ids.map((userId) => ({ cohortId, userId, role: "learner", joinedAt: NOW })) });
}

describe(`audit log on ${engine}`, () => {
  it("a trainer opening a learner's page writes exactly one entry, naming the cohort; a refused opening writes none", async () => {
    const trainer = await createAccount("trainer", "Karim");
    const outsider = await createAccount("trainer", "Bruno");
    const ana = await createAccount("merchant", "Ana");
    const cohortId = await cohortWithLearners(trainer, "Groupe du mardi", [ana]);

    await getLearnerDetail(trainer, cohortId, ana.id, NOW);
    expect(await storedEntries()).toEqual([
      { action: "learner.viewed", actorId: trainer.id, targetUserId: ana.id, details: { cohortId }, actorPseudonym: null, targetPseudonym: null },
    ]);
    await expect(getLearnerDetail(outsider, cohortId, ana.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getLearnerDetail(trainer, cohortId, trainer.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storedEntries()).toHaveLength(1);
  });

  it("a cohort CSV export writes exactly one entry (not one per page of 500), with the number of learners and no name", async () => {
    const trainer = await createAccount("trainer", "Karim");
    const cohortId = await cohortWithLearners(trainer, "Grand groupe", []);
    await bulkLearners(cohortId, 501);
    await createAssignment(trainer, cohortId, { itemKind: "module", itemId: "transition-pourquoi-vendre-en-ligne", dueKind: "none", dueOn: null, dueDays: null });

    const { stream } = await streamCohortCsv(trainer, cohortId, NOW);
    const text = await new Response(stream).text();
    expect(text).toContain("Apprenant 500");
    const entries = await storedEntries();
    expect(entries).toEqual([{ action: "cohort.exported", actorId: trainer.id, targetUserId: null, details: { cohortId, learners: 501 }, actorPseudonym: null, targetPseudonym: null }]);

    const merchant = await createAccount("merchant");
    await expect(streamCohortCsv(merchant, cohortId, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storedEntries()).toHaveLength(1);
  });

  it("an admin listing users writes one entry per page read, with the page and whether there was a search, never the search text", async () => {
    const admin = await createAccount("admin", "Claire");
    const trainer = await createAccount("trainer", "Karim");
    const ana = await createAccount("merchant", "Ana", "ana.secret@exemple.test");

    await listUsers(admin);
    await listUsers(admin, { query: "ana.secret@exemple.test" });
    await listUsers(admin, { page: 99 });
    await expect(listUsers(trainer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const entries = await storedEntries();
    expect(entries.map((e) => [e.action, e.actorId, e.targetUserId, e.details])).toEqual([
      ["users.listed", admin.id, null, { page: 1, isSearch: false }],
      ["users.listed", admin.id, null, { page: 1, isSearch: true }],
      ["users.listed", admin.id, null, { page: 1, isSearch: false }],
    ]);
    const raw = await getDb().auditEntry.findMany();
    expect(JSON.stringify(raw)).not.toMatch(/ana\.secret|Ana/);
    expect(ana.email).toBe("ana.secret@exemple.test");
  });

  it("a role change writes one entry; a refused one writes none", async () => {
    const admin = await createAccount("admin", "Claire");
    const merchant = await createAccount("merchant", "Fromagerie");
    await changeUserRole(admin, { userId: merchant.id, role: "trainer" });
    await expect(changeUserRole(merchant, { userId: admin.id, role: "merchant" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await storedEntries()).toEqual([
      { action: "user.role-changed", actorId: admin.id, targetUserId: merchant.id, details: { from: "merchant", to: "trainer" }, actorPseudonym: null, targetPseudonym: null },
    ]);
  });

  it("recordAudit writes an export of a learner's own account, and refuses details outside the action's schema", async () => {
    const ana = await createAccount("merchant", "Ana");
    await recordAudit(getDb(), { action: "account.exported", actorId: ana.id, targetUserId: ana.id, details: { format: "json" } });
    expect(() => recordAudit(getDb(), { action: "account.exported", actorId: ana.id, targetUserId: ana.id, details: { format: "json", email: ana.email } as never })).toThrow();
    expect(await storedEntries()).toEqual([{ action: "account.exported", actorId: ana.id, targetUserId: ana.id, details: { format: "json" }, actorPseudonym: null, targetPseudonym: null }]);
  });

  it("the admin page's filters: who, whose data, what and when (Paris days), 50 a page newest first, cohort names, in a constant number of queries", async () => {
    const admin = await createAccount("admin", "Claire Admin", "claire@exemple.test");
    const karim = await createAccount("trainer", "Karim Benali", "karim@exemple.test");
    const sophie = await createAccount("trainer", "Sophie Martin", "sophie@exemple.test");
    const ana = await createAccount("merchant", "Ana Lopes", "ana@exemple.test");
    const bob = await createAccount("merchant", "Bob Durand", "bob@exemple.test");
    const nantes = await cohortWithLearners(karim, "Atelier Nantes", [ana, bob]);
    const lyon = await cohortWithLearners(sophie, "Atelier Lyon", [bob]);
    const db = getDb();
    const at = (iso: string) => new Date(iso);
    const write = (action: AuditAction, actorId: string, targetUserId: string | null, details: object, createdAt: Date) =>
      recordAudit(db, { action, actorId, targetUserId, details: details as never, createdAt });
    // 30 November 23:30 in Paris is 22:30 UTC; 1 December 00:30 in Paris is 23:30 UTC on 30 November.
    await write("learner.viewed", karim.id, ana.id, { cohortId: nantes }, at("2026-11-30T22:30:00Z"));
    await write("learner.viewed", karim.id, bob.id, { cohortId: nantes }, at("2026-11-30T23:30:00Z"));
    await write("learner.viewed", sophie.id, bob.id, { cohortId: lyon }, at("2026-12-01T09:00:00Z"));
    await write("cohort.exported", sophie.id, null, { cohortId: lyon, learners: 1 }, at("2026-12-01T10:00:00Z"));
    await write("user.role-changed", admin.id, bob.id, { from: "merchant", to: "trainer" }, at("2026-12-02T10:00:00Z"));
    await write("users.listed", admin.id, null, { page: 1, isSearch: false }, at("2026-12-03T10:00:00Z"));

    const rows = async (filters: Parameters<typeof listAuditLog>[1]) => (await listAuditLog(admin, filters)).entries.map((e) => `${e.action} ${e.actor.kind === "user" ? e.actor.name : e.actor.kind} → ${e.target?.kind === "user" ? e.target.name : "-"}`);
    expect(await rows({})).toEqual([
      "users.listed Claire Admin → -",
      "user.role-changed Claire Admin → Bob Durand",
      "cohort.exported Sophie Martin → -",
      "learner.viewed Sophie Martin → Bob Durand",
      "learner.viewed Karim Benali → Bob Durand",
      "learner.viewed Karim Benali → Ana Lopes",
    ]);
    // Who: part of a name or an e-mail, any case.
    expect(await rows({ who: "KARIM" })).toEqual(["learner.viewed Karim Benali → Bob Durand", "learner.viewed Karim Benali → Ana Lopes"]);
    expect(await rows({ who: "sophie@exemple" })).toEqual(["cohort.exported Sophie Martin → -", "learner.viewed Sophie Martin → Bob Durand"]);
    // Whose data.
    expect(await rows({ whose: "durand" })).toEqual(["user.role-changed Claire Admin → Bob Durand", "learner.viewed Sophie Martin → Bob Durand", "learner.viewed Karim Benali → Bob Durand"]);
    expect(await rows({ whose: "ana@" })).toEqual(["learner.viewed Karim Benali → Ana Lopes"]);
    // What, and the three together.
    expect(await rows({ action: "learner.viewed", who: "Karim", whose: "Bob" })).toEqual(["learner.viewed Karim Benali → Bob Durand"]);
    expect(await rows({ action: "account.exported" })).toEqual([]);
    // When: calendar days in Paris, both ends included.
    expect(await rows({ to: "2026-11-30" })).toEqual(["learner.viewed Karim Benali → Ana Lopes"]);
    expect(await rows({ from: "2026-12-01", to: "2026-12-01" })).toEqual(["cohort.exported Sophie Martin → -", "learner.viewed Sophie Martin → Bob Durand", "learner.viewed Karim Benali → Bob Durand"]);
    expect(await rows({ from: "2026-12-02" })).toEqual(["users.listed Claire Admin → -", "user.role-changed Claire Admin → Bob Durand"]);
    // Cohort names resolved, a deleted cohort said so.
    await db.cohort.delete({ where: { id: nantes } });
    const named = (await listAuditLog(admin, {})).entries.map((e) => [e.action, e.cohortName]);
    expect(named).toEqual([
      ["users.listed", undefined],
      ["user.role-changed", undefined],
      ["cohort.exported", "Atelier Lyon"],
      ["learner.viewed", "Atelier Lyon"],
      ["learner.viewed", null],
      ["learner.viewed", null],
    ]);

    // Pages of 50, newest first; the number of queries does not grow with the page's entries or cohorts.
    const small = await countQueries(() => listAuditLog(admin, {}));
    for (let i = 0; i < 120; i++) {
      const cohortId = i % 2 ? lyon : `cohorte-${i}`;
      await write("learner.viewed", karim.id, ana.id, { cohortId }, new Date(NOW.getTime() + (i + 1) * 60_000));
    }
    const first = await countQueries(() => listAuditLog(admin, {}));
    // The count, the page, its actors and its targets (Prisma reads each included relation in one
    // query) and the cohorts' names.
    expect(first.count).toBeLessThanOrEqual(5);
    expect(first.count).toBe(small.count);
    expect(first.result).toMatchObject({ total: 126, page: 1, pageCount: 3 });
    expect(first.result.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const times = first.result.entries.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const third = await listAuditLog(admin, { page: 3 });
    expect(third.entries).toHaveLength(26);
    expect(third.entries.at(-1)!.action).toBe("learner.viewed");
    expect((await listAuditLog(admin, { page: 99 })).page).toBe(3);
    const all = [...first.result.entries, ...(await listAuditLog(admin, { page: 2 })).entries, ...third.entries];
    expect(new Set(all.map((e) => e.id)).size).toBe(126);
  });

  it("only admins read the log", async () => {
    for (const role of ["merchant", "trainer"] as const) {
      const actor = await createAccount(role);
      await expect(listAuditLog(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("pseudonymisation sets one stable pseudonym per account, and the entries keep it once the account is deleted", async () => {
    const admin = await createAccount("admin", "Claire");
    const karim = await createAccount("trainer", "Karim");
    const ana = await createAccount("merchant", "Ana");
    const bob = await createAccount("merchant", "Bob");
    const cohortId = await cohortWithLearners(karim, "Groupe", [ana, bob]);
    await getLearnerDetail(karim, cohortId, ana.id, NOW);
    await getLearnerDetail(karim, cohortId, ana.id, new Date(NOW.getTime() + 1000));
    await getLearnerDetail(karim, cohortId, bob.id, new Date(NOW.getTime() + 2000));
    await recordAudit(getDb(), { action: "account.exported", actorId: ana.id, targetUserId: ana.id, details: { format: "xapi" } });
    await changeUserRole(admin, { userId: karim.id, role: "merchant" });

    const pseudonym = accountPseudonym(ana.id);
    expect(pseudonym).toMatch(/^Compte supprimé n° [0-9A-F]{8}$/);
    expect(accountPseudonym(ana.id)).toBe(pseudonym);
    expect(accountPseudonym(bob.id)).not.toBe(pseudonym);

    // The erasure's transaction: pseudonymise, then delete the user row (the foreign keys set the ids to null).
    const counts = await getDb().$transaction(async (tx) => {
      const result = await pseudonymiseAuditEntries(tx, ana.id);
      await tx.user.delete({ where: { id: ana.id } });
      return result;
    });
    expect(counts).toEqual({ asActor: 1, asTarget: 3 });
    expect((await storedEntries()).map((e) => [e.action, e.actorId, e.targetUserId, e.actorPseudonym, e.targetPseudonym])).toEqual([
      ["learner.viewed", karim.id, null, null, pseudonym],
      ["learner.viewed", karim.id, null, null, pseudonym],
      ["learner.viewed", karim.id, bob.id, null, null],
      ["account.exported", null, null, pseudonym, pseudonym],
      ["user.role-changed", admin.id, karim.id, null, null],
    ]);
    const raw = JSON.stringify(await getDb().auditEntry.findMany());
    expect(raw).not.toContain(ana.id);
    expect(raw).not.toContain(ana.email);

    // The admin page names the erased account by its pseudonym, and finds its entries by it.
    const page = await listAuditLog(admin, { whose: pseudonym.slice(-8) });
    expect(page.entries.map((e) => [e.action, e.target])).toEqual([
      ["account.exported", { kind: "erased", pseudonym }],
      ["learner.viewed", { kind: "erased", pseudonym }],
      ["learner.viewed", { kind: "erased", pseudonym }],
    ]);
    expect((await listAuditLog(admin, { who: `Deleted account no. ${pseudonym.slice(-8)}` })).entries.map((e) => e.actor)).toEqual([{ kind: "erased", pseudonym }]);

    // A staff member erased in turn: their entries keep their own pseudonym as actor.
    await getDb().$transaction(async (tx) => {
      await pseudonymiseAuditEntries(tx, karim.id);
      await tx.user.delete({ where: { id: karim.id } });
    });
    const after = await listAuditLog(admin, { action: "learner.viewed" });
    expect(after.entries.map((e) => e.actor)).toEqual(Array(3).fill({ kind: "erased", pseudonym: accountPseudonym(karim.id) }));
    expect((await storedEntries()).at(-1)).toMatchObject({ action: "user.role-changed", actorId: admin.id, targetUserId: null, targetPseudonym: accountPseudonym(karim.id) });
  });

  it("a learner sees the accesses by others to their own data only: entries about them and their cohorts' CSV exports since they joined", async () => {
    const admin = await createAccount("admin", "Claire");
    const karim = await createAccount("trainer", "Karim");
    const sophie = await createAccount("trainer", "Sophie");
    const ana = await createAccount("merchant", "Ana");
    const bob = await createAccount("merchant", "Bob");
    const nantes = await cohortWithLearners(karim, "Atelier Nantes", [ana, bob]);
    const lyon = await cohortWithLearners(sophie, "Atelier Lyon", [bob]);
    expect(await listAccessesToLearnerData(ana)).toEqual([]);

    await getLearnerDetail(karim, nantes, ana.id, new Date("2025-03-11T10:00:00Z"));
    await getLearnerDetail(karim, nantes, bob.id, new Date("2025-03-11T11:00:00Z"));
    await getLearnerDetail(sophie, lyon, bob.id, new Date("2025-03-11T12:00:00Z"));
    await streamCohortCsv(karim, nantes, new Date("2025-03-12T10:00:00Z"));
    await streamCohortCsv(sophie, lyon, new Date("2025-03-12T11:00:00Z"));
    // Before Ana joined: not about her.
    await streamCohortCsv(karim, nantes, new Date("2025-02-01T10:00:00Z"));
    await changeUserRole(admin, { userId: ana.id, role: "trainer" });
    await changeUserRole(admin, { userId: ana.id, role: "merchant" });
    await listUsers(admin);
    // Her own export is not someone else's access.
    await recordAudit(getDb(), { action: "account.exported", actorId: ana.id, targetUserId: ana.id, details: { format: "json" } });

    const accesses = await listAccessesToLearnerData(ana);
    expect(accesses.map((a) => [a.action, a.actor.kind === "user" ? `${a.actor.name} ${a.actor.role}` : a.actor.kind, a.cohortName ?? null])).toEqual([
      ["user.role-changed", "Claire admin", null],
      ["user.role-changed", "Claire admin", null],
      ["cohort.exported", "Karim trainer", "Atelier Nantes"],
      ["learner.viewed", "Karim trainer", "Atelier Nantes"],
    ]);
    const bobs = await listAccessesToLearnerData(bob);
    expect(bobs.map((a) => [a.action, a.cohortName])).toEqual([
      ["cohort.exported", "Atelier Lyon"],
      ["cohort.exported", "Atelier Nantes"],
      ["learner.viewed", "Atelier Lyon"],
      ["learner.viewed", "Atelier Nantes"],
    ]);
    // A trainer's own data: nobody looked at it (their own reads are not listed).
    expect(await listAccessesToLearnerData(karim)).toEqual([]);
  });

  it("lists at most the 100 latest accesses", async () => {
    const karim = await createAccount("trainer", "Karim");
    const ana = await createAccount("merchant", "Ana");
    const cohortId = await cohortWithLearners(karim, "Groupe", [ana]);
    for (let i = 0; i < 105; i++) await recordAudit(getDb(), { action: "learner.viewed", actorId: karim.id, targetUserId: ana.id, details: { cohortId }, createdAt: new Date(NOW.getTime() + i * 1000) });
    const accesses = await listAccessesToLearnerData(ana);
    expect(accesses).toHaveLength(100);
    expect(accesses[0]!.createdAt).toEqual(new Date(NOW.getTime() + 104_000));
  });
});
