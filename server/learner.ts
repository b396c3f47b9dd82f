import "server-only";
import { summarizeLearner, type LearnerSummary, type ModuleState } from "@/lib/learner-summary";
import type { Actor } from "@/lib/permissions";
import { getProgramme } from "./content";
import { getLearnerProgress } from "./data/progress";

export async function getModuleStates(actor: Actor): Promise<Map<string, ModuleState>> {
  const views = await getLearnerProgress(actor);
  return new Map([...views].map(([id, v]) => [id, { status: v.status, watchedS: v.watchedS, updatedAt: v.updatedAt }]));
}

export async function getLearnerSummary(actor: Actor, isNeutralPath: boolean): Promise<LearnerSummary> {
  return summarizeLearner(getProgramme(), await getModuleStates(actor), isNeutralPath);
}
