import "server-only";
import { DEPARTMENTS } from "@/lib/business-profile";
import { dayOf } from "@/lib/calendar-day";
import { dueDayFor, type DueKind } from "@/lib/cohorts/assignments";
import { AppError } from "@/lib/errors";
import { isLocale, isMessageKey, translate, type Locale } from "@/lib/i18n";
import { can, type Actor } from "@/lib/permissions";
import { parseIntervals } from "@/lib/progress";
import { accountThrottleKey } from "@/lib/throttle";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { publicUrl } from "../mail";
import { recordAudit } from "./audit";

/**
 * A learner's right of access and to data portability (GDPR art. 15 and 20): everything the platform
 * holds about the signed-in user, as one JSON document, and their learning record as xAPI statements.
 * Each export writes an "account.exported" audit entry (actor = target = the user).
 *
 * The JSON holds nothing about anyone else: no other person's id or e-mail. The trainers of the
 * learner's cohorts and the staff who acted on their data are named (by name only), since the
 * learner has a right to know who handles their data. Reads take a constant number of queries
 * whatever the learner's activity (one for the account, then one batch).
 */

/** The document's format; bump the version when a field changes meaning or goes away. */
export const ACCOUNT_EXPORT_FORMAT = { name: "accelerateur-libre.account-export", version: 1 } as const;

/**
 * Every table of prisma/models.prisma, and where its rows about the user go in the export — or why
 * it holds nothing about them. tests/integration/account-export.test.ts reads Prisma's model list and
 * fails when a model is in neither list, and when a model that points at a User (a relation, or a
 * userId-like column) is left out. The account erasure covers the same tables.
 */
export const LEARNER_DATA_TABLES = {
  User: "account, businessProfile (the password is kept only as a hash, which is not exported)",
  ModuleProgress: "progress",
  ProgressReport: "progressReports",
  QuizAttempt: "quizAttempts",
  Attestation: "attestation",
  CohortMember: "cohorts (role, joinedAt, wantsWeeklyDigest)",
  Cohort: "cohorts (those they belong to or created: id, name, isOwner, their trainers' names)",
  Assignment: "assignments (of the cohorts they learn in, those with an extension for them, those they created)",
  AssignmentExtension: "assignments[].extension",
  Reminder: "reminders",
  Notification: "notifications",
  EmailMessage: "emails (linked to the account, or sent to its address: cohort invitations)",
  AuditEntry: "auditEntries (about them or by them)",
  LiveSession: "liveSessions (those they registered for, and those they scheduled: title, times, place, replay)",
  LiveRegistration: "liveSessions[].registration (registeredAt, attended)",
  LiveReminder: "liveReminders",
  LoginThrottle: "signInThrottle and signInThrottleByAddress (rows holding their e-mail: failed sign-ins on their account, from all addresses and from each one — the address itself is not theirs to see)",
} as const;

export const TABLES_WITHOUT_LEARNER_DATA = {
  RevokedAttestation: "public code and dates of attestations whose learner erased their account: nobody living",
  ModuleStat: "aggregate counters per module, no person",
  ChapterStat: "aggregate counters per chapter, no person",
  ProgrammeStat: "aggregate counters for the programme, no person",
  ModuleSliceStat: "aggregate audience retention per module slice, no person",
  StatCounter: "aggregate counters (weeks, sectors, régions…), no person; small cells are suppressed on the way out",
} as const;

type Iso = string;
const iso = (date: Date): Iso => date.toISOString();
const isoOrNull = (date: Date | null): Iso | null => (date ? date.toISOString() : null);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export type Labelled = { id: string; label: string };

/** An audit entry's actor as the learner may see it: themselves, a named person, an erased account's pseudonym, or the platform. */
export type ExportedAuditPerson = { kind: "me" } | { kind: "person"; name: string } | { kind: "erased"; pseudonym: string } | { kind: "platform" };

export type AccountExport = {
  format: typeof ACCOUNT_EXPORT_FORMAT;
  exportedAt: Iso;
  platform: { name: string; url: string };
  account: {
    id: string;
    email: string;
    name: string;
    role: string;
    locale: string;
    createdAt: Iso;
    updatedAt: Iso;
    lastActiveOn: string | null;
    /** When the password was last changed (it ended the sessions signed in before); null: never. */
    passwordChangedAt: Iso | null;
    preferences: { prefersNeutralPath: boolean; wantsReminderEmails: boolean };
    /** Their private calendar feed's address, while it exists (revocable on Mon compte). */
    calendarFeedUrl: string | null;
  };
  businessProfile: { sector: Labelled | null; department: Labelled | null; sizeBand: Labelled | null } | null;
  progress: {
    moduleId: string;
    moduleTitle: string;
    chapterId: string;
    chapterTitle: string;
    watchedIntervals: [number, number][];
    watchedS: number;
    lastPositionS: number;
    lastReportAt: Iso | null;
    quizBestScore: number | null;
    quizTotal: number | null;
    quizPassedAt: Iso | null;
    completedAt: Iso | null;
    createdAt: Iso;
    updatedAt: Iso;
  }[];
  progressReports: { reportId: string; moduleId: string; sessionStartedAt: Iso; addedS: number; receivedAt: Iso }[];
  quizAttempts: { id: string; moduleId: string; score: number; total: number; isPassed: boolean; answers: unknown; createdAt: Iso }[];
  attestation: { code: string; learnerName: string; issuedAt: Iso; chapters: Labelled[]; totalWatchedS: number } | null;
  cohorts: {
    id: string;
    name: string;
    /** Their role in the cohort; null for a cohort they created and are no longer in. */
    role: string | null;
    joinedAt: Iso | null;
    wantsWeeklyDigest: boolean | null;
    isOwner: boolean;
    trainerNames: string[];
  }[];
  assignments: {
    id: string;
    cohortId: string;
    item: { kind: string; id: string; title: string };
    dueRule: { kind: string; dueOn: string | null; dueDays: number | null };
    /** Their own due day (Europe/Paris calendar day): the extension, else the rule from the day they joined. */
    myDueOn: string | null;
    extension: { dueOn: string; grantedAt: Iso } | null;
    isCreatedByMe: boolean;
    createdAt: Iso;
  }[];
  reminders: { id: string; assignmentId: string; kind: string; day: string; dueOn: string; emailId: string | null; createdAt: Iso }[];
  liveSessions: {
    id: string;
    cohortId: string;
    title: string;
    startsAt: Iso;
    durationMin: number;
    placeKind: string;
    cancelledAt: Iso | null;
    replayUrl: string | null;
    isScheduledByMe: boolean;
    /** Their registration; null for a session they scheduled without registering. `attended`: null until marked. */
    registration: { registeredAt: Iso; attended: boolean | null } | null;
  }[];
  liveReminders: { sessionId: string; kind: string; createdAt: Iso }[];
  notifications: { id: string; kind: string; data: unknown; readAt: Iso | null; createdAt: Iso }[];
  emails: { id: string; toAddress: string; subject: string; text: string; status: string; createdAt: Iso; sentAt: Iso | null }[];
  auditEntries: { id: string; action: string; createdAt: Iso; actor: ExportedAuditPerson; isAboutMe: boolean; details: unknown }[];
  signInThrottle: ExportedThrottle | null;
  signInThrottleByAddress: ExportedThrottle[];
};

type ExportedThrottle = { failures: number; windowStartsAt: Iso; lockedUntil: Iso | null };

function exportedThrottle(row: { failures: number; windowStartsAt: Date; lockedUntil: Date | null }): ExportedThrottle {
  return { failures: row.failures, windowStartsAt: iso(row.windowStartsAt), lockedUntil: isoOrNull(row.lockedUntil) };
}

const DEPARTMENT_NAMES = new Map<string, string>(DEPARTMENTS);

function label(locale: Locale, key: string, fallback: string): string {
  return isMessageKey(key) ? translate(locale, key) : fallback;
}

/** The platform's public address, without a trailing slash (the export's `platform`, xAPI's activity ids). */
export function platformUrl(): string {
  return publicUrl("/").replace(/\/+$/, "");
}

/** The exporting account as stored, after the permission check (the JSON and the xAPI exports). */
export async function requireAccount(actor: Actor) {
  if (!can(actor, "account:export")) throw new AppError("FORBIDDEN");
  const user = await getDb().user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Everything the platform holds about the signed-in user, as one JSON-serialisable document (see the README). */
export async function exportLearnerData(actor: Actor, now: Date): Promise<AccountExport> {
  const user = await requireAccount(actor);
  const userId = user.id;
  const db = getDb();
  // One batch, one transaction: the reads see one state, and the audit entry is written with them.
  const [progress, reports, attempts, attestation, cohorts, assignments, reminders, liveSessions, liveReminders, notifications, emails, auditEntries, throttles] = await db.$transaction([
    db.moduleProgress.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { moduleId: "asc" }] }),
    db.progressReport.findMany({ where: { userId }, orderBy: [{ receivedAt: "asc" }, { reportId: "asc" }] }),
    db.quizAttempt.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.attestation.findUnique({ where: { userId } }),
    db.cohort.findMany({
      where: { OR: [{ members: { some: { userId } } }, { ownerId: userId }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        ownerId: true,
        members: {
          where: { OR: [{ userId }, { role: "trainer" }] },
          orderBy: { joinedAt: "asc" },
          // userId only to tell the learner's own row from the trainers'; it is not exported.
          select: { userId: true, role: true, joinedAt: true, wantsWeeklyDigest: true, user: { select: { name: true } } },
        },
      },
    }),
    db.assignment.findMany({
      where: { OR: [{ cohort: { members: { some: { userId, role: "learner" } } } }, { extensions: { some: { userId } } }, { createdById: userId }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        cohortId: true,
        itemKind: true,
        itemId: true,
        dueKind: true,
        dueOn: true,
        dueDays: true,
        createdById: true,
        createdAt: true,
        extensions: { where: { userId }, select: { dueOn: true, createdAt: true } },
      },
    }),
    db.reminder.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.liveSession.findMany({
      where: { OR: [{ registrations: { some: { userId } } }, { createdById: userId }] },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        cohortId: true,
        title: true,
        startsAt: true,
        durationMin: true,
        placeKind: true,
        cancelledAt: true,
        replayUrl: true,
        createdById: true,
        registrations: { where: { userId }, select: { createdAt: true, attended: true } },
      },
    }),
    db.liveReminder.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { sessionId: "asc" }, { kind: "asc" }] }),
    db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.emailMessage.findMany({
      where: { OR: [{ userId }, { toAddress: user.email }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, toAddress: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
    }),
    db.auditEntry.findMany({
      where: { OR: [{ actorId: userId }, { targetUserId: userId }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, action: true, createdAt: true, details: true, actorId: true, actorPseudonym: true, targetUserId: true, actor: { select: { name: true } } },
    }),
    db.loginThrottle.findMany({
      where: { email: user.email },
      orderBy: [{ windowStartsAt: "asc" }, { key: "asc" }],
      select: { key: true, failures: true, windowStartsAt: true, lockedUntil: true },
    }),
    recordAudit(db, { action: "account.exported", actorId: userId, targetUserId: userId, details: { format: "json" }, createdAt: now }),
  ]);

  const locale: Locale = isLocale(user.locale) ? user.locale : "fr";
  const accountThrottle = throttles.find((row) => row.key === accountThrottleKey(user.email)) ?? null;
  const programme = getProgramme();
  const chapterTitle = (id: string): string => programme.chapters.find((c) => c.id === id)?.title[locale] ?? id;
  const moduleTitle = (id: string): string => programme.modulesById.get(id)?.title[locale] ?? id;
  const joinedAtByCohort = new Map<string, Date>();
  for (const cohort of cohorts) {
    const mine = cohort.members.find((m) => m.userId === userId && m.role === "learner");
    if (mine) joinedAtByCohort.set(cohort.id, mine.joinedAt);
  }
  const hasProfile = user.sector !== null || user.department !== null || user.sizeBand !== null;

  return {
    format: ACCOUNT_EXPORT_FORMAT,
    exportedAt: iso(now),
    platform: { name: "Accélérateur libre", url: platformUrl() },
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: user.locale,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
      lastActiveOn: user.lastActiveOn,
      passwordChangedAt: isoOrNull(user.passwordChangedAt),
      preferences: { prefersNeutralPath: user.prefersNeutralPath, wantsReminderEmails: user.wantsReminderEmails },
      calendarFeedUrl: user.calendarToken ? publicUrl(`/api/calendar/${user.calendarToken}`) : null,
    },
    businessProfile: hasProfile
      ? {
          sector: user.sector ? { id: user.sector, label: label(locale, `sector.${user.sector}`, user.sector) } : null,
          department: user.department ? { id: user.department, label: DEPARTMENT_NAMES.get(user.department) ?? user.department } : null,
          sizeBand: user.sizeBand ? { id: user.sizeBand, label: label(locale, `sizeBand.${user.sizeBand}`, user.sizeBand) } : null,
        }
      : null,
    progress: progress.map((row) => ({
      moduleId: row.moduleId,
      moduleTitle: moduleTitle(row.moduleId),
      chapterId: row.chapterId,
      chapterTitle: chapterTitle(row.chapterId),
      watchedIntervals: parseIntervals(row.intervals).map(([startS, endS]) => [startS, endS]),
      watchedS: row.watchedS,
      lastPositionS: row.lastPositionS,
      lastReportAt: isoOrNull(row.lastReportAt),
      quizBestScore: row.quizBestScore,
      quizTotal: row.quizTotal,
      quizPassedAt: isoOrNull(row.quizPassedAt),
      completedAt: isoOrNull(row.completedAt),
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    progressReports: reports.map((r) => ({ reportId: r.reportId, moduleId: r.moduleId, sessionStartedAt: iso(r.sessionStartedAt), addedS: r.addedS, receivedAt: iso(r.receivedAt) })),
    quizAttempts: attempts.map((a) => ({ id: a.id, moduleId: a.moduleId, score: a.score, total: a.total, isPassed: a.isPassed, answers: parseJson(a.answers), createdAt: iso(a.createdAt) })),
    attestation: attestation
      ? {
          code: attestation.code,
          learnerName: attestation.learnerName,
          issuedAt: iso(attestation.issuedAt),
          chapters: (parseJson(attestation.chapterIds) as string[]).map((id) => ({ id, label: chapterTitle(id) })),
          totalWatchedS: attestation.totalWatchedS,
        }
      : null,
    cohorts: cohorts.map((cohort) => {
      const mine = cohort.members.find((m) => m.userId === userId);
      return {
        id: cohort.id,
        name: cohort.name,
        role: mine?.role ?? null,
        joinedAt: mine ? iso(mine.joinedAt) : null,
        wantsWeeklyDigest: mine ? mine.wantsWeeklyDigest : null,
        isOwner: cohort.ownerId === userId,
        trainerNames: cohort.members.filter((m) => m.role === "trainer").map((m) => m.user.name),
      };
    }),
    assignments: assignments.map((a) => {
      const extension = a.extensions[0] ?? null;
      const joinedAt = joinedAtByCohort.get(a.cohortId);
      const rule = { dueKind: a.dueKind as DueKind, dueOn: a.dueOn, dueDays: a.dueDays };
      return {
        id: a.id,
        cohortId: a.cohortId,
        item: { kind: a.itemKind, id: a.itemId, title: a.itemKind === "chapter" ? chapterTitle(a.itemId) : moduleTitle(a.itemId) },
        dueRule: { kind: a.dueKind, dueOn: a.dueOn, dueDays: a.dueDays },
        myDueOn: joinedAt ? dueDayFor(rule, dayOf(joinedAt), extension?.dueOn ?? null) : (extension?.dueOn ?? null),
        extension: extension ? { dueOn: extension.dueOn, grantedAt: iso(extension.createdAt) } : null,
        isCreatedByMe: a.createdById === userId,
        createdAt: iso(a.createdAt),
      };
    }),
    reminders: reminders.map((r) => ({ id: r.id, assignmentId: r.assignmentId, kind: r.kind, day: r.day, dueOn: r.dueOn, emailId: r.emailId, createdAt: iso(r.createdAt) })),
    liveSessions: liveSessions.map(({ registrations, createdById, startsAt, cancelledAt, ...session }) => ({
      ...session,
      startsAt: iso(startsAt),
      cancelledAt: isoOrNull(cancelledAt),
      isScheduledByMe: createdById === userId,
      registration: registrations[0] ? { registeredAt: iso(registrations[0].createdAt), attended: registrations[0].attended } : null,
    })),
    liveReminders: liveReminders.map((r) => ({ sessionId: r.sessionId, kind: r.kind, createdAt: iso(r.createdAt) })),
    notifications: notifications.map((n) => ({ id: n.id, kind: n.kind, data: parseJson(n.data), readAt: isoOrNull(n.readAt), createdAt: iso(n.createdAt) })),
    emails: emails.map((e) => ({ id: e.id, toAddress: e.toAddress, subject: e.subject, text: e.text, status: e.status, createdAt: iso(e.createdAt), sentAt: isoOrNull(e.sentAt) })),
    auditEntries: auditEntries.map((e) => ({
      id: e.id,
      action: e.action,
      createdAt: iso(e.createdAt),
      actor: e.actorId === userId ? { kind: "me" } : e.actor ? { kind: "person", name: e.actor.name } : e.actorPseudonym ? { kind: "erased", pseudonym: e.actorPseudonym } : { kind: "platform" },
      isAboutMe: e.targetUserId === userId,
      details: parseJson(e.details),
    })),
    signInThrottle: accountThrottle ? exportedThrottle(accountThrottle) : null,
    // One address's failures on their account, without the address: it may be someone else's.
    signInThrottleByAddress: throttles.filter((row) => row !== accountThrottle).map(exportedThrottle),
  };
}

/** "mes-donnees-accelerateur-libre-2026-12-01.json", "…-xapi-2026-12-01.json": the day in Europe/Paris. */
export function exportFilename(format: "json" | "xapi", now: Date): string {
  return `mes-donnees-accelerateur-libre${format === "xapi" ? "-xapi" : ""}-${dayOf(now)}.json`;
}
