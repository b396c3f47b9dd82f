import "server-only";
import type { Actor } from "@/lib/permissions";
import { METRIC } from "@/lib/stats/counters";
import { getDb } from "../db";
import { inSerializableTransaction } from "../transactions";
import { applyDeltas } from "./stat-counters";

/** The learner's own setting: the parcours neutre (each vendor module replaced by its twin). */
export async function getNeutralPathPreference(actor: Actor): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { prefersNeutralPath: true } });
  return user?.prefersNeutralPath ?? false;
}

export async function setNeutralPathPreference(actor: Actor, isNeutralPath: boolean): Promise<void> {
  await inSerializableTransaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { role: true, prefersNeutralPath: true } });
    if (user.prefersNeutralPath === isNeutralPath) return;
    await tx.user.update({ where: { id: actor.id }, data: { prefersNeutralPath: isNeutralPath } });
    if (user.role === "merchant") await applyDeltas(tx, [{ metric: METRIC.neutralPath, key: "", delta: isNeutralPath ? 1 : -1 }]);
  });
}

/** Reminder e-mails about assignments, on or off (in-app notifications are always kept). */
export async function getReminderPreferences(actor: Actor): Promise<{ wantsReminderEmails: boolean; wantsWeeklyDigest: boolean; trainsCohorts: boolean }> {
  const db = getDb();
  const [user, trainerRows] = await Promise.all([
    db.user.findUnique({ where: { id: actor.id }, select: { wantsReminderEmails: true } }),
    db.cohortMember.findMany({ where: { userId: actor.id, role: "trainer" }, select: { wantsWeeklyDigest: true } }),
  ]);
  // The digest choice is kept on each of the trainer's cohorts (a new cohort takes it over); a
  // trainer without a cohort has nothing to choose yet.
  return {
    wantsReminderEmails: user?.wantsReminderEmails ?? true,
    wantsWeeklyDigest: trainerRows.length === 0 || trainerRows.some((r) => r.wantsWeeklyDigest),
    trainsCohorts: trainerRows.length > 0,
  };
}

export async function setReminderEmails(actor: Actor, wantsReminderEmails: boolean): Promise<void> {
  await getDb().user.update({ where: { id: actor.id }, data: { wantsReminderEmails } });
}
