// The learner pages' reads (server/data/progress-views.ts, prepared SQL) against what Prisma reads
// from the same rows, on both engines: path, module states (instants included: PostgreSQL's columns
// have no time zone), group, attestation, and one module's progress.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { getLearnerPageState, getModulePageState, getProgressPageState } from "@/server/data/progress-views";
import { getDb } from "@/server/db";
import { createUser } from "../support/factories";
import { completeModule, watch } from "../support/learning";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const INTRO = "transition-pourquoi-vendre-en-ligne";
const MARKETPLACES = "marche-comprendre-les-places-de-marche";
const UNTOUCHED = "marche-vendre-sur-amazon";

async function prismaStates(actor: Actor) {
  const rows = await getDb().moduleProgress.findMany({ where: { userId: actor.id }, select: { moduleId: true, watchedS: true, completedAt: true, updatedAt: true } });
  return new Map(rows.map((r) => [r.moduleId, { status: r.completedAt ? "completed" : "in-progress", watchedS: r.watchedS, updatedAt: r.updatedAt }]));
}

describe(`the learner pages' reads (${engine})`, () => {
  it("a learner who opened nothing: default path, no state, no group, no attestation", async () => {
    const learner = await createUser("merchant");
    expect(await getLearnerPageState(learner)).toEqual({ isNeutralPath: false, states: new Map(), isInCohort: false });
    expect(await getProgressPageState(learner)).toEqual({ isNeutralPath: false, states: new Map(), isInCohort: false, hasAttestation: false });
    expect(await getModulePageState(learner, INTRO)).toEqual({ isNeutralPath: false, progress: null });
  });

  it("reads what Prisma reads: states with their instants, the neutral path, the group, the attestation, one module's progress", async () => {
    const learner = await createUser("merchant");
    const trainer = await createUser("trainer");
    await completeModule(learner, INTRO);
    await watch(learner, MARKETPLACES, 30);
    await getDb().user.update({ where: { id: learner.id }, data: { prefersNeutralPath: true } });
    const { id } = await createCohort(trainer, { name: "Groupe du jeudi", description: "", reminderDaysBefore: 3 });
    await joinCohort(learner, (await getCohortForTrainer(trainer, id)).joinCode!);
    await getDb().attestation.create({ data: { code: "TEST-VIEWS", userId: learner.id, learnerName: "Librairie", totalWatchedS: 0, chapterIds: "[]" } });

    const expected = await prismaStates(learner);
    expect(expected.size).toBe(2);
    const state = await getLearnerPageState(learner);
    expect(state).toEqual({ isNeutralPath: true, states: expected, isInCohort: true });
    expect(state.states.get(INTRO)!.updatedAt?.getTime()).toBe(expected.get(INTRO)!.updatedAt.getTime());
    expect(await getProgressPageState(learner)).toEqual({ isNeutralPath: true, states: expected, isInCohort: true, hasAttestation: true });

    const intro = await getDb().moduleProgress.findFirstOrThrow({ where: { userId: learner.id, moduleId: INTRO } });
    expect(await getModulePageState(learner, INTRO)).toEqual({
      isNeutralPath: true,
      progress: { status: "completed", watchedS: intro.watchedS, lastPositionS: intro.lastPositionS, quizBestScore: intro.quizBestScore, quizTotal: intro.quizTotal, isQuizPassed: true },
    });
    expect(await getModulePageState(learner, MARKETPLACES)).toEqual({
      isNeutralPath: true,
      progress: { status: "in-progress", watchedS: 30, lastPositionS: 30, quizBestScore: null, quizTotal: null, isQuizPassed: false },
    });
    expect(await getModulePageState(learner, UNTOUCHED)).toEqual({ isNeutralPath: true, progress: null });
  });

  it("a trainer of a group is not a learner in it; a module no longer in the programme is left out", async () => {
    const trainer = await createUser("trainer");
    await createCohort(trainer, { name: "Groupe du vendredi", description: "", reminderDaysBefore: 3 });
    await getDb().moduleProgress.create({ data: { userId: trainer.id, moduleId: "module-retire", chapterId: "chapitre-retire", intervals: "[]", watchedS: 12, lastPositionS: 12 } });
    expect(await getLearnerPageState(trainer)).toEqual({ isNeutralPath: false, states: new Map(), isInCohort: false });
  });
});
