import { describe, expect, it } from "vitest";
import { can, decideRoleChange, isSessionExpired, isSessionRevoked, PERMISSIONS, SESSION_MAX_AGE_S, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

describe("can", () => {
  const table: [Role | null, Permission, boolean][] = [
    [null, "programme:view", false],
    ["merchant", "programme:view", true],
    ["merchant", "users:list", false],
    ["merchant", "users:change-role", false],
    ["trainer", "users:list", false],
    ["trainer", "audit:view", false],
    ["admin", "users:list", true],
    ["admin", "users:change-role", true],
    ["admin", "audit:view", true],
  ];
  it.each(table)("%s may %s: %s", (role, permission, expected) => {
    expect(can(role ? { id: "u1", role } : null, permission)).toBe(expected);
  });

  it("lists only known roles in the matrix", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});

describe("decideRoleChange", () => {
  const admin = { id: "a1", role: "admin" as const };
  const table: [string, Parameters<typeof decideRoleChange>[0], ReturnType<typeof decideRoleChange>][] = [
    ["admin promotes a merchant", { actor: admin, target: { id: "m", role: "merchant" }, nextRole: "trainer", adminCount: 1 }, { isAllowed: true }],
    ["trainer cannot change roles", { actor: { id: "t", role: "trainer" }, target: { id: "m", role: "merchant" }, nextRole: "admin", adminCount: 1 }, { isAllowed: false, reason: "FORBIDDEN" }],
    ["merchant cannot promote itself", { actor: { id: "m", role: "merchant" }, target: { id: "m", role: "merchant" }, nextRole: "admin", adminCount: 1 }, { isAllowed: false, reason: "FORBIDDEN" }],
    ["last admin cannot demote itself", { actor: admin, target: admin, nextRole: "merchant", adminCount: 1 }, { isAllowed: false, reason: "LAST_ADMIN" }],
    ["an admin among two can step down", { actor: admin, target: admin, nextRole: "trainer", adminCount: 2 }, { isAllowed: true }],
    ["admin demotes another admin when two remain", { actor: admin, target: { id: "a2", role: "admin" }, nextRole: "merchant", adminCount: 2 }, { isAllowed: true }],
    ["keeping the admin role is always fine", { actor: admin, target: admin, nextRole: "admin", adminCount: 1 }, { isAllowed: true }],
  ];
  it.each(table)("%s", (_name, input, expected) => {
    expect(decideRoleChange(input)).toEqual(expected);
  });
});

describe("session age", () => {
  it("keeps staff sessions at most 12 hours", () => {
    expect(SESSION_MAX_AGE_S.trainer).toBeLessThanOrEqual(12 * 3600);
    expect(SESSION_MAX_AGE_S.admin).toBeLessThanOrEqual(12 * 3600);
  });
  const table: [Role, number, boolean][] = [
    ["admin", 8 * 3600, false],
    ["admin", 8 * 3600 + 1, true],
    ["trainer", 12 * 3600 + 1, true],
    ["merchant", 12 * 3600 + 1, false],
    ["merchant", 14 * 24 * 3600 + 1, true],
  ];
  it.each(table)("%s signed in %i s ago is expired: %s", (role, ageS, expected) => {
    expect(isSessionExpired(role, 1_000_000, 1_000_000 + ageS)).toBe(expected);
  });
});

describe("sessions ended by a password change", () => {
  const changedAt = new Date("2026-12-02T10:00:00.750Z");
  const changedAtS = Math.floor(changedAt.getTime() / 1000);
  const table: [string, number, Date | null, boolean][] = [
    ["never changed", changedAtS - 3600, null, false],
    ["signed in an hour before the change", changedAtS - 3600, changedAt, true],
    ["signed in the second before", changedAtS - 1, changedAt, true],
    ["signed in the same second (the session issued anew by the change)", changedAtS, changedAt, false],
    ["signed in after the change", changedAtS + 60, changedAt, false],
  ];
  it.each(table)("%s", (_name, signedInAtS, passwordChangedAt, expected) => {
    expect(isSessionRevoked(signedInAtS, passwordChangedAt)).toBe(expected);
  });
});
