// Real progress through the real data layer (the way the player and the quiz make it), for the
// cohort integration tests.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/permissions";
import { getModule } from "@/server/content";
import { recordProgressReport, recordQuizAttempt } from "@/server/data/progress";
import { createPlaybackSession } from "@/server/playback-session";

/** Start of the tests' "wall clock" for the player. */
const T0 = Date.parse("2026-11-24T10:00:00Z");

/**
 * Each learner's clock (ms after T0): one module after the other, as a person watches them (the
 * watch budget is per learner, so modules "watched" at the same moment would share one budget).
 */
const clocks = new Map<string, number>();

function moduleOrThrow(moduleId: string) {
  const m = getModule(moduleId);
  if (!m) throw new Error(`No module ${moduleId} in content/`);
  return m;
}

/** Watches the first `seconds` of a module (reported after as much wall-clock time, after the learner's previous watching). */
export async function watch(actor: Actor, moduleId: string, seconds: number) {
  moduleOrThrow(moduleId);
  const startMs = T0 + (clocks.get(actor.id) ?? 0);
  await recordProgressReport(
    actor,
    { reportId: randomUUID(), moduleId, session: createPlaybackSession(actor.id, moduleId, startMs), intervals: [[0, seconds]], positionS: seconds },
    new Date(startMs + seconds * 1000 + 1000),
  );
  clocks.set(actor.id, startMs - T0 + seconds * 1000 + 2000);
}

/** Watches a whole module and passes its quiz: the module is completed. */
export async function completeModule(actor: Actor, moduleId: string) {
  const m = moduleOrThrow(moduleId);
  await watch(actor, moduleId, m.durationS);
  const quizMs = T0 + clocks.get(actor.id)!;
  await recordQuizAttempt(actor, { moduleId, answers: m.quiz.map((q) => q.answer) }, new Date(quizMs));
  clocks.set(actor.id, quizMs - T0 + 5000);
}
