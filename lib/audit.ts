/**
 * The audit log's vocabulary: the actions it records, who an entry names (a person, an erased
 * account's pseudonym, or the platform itself), the period a filter covers, and each entry in
 * words. Pure: the reads and writes are server/data/audit.ts.
 */
import { addDays, lastSecondOf, type Day } from "./calendar-day";
import type { MessageKey, Translate } from "./i18n";
import { isRole, type Role } from "./roles";
import { pseudonymCode } from "./audit-pseudonym";

/** Every action the log records; the admin page's "what" filter offers these, in this order. */
export const AUDIT_ACTIONS = ["learner.viewed", "attendance.viewed", "cohort.exported", "account.exported", "users.listed", "user.role-changed"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** Who an entry names: an account, the pseudonym left by an erased account, or nobody (the platform). */
export type AuditPerson = { kind: "user"; id: string; name: string; role: Role | null } | { kind: "erased"; pseudonym: string } | { kind: "system" };

/** The person behind an (id, relation, pseudonym) triple as stored on an entry. */
export function auditPerson(user: { id: string; name: string; role: string } | null, pseudonym: string | null): AuditPerson {
  if (user) return { kind: "user", id: user.id, name: user.name, role: isRole(user.role) ? user.role : null };
  if (pseudonym) return { kind: "erased", pseudonym };
  return { kind: "system" };
}

/** A person in words: "Karim Benali (Formateur·rice)", "Compte supprimé n° 3F9A1C2E", "le système". */
export function personText(person: AuditPerson, t: Translate, options: { withRole?: boolean } = {}): string {
  if (person.kind === "user") return options.withRole && person.role ? t("audit.who.userWithRole", { name: person.name, role: t(`role.${person.role}`) }) : person.name;
  if (person.kind === "erased") {
    const code = pseudonymCode(person.pseudonym);
    return code ? t("audit.who.erased", { code }) : person.pseudonym;
  }
  return t("audit.who.system");
}

/** One entry as the pages show it (the details parsed, the cohort's name resolved when it names one). */
export type AuditLogEntry = {
  id: string;
  action: AuditAction;
  createdAt: Date;
  actor: AuditPerson;
  /** Null when the entry is about no single person (a list of accounts, a cohort's CSV). */
  target: AuditPerson | null;
  details: Record<string, unknown>;
  /** The cohort named by the details: its name, null when it was deleted, undefined when none is named. */
  cohortName?: string | null;
};

/** How many accesses a learner's "Qui voit mes données" section lists at most (the latest). */
export const LEARNER_ACCESSES_LIMIT = 100;

/** What a learner's "Qui voit mes données" section lists: accesses by someone else. */
export type LearnerDataAccess = Omit<AuditLogEntry, "target">;

export const AUDIT_ACTION_LABEL: Record<AuditAction, MessageKey> = {
  "learner.viewed": "audit.action.learner.viewed",
  "attendance.viewed": "audit.action.attendance.viewed",
  "cohort.exported": "audit.action.cohort.exported",
  "account.exported": "audit.action.account.exported",
  "users.listed": "audit.action.users.listed",
  "user.role-changed": "audit.action.user.role-changed",
};

const ACCESS_SENTENCE: Record<AuditAction, MessageKey> = {
  "learner.viewed": "audit.access.learner.viewed",
  "attendance.viewed": "audit.access.attendance.viewed",
  "cohort.exported": "audit.access.cohort.exported",
  "account.exported": "audit.access.account.exported",
  "users.listed": "audit.access.users.listed",
  "user.role-changed": "audit.access.user.role-changed",
};

function roleText(value: unknown, t: Translate): string {
  return isRole(value) ? t(`role.${value}`) : t("audit.details.unknown");
}

function cohortText(entry: Pick<AuditLogEntry, "cohortName">, t: Translate): string {
  return entry.cohortName ? entry.cohortName : t("audit.details.deletedCohort");
}

function formatText(value: unknown, t: Translate): string {
  return value === "json" ? t("audit.details.formatJson") : value === "xapi" ? t("audit.details.formatXapi") : t("audit.details.unknown");
}

/** The details of an entry in words, for the admin page (never an id). */
export function auditDetailsText(entry: Pick<AuditLogEntry, "action" | "details" | "cohortName">, t: Translate): string {
  const { details } = entry;
  switch (entry.action) {
    case "learner.viewed":
    case "attendance.viewed":
      return t("audit.details.cohort", { cohort: cohortText(entry, t) });
    case "cohort.exported":
      return t("audit.details.cohortExport", { cohort: cohortText(entry, t), count: typeof details.learners === "number" ? details.learners : "?" });
    case "account.exported":
      return formatText(details.format, t);
    case "users.listed":
      return t(details.isSearch === true ? "audit.details.usersPageSearch" : "audit.details.usersPage", { page: typeof details.page === "number" ? details.page : "?" });
    case "user.role-changed":
      return t("audit.details.roleChange", { from: roleText(details.from, t), to: roleText(details.to, t) });
  }
}

/** Whose data an entry is about, in words: the person, or what the action reached when it is no single person. */
export function targetText(entry: Pick<AuditLogEntry, "action" | "target">, t: Translate): string {
  if (entry.target) return personText(entry.target, t);
  if (entry.action === "cohort.exported") return t("audit.target.cohortLearners");
  if (entry.action === "users.listed") return t("audit.target.allAccounts");
  return t("audit.target.none");
}

/** One access to a learner's data as a sentence addressed to them ("Karim (Formateur·rice) a consulté votre progression…"). */
export function accessSentence(access: LearnerDataAccess, t: Translate): string {
  const who = personText(access.actor, t, { withRole: true });
  const { details } = access;
  return t(ACCESS_SENTENCE[access.action], {
    who,
    cohort: cohortText(access, t),
    from: roleText(details.from, t),
    to: roleText(details.to, t),
    format: formatText(details.format, t),
  });
}

/**
 * The instants a period of calendar days in Europe/Paris covers: from the first second of `from`
 * to the first second of the day after `to` (excluded). Either end may be open.
 */
export function auditPeriod(from: Day | undefined, to: Day | undefined): { gte?: Date; lt?: Date } {
  const startOf = (day: Day) => new Date(lastSecondOf(addDays(day, -1)).getTime() + 1000);
  return { ...(from ? { gte: startOf(from) } : {}), ...(to ? { lt: startOf(addDays(to, 1)) } : {}) };
}
