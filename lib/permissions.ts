/**
 * Who may do what: the one place where the role matrix lives. Pages, route handlers and the
 * data layer all ask `can(actor, permission)`; components never rebuild these rules.
 */
import type { Role } from "./roles";

export type Actor = { id: string; role: Role };

export const PERMISSIONS = {
  "programme:view": ["merchant", "trainer", "admin"],
  "account:view": ["merchant", "trainer", "admin"],
  /** Taking modules: everyone with an account can learn (trainers try the modules they assign). */
  "progress:record": ["merchant", "trainer", "admin"],
  "users:list": ["admin"],
  "users:change-role": ["admin"],
  "audit:view": ["admin"],
  "stats:view": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export type RoleChangeDecision =
  | { isAllowed: true }
  | { isAllowed: false; reason: "FORBIDDEN" | "LAST_ADMIN" };

/**
 * May `actor` give `target` the role `nextRole`? Only admins change roles, and the platform must
 * always keep one admin: the last admin cannot lose the role (whoever asks, themselves included).
 */
export function decideRoleChange(input: {
  actor: Actor;
  target: Actor;
  nextRole: Role;
  adminCount: number;
}): RoleChangeDecision {
  const { actor, target, nextRole, adminCount } = input;
  if (!can(actor, "users:change-role")) return { isAllowed: false, reason: "FORBIDDEN" };
  const isDemotingAnAdmin = target.role === "admin" && nextRole !== "admin";
  if (isDemotingAnAdmin && adminCount <= 1) return { isAllowed: false, reason: "LAST_ADMIN" };
  return { isAllowed: true };
}

/** How long a sign-in lasts, by role: staff accounts reach every merchant's data, so theirs is short. */
export const SESSION_MAX_AGE_S: Record<Role, number> = {
  merchant: 14 * 24 * 3600,
  trainer: 12 * 3600,
  admin: 8 * 3600,
};

export function isSessionExpired(role: Role, signedInAtS: number, nowS: number): boolean {
  return nowS - signedInAtS > SESSION_MAX_AGE_S[role];
}
