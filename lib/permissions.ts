/**
 * Who may do what: the one place where the role matrix lives. Pages, route handlers and the
 * data layer all ask `can(actor, permission)`; components never rebuild these rules.
 */
import type { Role } from "./roles";

export type Actor = { id: string; role: Role };

export const PERMISSIONS = {
  "programme:view": ["merchant", "trainer", "admin"],
  "account:view": ["merchant", "trainer", "admin"],
  /** Downloading everything the platform holds about oneself (JSON and xAPI; GDPR art. 15 and 20). */
  "account:export": ["merchant", "trainer", "admin"],
  /** Changing one's own name, e-mail, password, profile, language; erasing one's own account. */
  "account:manage": ["merchant", "trainer", "admin"],
  /** Taking modules: everyone with an account can learn (trainers try the modules they assign). */
  "progress:record": ["merchant", "trainer", "admin"],
  "users:list": ["admin"],
  "users:change-role": ["admin"],
  "audit:view": ["admin"],
  "stats:view": ["admin"],
  /** Creating cohorts, assigning, following learners: trainers, within the cohorts they train (server/data/cohorts.ts). */
  "cohorts:train": ["trainer"],
  /** Joining a cohort as a learner, seeing one's "À faire". */
  "cohorts:join": ["merchant"],
  "notifications:view": ["merchant", "trainer", "admin"],
  /** The e-mails kept when no SMTP server is configured (and the history of those sent). */
  "outbox:view": ["admin"],
  /** « Fraîcheur des contenus »: the age of every comparison cell, and its CSV. */
  "content:review": ["admin"],
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

/**
 * A password change ends every session signed in before it (a sign-in is known to the second):
 * whoever had the old password is out. The session that made the change is issued anew at once.
 */
export function isSessionRevoked(signedInAtS: number, passwordChangedAt: Date | null): boolean {
  return passwordChangedAt !== null && signedInAtS < Math.floor(passwordChangedAt.getTime() / 1000);
}

/** A person's place in a cohort ("trainer" or "learner"), or null when they are not in it. */
export type CohortRole = "trainer" | "learner";
export type CohortAccess = { role: CohortRole | null; isOwner: boolean };

/**
 * What a signed-in user may do in one cohort. Trainers act only in the cohorts they train; only the
 * owner (who created it) adds or removes co-trainers. Anyone else gets "none", which the data
 * layer answers as 404: whether a cohort exists is private.
 */
export function cohortAbilities(actor: Actor, access: CohortAccess) {
  const isTrainer = can(actor, "cohorts:train") && access.role === "trainer";
  return {
    canView: isTrainer,
    canManage: isTrainer,
    canManageTrainers: isTrainer && access.isOwner,
    isLearner: access.role === "learner",
  };
}
