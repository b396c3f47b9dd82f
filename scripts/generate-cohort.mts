// A big cohort for the cohort-dashboard benchmark: a trainer, a cohort, N merchants who joined on
// varied days, three assignments (a chapter due on a fixed day already past, a chapter due N days
// after joining, one vendor module) and a realistic spread of progress: some finished, some
// half-way, many nothing, some on the neutral twins of vendor modules, some elsewhere in the programme.
//
// Alone, on a database that is already migrated (npm run db:migrate), DATABASE_URL must be set:
//   DATABASE_URL=file:/tmp/big.db node --conditions=react-server --import tsx scripts/generate-cohort.mts --learners 1000
// prints {"cohortId": …, "trainerId": …, …} as JSON. bench/cohort-dashboard.bench.mts imports generateCohort().
//
// Speed: the merchants and most progress rows are bulk-inserted (server/data/bench-fixtures.ts, a
// precomputed password hash, no counters); the first four learners' progress goes through the
// player's own functions (recordProgressReport, recordQuizAttempt) with an injected clock, like the demo seed.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { addDays, dayOf } from "@/lib/calendar-day";
import { chapterSlots } from "@/lib/course-completion";
import type { Chapter, Module, Programme } from "@/lib/content/types";
import type { Actor } from "@/lib/permissions";
import { getProgramme } from "@/server/content";
import { createAssignment, setExtension, type AssignmentView } from "@/server/data/assignments";
import { insertBenchLearners, insertBenchProgress, type BenchLearner, type BenchProgressRow } from "@/server/data/bench-fixtures";
import { createCohort } from "@/server/data/cohorts";
import { recordProgressReport, recordQuizAttempt } from "@/server/data/progress";
import { createUserWithRole } from "@/server/data/users";
import { createPlaybackSession } from "@/server/playback-session";
import { seededRandom } from "@/lib/seeded-random";

const DAY_MS = 86_400_000;
const SHOPS = ["Boulangerie", "Fleuriste", "Librairie", "Épicerie fine", "Atelier", "Cave", "Quincaillerie", "Boutique", "Mercerie", "Torréfaction", "Savonnerie", "Poterie"];
const NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc"];
const SECTORS = ["alimentation", "artisanat", "mode", "maison", "services", "culture"];

const random = seededRandom;

/** What is assigned: picked from the programme so that content edits do not break the generator. */
function pickItems(programme: Programme) {
  const hasTwin = (c: Chapter) => c.modules.some((m) => m.neutralTwinId);
  const fixedChapter = programme.chapters[0]!;
  const relativeChapter = programme.chapters.find((c) => c !== fixedChapter && hasTwin(c)) ?? programme.chapters[1]!;
  const vendorModule = programme.chapters
    .filter((c) => c !== fixedChapter && c !== relativeChapter)
    .flatMap((c) => c.modules)
    .find((m) => m.neutralTwinId)!;
  const elsewhere = programme.chapters.find((c) => c !== fixedChapter && c !== relativeChapter && c.id !== vendorModule.chapterId)!;
  return { fixedChapter, relativeChapter, vendorModule, elsewhere };
}

export type GeneratedCohort = {
  cohortId: string;
  trainer: Actor;
  learners: (BenchLearner & { prefersNeutral: boolean })[];
  /** Every progress row written (bulk and through the player's functions), for checks and the arithmetic timing. */
  progress: BenchProgressRow[];
  assignments: AssignmentView[];
  extensions: { assignmentId: string; userId: string; dueOn: string }[];
  seconds: number;
};

export async function generateCohort(input: { learners?: number; now?: Date; seed?: number } = {}): Promise<GeneratedCohort> {
  const started = performance.now();
  const count = input.learners ?? 1000;
  const now = input.now ?? new Date();
  const rand = random(input.seed ?? 20_261_201 + count);
  const between = (min: number, max: number) => min + (max - min) * rand();
  const programme = getProgramme();
  const { fixedChapter, relativeChapter, vendorModule, elsewhere } = pickItems(programme);
  const tag = randomUUID().slice(0, 8);
  const today = dayOf(now);

  const trainerUser = await createUserWithRole({
    email: `formatrice-${tag}@bench.exemple.test`,
    password: randomUUID(),
    name: "Formatrice du banc d'essai",
    role: "trainer",
  });
  const trainer: Actor = { id: trainerUser.id, role: trainerUser.role };
  const { id: cohortId } = await createCohort(trainer, {
    name: `Banc d'essai — ${count} commerçants (${tag})`,
    description: "Cohorte générée par scripts/generate-cohort.mts",
    startsOn: addDays(today, -90),
    endsOn: addDays(today, 90),
  });

  // Merchants who joined over the last 90 days (the relative due date follows each one's own day).
  const learners = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `commercant-${i}-${tag}@bench.exemple.test`,
    name: `${SHOPS[Math.floor(rand() * SHOPS.length)]} ${NAMES[Math.floor(rand() * NAMES.length)]}`,
    sector: SECTORS[i % SECTORS.length]!,
    department: String(1 + Math.floor(rand() * 95)).padStart(2, "0"),
    sizeBand: ["0", "1-2", "3-9"][i % 3]!,
    joinedAt: new Date(now.getTime() - between(1, 90) * DAY_MS),
    prefersNeutral: rand() < 0.3,
  }));
  await insertBenchLearners(cohortId, learners);

  const assignments = [
    await createAssignment(trainer, cohortId, { itemKind: "chapter", itemId: fixedChapter.id, dueKind: "fixed", dueOn: addDays(today, -5), dueDays: null }),
    await createAssignment(trainer, cohortId, { itemKind: "chapter", itemId: relativeChapter.id, dueKind: "relative", dueOn: null, dueDays: 30 }),
    await createAssignment(trainer, cohortId, { itemKind: "module", itemId: vendorModule.id, dueKind: "none", dueOn: null, dueDays: null }),
  ];

  // Progress. A learner's modules of a chapter in order, their vendor or neutral choice per step.
  const progress: BenchProgressRow[] = [];
  const stepsOf = (chapter: Chapter, neutral: boolean) =>
    chapterSlots(chapter).map((slot) => programme.modulesById.get(neutral && slot[1] ? slot[1] : slot[0]!)!);
  const at = (learner: BenchLearner) => new Date(learner.joinedAt.getTime() + rand() * (now.getTime() - learner.joinedAt.getTime()));
  const row = (learner: BenchLearner, module: Module, isDone: boolean): BenchProgressRow => {
    const updatedAt = at(learner);
    const share = isDone ? between(0.9, 1) : between(0.05, 0.85);
    return { userId: learner.id, moduleId: module.id, chapterId: module.chapterId, watchedS: Math.round(module.durationS * share), completedAt: isDone ? updatedAt : null, updatedAt };
  };
  /** finished: all steps; half-way: some completed then one partly watched; else nothing. */
  const chapterRows = (learner: (typeof learners)[number], chapter: Chapter, finished: number, halfWay: number) => {
    const r = rand();
    const steps = stepsOf(chapter, learner.prefersNeutral);
    if (r < finished) return steps.map((m) => row(learner, m, true));
    if (r < finished + halfWay) {
      const done = Math.floor(rand() * (steps.length - 1));
      return steps.slice(0, done + 1).map((m, k) => row(learner, m, k < done));
    }
    return [];
  };

  const viaPlayer = learners.slice(0, Math.min(4, count));
  for (const learner of learners.slice(viaPlayer.length)) {
    progress.push(...chapterRows(learner, fixedChapter, 0.2, 0.2));
    progress.push(...chapterRows(learner, relativeChapter, 0.1, 0.15));
    const r = rand();
    const twin = programme.modulesById.get(vendorModule.neutralTwinId!)!;
    // (The vendor module's chapter is neither assigned chapter nor `elsewhere`: no duplicate rows.)
    if (r < 0.1) progress.push(row(learner, vendorModule, true));
    else if (r < 0.2) progress.push(row(learner, twin, true));
    else if (r < 0.25) progress.push(row(learner, twin, false));
    if (rand() < 0.15) progress.push(...stepsOf(elsewhere, learner.prefersNeutral).slice(0, 2).map((m) => row(learner, m, rand() < 0.5)));
  }
  await insertBenchProgress(progress);

  // The first learners through the player's functions (counters kept), a few days ago.
  const plan: [number, Module[], boolean][] = [
    [0, stepsOf(fixedChapter, false), true],
    [1, stepsOf(fixedChapter, false).slice(0, 2), true],
    [2, stepsOf(fixedChapter, false).slice(0, 1), false],
    [3, [programme.modulesById.get(vendorModule.neutralTwinId!)!], true],
  ];
  for (const [index, modules, passQuiz] of plan) {
    const learner = viaPlayer[index];
    if (!learner) continue;
    const actor: Actor = { id: learner.id, role: "merchant" };
    // One module after the other (the watch budget is the learner's, not the page's).
    let startMs = now.getTime() - 3 * DAY_MS;
    for (const module of modules) {
      const startedAt = new Date(startMs);
      startMs += module.durationS * 1000 + 60_000;
      const session = createPlaybackSession(learner.id, module.id, startedAt.getTime());
      const done = new Date(startedAt.getTime() + module.durationS * 1000);
      const watchS = passQuiz ? module.durationS : Math.floor(module.durationS / 3);
      const report = await recordProgressReport(actor, { reportId: randomUUID(), moduleId: module.id, session, intervals: [[0, watchS]], positionS: watchS }, done);
      const quiz = passQuiz ? await recordQuizAttempt(actor, { moduleId: module.id, answers: module.quiz.map((q) => q.answer) }, done) : null;
      const view = quiz?.progress ?? report.progress;
      progress.push({ userId: learner.id, moduleId: module.id, chapterId: module.chapterId, watchedS: view.watchedS, completedAt: view.completedAt, updatedAt: done });
    }
  }

  // A few extensions on the overdue chapter (1 % of the learners).
  const extended = learners.filter((_, i) => i % 100 === 7);
  const extensions = extended.map((l) => ({ assignmentId: assignments[0]!.id, userId: l.id, dueOn: addDays(today, 7) }));
  for (const e of extensions) await setExtension(trainer, cohortId, e.assignmentId, e.userId, e.dueOn);

  return {
    cohortId,
    trainer,
    learners,
    progress,
    assignments,
    extensions,
    seconds: (performance.now() - started) / 1000,
  };
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to a migrated database (this adds a cohort and its merchants to it), e.g.\n  DATABASE_URL=file:/tmp/big.db npm run db:migrate && DATABASE_URL=file:/tmp/big.db node --conditions=react-server --import tsx scripts/generate-cohort.mts --learners 1000");
    process.exit(2);
  }
  // The playback sessions of the learners recorded through the player are signed and read back
  // in this process only: any secret will do when none is set.
  process.env.AUTH_SECRET ??= randomUUID() + randomUUID();
  const learners = Number(argValue("--learners") ?? 1000);
  if (!Number.isInteger(learners) || learners < 1) {
    console.error("--learners must be a positive whole number");
    process.exit(2);
  }
  const generated = await generateCohort({ learners });
  console.log(
    JSON.stringify({
      cohortId: generated.cohortId,
      trainerId: generated.trainer.id,
      learners: generated.learners.length,
      progressRows: generated.progress.length,
      extensions: generated.extensions.length,
      seconds: Number(generated.seconds.toFixed(2)),
    }),
  );
  process.exit(0);
}
