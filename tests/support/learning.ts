// Real progress through the real data layer (the way the player and the quiz make it), for the
// cohort integration tests.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/permissions";
import { getModule } from "@/server/content";
import { recordProgressReport, recordQuizAttempt } from "@/server/data/progress";
import { createPlaybackSession } from "@/server/playback-session";

/** Session start of every report: the tests' "wall clock" for the player. */
const T0 = Date.parse("2026-11-24T10:00:00Z");

function moduleOrThrow(moduleId: string) {
  const m = getModule(moduleId);
  if (!m) throw new Error(`No module ${moduleId} in content/`);
  return m;
}

/** Watches the first `seconds` of a module (reported after as much wall-clock time). */
export async function watch(actor: Actor, moduleId: string, seconds: number) {
  const m = moduleOrThrow(moduleId);
  await recordProgressReport(
    actor,
    { reportId: randomUUID(), moduleId, session: createPlaybackSession(actor.id, moduleId, T0), intervals: [[0, seconds]], positionS: seconds },
    new Date(T0 + seconds * 1000 + 1000),
  );
}

/** Watches a whole module and passes its quiz: the module is completed. */
export async function completeModule(actor: Actor, moduleId: string) {
  const m = moduleOrThrow(moduleId);
  await watch(actor, moduleId, m.durationS);
  await recordQuizAttempt(actor, { moduleId, answers: m.quiz.map((q) => q.answer) }, new Date(T0 + m.durationS * 1000 + 2000));
}
