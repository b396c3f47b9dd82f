import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { Actor } from "@/lib/permissions";
import { parseIntervals } from "@/lib/progress";
import { isProgrammeComplete } from "@/lib/course-completion";
import type { BusinessProfileInput } from "@/lib/schemas/account";
import { completerDeltas, emptyTally, learnerDeltas, tallyLearner } from "@/lib/stats/counters";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { inSerializableTransaction, isUniqueViolation } from "../transactions";
import { pseudonymiseAuditEntries } from "./audit";
import { handOverOwnedCohorts } from "./cohorts";
import { applyDeltas, subtractLearnerTally } from "./stat-counters";
import { releaseLiveRegistrations } from "./live-registrations";

/**
 * Mon compte: what a signed-in person changes about themselves (name, e-mail, password, business
 * profile, language) and the erasure of their account (GDPR art. 17). Every function acts on the
 * actor's own account only.
 */

export type AccountSettings = {
  name: string;
  email: string;
  role: string;
  locale: string;
  profile: { sector: string; department: string; sizeBand: string } | null;
};

export async function getAccountSettings(actor: Actor): Promise<AccountSettings> {
  const user = await getDb().user.findUnique({
    where: { id: actor.id },
    select: { name: true, email: true, role: true, locale: true, sector: true, department: true, sizeBand: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED");
  const { sector, department, sizeBand, ...rest } = user;
  return { ...rest, profile: sector && department && sizeBand ? { sector, department, sizeBand } : null };
}

export async function renameAccount(actor: Actor, name: string): Promise<void> {
  await getDb().user.update({ where: { id: actor.id }, data: { name } });
}

/** The stored password must match: a wrong one is a field error, never a hint about anything else. */
async function requirePassword(actor: Actor, password: string, field: string) {
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(password, user.passwordHash))) throw new AppError("WRONG_PASSWORD", undefined, { [field]: "errors.WRONG_PASSWORD" });
}

/**
 * The sign-in throttle rows holding the old e-mail go with it (no account has it any more, and the
 * erasure, which finds rows by the current e-mail, would miss them).
 */
export async function changeEmail(actor: Actor, input: { email: string; currentPassword: string }): Promise<void> {
  await requirePassword(actor, input.currentPassword, "currentPassword");
  try {
    await getDb().$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: actor.id }, select: { email: true } });
      if (!before) throw new AppError("UNAUTHENTICATED");
      await tx.user.update({ where: { id: actor.id }, data: { email: input.email } });
      if (before.email !== input.email) await tx.loginThrottle.deleteMany({ where: { email: before.email } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("EMAIL_TAKEN", "errors.email.taken", { email: "errors.email.taken" });
    throw error;
  }
}

export async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  await requirePassword(actor, input.currentPassword, "currentPassword");
  // Every session signed in before this second ends (lib/permissions.ts isSessionRevoked); the
  // route issues the caller's session anew.
  await getDb().user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() } });
}

export async function setAccountLocale(actor: Actor, locale: Locale): Promise<void> {
  await getDb().user.update({ where: { id: actor.id }, data: { locale } });
}

/**
 * Changes (profile) or withdraws (null) the business profile. The registration counters move from
 * the old answers to the new ones, and so do the completion counters when the learner has
 * completed the programme: a withdrawn profile is counted as "profil non renseigné" everywhere.
 */
export async function setBusinessProfile(actor: Actor, profile: BusinessProfileInput | null): Promise<void> {
  const next = profile ?? { sector: null, department: null, sizeBand: null };
  await inSerializableTransaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { role: true, createdAt: true, prefersNeutralPath: true, sector: true, department: true, sizeBand: true },
    });
    if (!user) throw new AppError("UNAUTHENTICATED");
    const updated = await tx.user.update({ where: { id: actor.id }, data: next, select: { role: true, createdAt: true, prefersNeutralPath: true, sector: true, department: true, sizeBand: true } });
    const completed = await tx.moduleProgress.findMany({ where: { userId: actor.id, completedAt: { not: null } }, select: { moduleId: true } });
    const hasCompletedProgramme = completed.length > 0 && isProgrammeComplete(getProgramme(), new Set(completed.map((r) => r.moduleId)));
    await applyDeltas(tx, [
      ...learnerDeltas(user, -1),
      ...learnerDeltas(updated, 1),
      ...(hasCompletedProgramme ? [...completerDeltas(user, -1), ...completerDeltas(updated, 1)] : []),
    ]);
  });
}

/**
 * Erases the account (confirmed by the password), in one transaction: the learner's contribution
 * leaves every statistics counter, the attestation is revoked (its public page says so), audit
 * entries about them or by them keep a pseudonym instead, e-mails to their address and their
 * sign-in throttle rows go, their id is taken off the cohorts and assignments they created, and the
 * account row goes with everything that cascades from it (profile, progress, reports, quiz
 * attempts, attestation, memberships, extensions, reminders, notifications). Sessions are signed
 * tokens: they stop working at the next request, since the account no longer exists. The last
 * admin cannot erase their account.
 */
export async function eraseAccount(actor: Actor, input: { password: string }): Promise<void> {
  await requirePassword(actor, input.password, "password");
  await inSerializableTransaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: actor.id },
      select: { id: true, email: true, role: true, createdAt: true, prefersNeutralPath: true, sector: true, department: true, sizeBand: true, lastActiveOn: true },
    });
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) throw new AppError("LAST_ADMIN_ACCOUNT");
    const [progress, quizAttempts, attestation, learnerMemberships] = await Promise.all([
      tx.moduleProgress.findMany({ where: { userId: user.id }, select: { moduleId: true, chapterId: true, watchedS: true, intervals: true, createdAt: true, completedAt: true, quizPassedAt: true } }),
      tx.quizAttempt.findMany({ where: { userId: user.id }, select: { moduleId: true, isPassed: true, createdAt: true } }),
      tx.attestation.findUnique({ where: { userId: user.id }, select: { code: true, issuedAt: true } }),
      tx.cohortMember.count({ where: { userId: user.id, role: "learner" } }),
    ]);
    const tally = emptyTally();
    tallyLearner(
      tally,
      {
        user,
        progress: progress.map((p) => ({ ...p, intervals: parseIntervals(p.intervals) })),
        quizAttempts,
        attestationIssuedAt: attestation?.issuedAt ?? null,
        isCohortLearner: learnerMemberships > 0,
      },
      getProgramme(),
    );
    await subtractLearnerTally(tx, tally);
    if (attestation) await tx.revokedAttestation.create({ data: { code: attestation.code, issuedAt: attestation.issuedAt } });
    await pseudonymiseAuditEntries(tx, user.id);
    await handOverOwnedCohorts(tx, user.id);
    await tx.assignment.updateMany({ where: { createdById: user.id }, data: { createdById: null } });
    await tx.liveSession.updateMany({ where: { createdById: user.id }, data: { createdById: null } });
    await releaseLiveRegistrations(tx, user.id, { everything: true });
    await tx.emailMessage.deleteMany({ where: { OR: [{ userId: user.id }, { toAddress: user.email }] } });
    // Their account's counters, and each address's on their account (rows holding their e-mail).
    await tx.loginThrottle.deleteMany({ where: { email: user.email } });
    await tx.user.delete({ where: { id: user.id } });
  });
}
