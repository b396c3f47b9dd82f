import { describe, expect, it } from "vitest";
import { listAuditEntries } from "@/server/data/audit";
import { changeUserRole, findSessionUser, listUsers, USERS_PAGE_SIZE } from "@/server/data/users";
import { createUser } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

describe(`roles on ${engine}`, () => {
  it("an admin changes a role, and the audit log says who did what", async () => {
    const admin = await createUser("admin", "Claire");
    const merchant = await createUser("merchant", "Fromagerie");
    const updated = await changeUserRole(admin, { userId: merchant.id, role: "trainer" });
    expect(updated.role).toBe("trainer");
    expect((await findSessionUser(merchant.id))?.role).toBe("trainer");
    const [entry] = await listAuditEntries(admin);
    expect(entry).toMatchObject({ action: "user.role-changed", actorName: "Claire", targetName: "Fromagerie", details: { from: "merchant", to: "trainer" } });
  });

  it.each(["merchant", "trainer"] as const)("a %s cannot change roles, and nothing is written", async (role) => {
    const actor = await createUser(role);
    const admin = await createUser("admin");
    await expect(changeUserRole(actor, { userId: actor.id, role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await findSessionUser(actor.id))?.role).toBe(role);
    expect(await listAuditEntries(admin)).toEqual([]);
  });

  it("the last admin cannot remove their own admin role", async () => {
    const admin = await createUser("admin");
    await expect(changeUserRole(admin, { userId: admin.id, role: "merchant" })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    expect((await findSessionUser(admin.id))?.role).toBe("admin");
    expect(await listAuditEntries(admin)).toEqual([]);
  });

  it("with two admins, one may step down", async () => {
    const first = await createUser("admin");
    await createUser("admin");
    expect((await changeUserRole(first, { userId: first.id, role: "trainer" })).role).toBe("trainer");
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const a = await createUser("admin", "A");
    const b = await createUser("admin", "B");
    const results = await Promise.allSettled([
      changeUserRole(a, { userId: b.id, role: "merchant" }),
      changeUserRole(b, { userId: a.id, role: "merchant" }),
    ]);
    const roles = [(await findSessionUser(a.id))?.role, (await findSessionUser(b.id))?.role];
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("an unknown user is NOT_FOUND", async () => {
    const admin = await createUser("admin");
    await expect(changeUserRole(admin, { userId: "nobody", role: "trainer" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists users for admins only, with search and pages", { timeout: 120_000 }, async () => {
    const admin = await createUser("admin", "Claire Admin");
    const trainer = await createUser("trainer", "Karim Formateur");
    for (let i = 0; i < USERS_PAGE_SIZE; i++) await createUser("merchant", `Boutique ${i}`);
    await expect(listUsers(trainer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const first = await listUsers(admin);
    expect(first.total).toBe(USERS_PAGE_SIZE + 2);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect(first.pageCount).toBe(2);
    const second = await listUsers(admin, { page: 2 });
    expect(second.users).toHaveLength(2);
    for (const query of ["Karim", "karim", "FORMATEUR", trainer.email.toUpperCase()]) {
      const found = await listUsers(admin, { query });
      expect(found.users.map((u) => u.id)).toEqual([trainer.id]);
    }
  });
});
