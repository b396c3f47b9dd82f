import "server-only";
import type { Actor } from "@/lib/permissions";
import { getDb } from "../db";

/** The learner's own setting: the parcours neutre (each vendor module replaced by its twin). */
export async function getNeutralPathPreference(actor: Actor): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { prefersNeutralPath: true } });
  return user?.prefersNeutralPath ?? false;
}

export async function setNeutralPathPreference(actor: Actor, isNeutralPath: boolean): Promise<void> {
  await getDb().user.update({ where: { id: actor.id }, data: { prefersNeutralPath: isNeutralPath } });
}
