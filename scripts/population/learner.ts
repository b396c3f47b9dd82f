// One synthetic learner: profile, registration, the modules they take and how far, quiz attempts,
// attestation, group. Appends the learner's rows to the batch and returns what the statistics'
// recount would tally for them (LearnerRecord).
import type { Programme } from "@/lib/content/types";
import { isProgrammeComplete } from "@/lib/course-completion";
import { dayOf } from "@/lib/calendar-day";
import { coveredSeconds, isModuleComplete, isWatchedEnough } from "@/lib/progress";
import { gradeQuiz } from "@/lib/quiz";
import type { LearnerRecord } from "@/lib/stats/counters";
import { answersFor, attemptsToPass, learnerModules, tenth, watchedIntervals, type ModuleTraits, type Watch } from "./behaviour";
import { DAY_MS, MINUTE_MS, SHARE_FINISHERS, SHARE_IN_COHORT, SHARE_NEUTRAL_PATH, SHARE_NEVER_STARTED, SHARE_WITHOUT_PROFILE, departments, sectors, sizes } from "./distributions";
import { growingShare, type Rng, type WeightedTable } from "./random";
import type { Batch, CohortRow } from "./rows";

/** Marks every synthetic account: e-mails demo-<n>@demo.accelerateur-libre.invalid. */
export const DEMO_EMAIL_DOMAIN = "demo.accelerateur-libre.invalid";

export type Cohort = { row: CohortRow; startMs: number; weight: number };

export type LearnerOutput = { record: LearnerRecord; batch: Batch; isNeutral: boolean; hasProfile: boolean; cohortId: string | null };

export function pad(n: number) {
  return String(n).padStart(4, "0");
}

export function generateLearner(
  rng: Rng,
  n: number,
  context: { programme: Programme; nowMs: number; startMs: number; passwordHash: string; cohorts: WeightedTable<Cohort> | null; traits: Map<string, ModuleTraits>; chapterIds: string; codes: Set<string> },
  batch: Batch,
): LearnerOutput {
  const { programme, nowMs, startMs } = context;
  const id = `demo-learner-${pad(n)}`;
  const name = `Démo ${pad(n)}`;
  const hasProfile = !rng.chance(SHARE_WITHOUT_PROFILE);
  const sector = hasProfile ? rng.pick(sectors) : null;
  const department = hasProfile ? rng.pick(departments) : null;
  const sizeBand = hasProfile ? rng.pick(sizes) : null;
  const isNeutral = rng.chance(SHARE_NEUTRAL_PATH);

  // Registration: in a cohort, around its start; else anywhere in the span, more and more often.
  const cohort = context.cohorts && rng.chance(SHARE_IN_COHORT) ? rng.pick(context.cohorts) : null;
  const latest = nowMs - 10 * MINUTE_MS;
  const createdMs = Math.round(
    cohort
      ? Math.min(latest, Math.max(startMs, cohort.startMs + rng.between(-3, 10) * DAY_MS))
      : startMs + growingShare(rng.next()) * (latest - startMs),
  );

  // The path: who never starts, who finishes everything, and for the others how likely they go on after each module.
  const type = rng.next();
  const isNeverStarted = type < SHARE_NEVER_STARTED;
  const isFinisher = !isNeverStarted && type < SHARE_NEVER_STARTED + SHARE_FINISHERS;
  const keepsOn = isFinisher ? 1 : 0.915 + 0.08 * Math.sqrt(rng.next());
  const plan = isNeverStarted ? [] : learnerModules(rng, programme, isNeutral);

  const progress: LearnerRecord["progress"] = [];
  const quizAttempts: LearnerRecord["quizAttempts"] = [];
  let clock = createdMs + (rng.chance(0.7) ? rng.exp(12 * MINUTE_MS) + MINUTE_MS : rng.exp(3 * DAY_MS) + 30 * MINUTE_MS);
  let lastActivity = 0;
  let totalWatchedS = 0;
  const newSession = () => {
    clock += 8 * 3_600_000 + rng.exp(3 * DAY_MS);
  };

  for (let k = 0; k < plan.length; k++) {
    const { module, chapterIndex } = plan[k]!;
    const traits = context.traits.get(module.id)!;
    const startedMs = Math.round(clock);
    if (startedMs > nowMs - module.durationS * 1000 - 5 * MINUTE_MS) break; // registered too recently to have got this far
    // Does the learner go on after this module? (Chapter ends are natural stopping points.)
    const isLast = k === plan.length - 1 || !rng.chance(plan[k + 1]!.chapterIndex !== chapterIndex ? keepsOn * 0.95 : keepsOn);
    const watch: Watch = isFinisher
      ? rng.chance(0.9) ? "full" : "skip"
      : isLast
        ? rng.chance(0.3) ? "full" : "partial"
        : ((r) => (r < 0.8 ? "full" : r < 0.9 ? "skip" : "partial"))(rng.next());
    const intervals = watchedIntervals(rng, watch, module.durationS, traits);
    const watchedS = coveredSeconds(intervals);
    const lastPositionS = intervals.at(-1)?.[1] ?? 0;
    const enough = isWatchedEnough(watchedS, module.durationS);

    // Watching, sometimes over two sessions.
    let t = startedMs + watchedS * 1000 * rng.between(1, 1.3);
    if (!isLast && rng.chance(0.08)) t += 8 * 3_600_000 + rng.exp(3 * DAY_MS);
    const lastReportMs = Math.round(Math.min(t, nowMs - MINUTE_MS));

    // The quiz: most who watched enough try it; some try it without.
    const takesQuiz = isFinisher || (enough ? rng.chance(isLast ? 0.5 : 0.94) : rng.chance(0.25));
    let quizPassedMs: number | null = null;
    let bestScore: number | null = null;
    let quizTotal: number | null = null;
    let lastMs = lastReportMs;
    if (takesQuiz) {
      const { attempts, passed } = attemptsToPass(rng, traits, !isFinisher);
      let attemptMs = lastReportMs;
      for (let a = 1; a <= attempts; a++) {
        // Strictly later each time (the recount takes the earliest as the first try); none after `now`.
        const nextMs = Math.round(attemptMs + rng.between(20, 150) * 1000);
        if (nextMs > nowMs - 1000) break;
        attemptMs = nextMs;
        const isPass = passed && a === attempts;
        const answers = answersFor(rng, module, isPass);
        const graded = gradeQuiz(module.quiz, answers);
        const at = new Date(attemptMs);
        batch.attempts.push({
          id: `${id}-q${k}-${a}`,
          userId: id,
          moduleId: module.id,
          score: graded.score,
          total: graded.total,
          isPassed: graded.isPassed,
          answers: JSON.stringify(answers),
          createdAt: at,
        });
        quizAttempts.push({ moduleId: module.id, isPassed: graded.isPassed, createdAt: at });
        bestScore = Math.max(bestScore ?? 0, graded.score);
        quizTotal = graded.total;
        if (graded.isPassed && quizPassedMs === null) quizPassedMs = attemptMs;
      }
      lastMs = attemptMs;
    }
    const isComplete = isModuleComplete({ watchedS, durationS: module.durationS, isQuizPassed: quizPassedMs !== null });
    // Completed when the later of the two conditions was met (here the quiz always comes after watching).
    const completedMs = isComplete ? Math.max(quizPassedMs!, lastReportMs) : null;

    const createdAt = new Date(startedMs);
    const completedAt = completedMs === null ? null : new Date(completedMs);
    const quizPassedAt = quizPassedMs === null ? null : new Date(quizPassedMs);
    batch.progress.push({
      id: `${id}-m${k}`,
      userId: id,
      moduleId: module.id,
      chapterId: module.chapterId,
      intervals: JSON.stringify(intervals),
      watchedS,
      lastPositionS,
      lastReportAt: new Date(lastReportMs),
      quizBestScore: bestScore,
      quizTotal,
      quizPassedAt,
      completedAt,
      createdAt,
      updatedAt: new Date(lastMs),
    });
    progress.push({ moduleId: module.id, chapterId: module.chapterId, watchedS, intervals, createdAt, completedAt, quizPassedAt });
    totalWatchedS += watchedS;
    lastActivity = Math.max(lastActivity, lastMs);

    if (isLast) break;
    // The next module: a few minutes later in the same sitting, or another day.
    clock = lastMs + rng.between(0.5, 6) * MINUTE_MS;
    if (!rng.chance(isFinisher ? 0.88 : 0.78)) newSession();
  }

  // An attestation for whoever completed every step (asked for on the same day).
  const earned = progress.length > 0 && isProgrammeComplete(programme, new Set(progress.filter((p) => p.completedAt).map((p) => p.moduleId)));
  let attestationIssuedAt: Date | null = null;
  if (earned) {
    const lastCompletion = Math.max(...progress.map((p) => p.completedAt?.getTime() ?? 0));
    const issuedMs = Math.round(Math.min(nowMs - 1000, lastCompletion + rng.between(1, 90) * MINUTE_MS));
    attestationIssuedAt = new Date(issuedMs);
    let code: string;
    do code = Array.from({ length: 16 }, () => "0123456789ABCDEF"[rng.int(16)]).join("");
    while (context.codes.has(code));
    context.codes.add(code);
    batch.attestations.push({ id: `${id}-attestation`, code, userId: id, learnerName: name, totalWatchedS: tenth(totalWatchedS), chapterIds: context.chapterIds, issuedAt: attestationIssuedAt });
  }

  const lastActiveOn = lastActivity > 0 ? dayOf(new Date(lastActivity)) : null;
  const createdAt = new Date(createdMs);
  batch.users.push({
    id,
    email: `demo-${n}@${DEMO_EMAIL_DOMAIN}`,
    passwordHash: context.passwordHash,
    name,
    role: "merchant",
    sector,
    department,
    sizeBand,
    prefersNeutralPath: isNeutral,
    lastActiveOn,
    createdAt,
    updatedAt: new Date(Math.max(createdMs, lastActivity)),
  });
  if (cohort) batch.members.push({ cohortId: cohort.row.id, userId: id, role: "learner", joinedAt: new Date(Math.min(nowMs - 1000, createdMs + rng.between(1, 30) * MINUTE_MS)) });

  return {
    record: {
      user: { role: "merchant", createdAt, sector, department, sizeBand, prefersNeutralPath: isNeutral, lastActiveOn },
      progress,
      quizAttempts,
      attestationIssuedAt,
      isCohortLearner: cohort !== null,
    },
    batch,
    isNeutral,
    hasProfile,
    cohortId: cohort?.row.id ?? null,
  };
}

// ---------------------------------------------------------------------------------------------