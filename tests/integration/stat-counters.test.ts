import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SignUpInput } from "@/lib/schemas/auth";
import { chapterSlots } from "@/lib/course-completion";
import type { Module } from "@/lib/content/types";
import { counterId, METRIC, type Metric, type Tally } from "@/lib/stats/counters";
import { getModule, getProgramme } from "@/server/content";
import { createCohort, getCohortForTrainer, removeMember } from "@/server/data/cohorts";
import { joinCohort, leaveCohort } from "@/server/data/memberships";
import { setNeutralPathPreference } from "@/server/data/preferences";
import { issueAttestation, recordProgressReport, recordQuizAttempt, type ProgressReportInput } from "@/server/data/progress";
import { readStatTables, recountStatCounters } from "@/server/data/stat-counters";
import { changeUserRole, createMerchant, createUserWithRole, type SessionUser } from "@/server/data/users";
import { createPlaybackSession } from "@/server/playback-session";
import { TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { seededRandom } from "@/lib/seeded-random";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
/** A Monday morning in Paris: the sequence then runs for a little over two weeks. */
const T0 = Date.parse("2026-11-23T06:30:00Z");
const HOUR = 3_600_000;
const BATCHES = 80;

const random = seededRandom;

function moduleOrThrow(id: string): Module {
  const m = getModule(id);
  if (!m) throw new Error(`No module ${id} in content/`);
  return m;
}

/** The modules the other learners wander through: a whole chapter (vendor modules and their twins) and a few more. */
const POOL = [
  ...getProgramme().chapters.find((c) => c.id === "place-de-marche")!.modules.map((m) => m.id),
  "transition-pourquoi-vendre-en-ligne",
  "boutique-amazon-pay",
  "boutique-choisir-ses-moyens-de-paiement",
].map(moduleOrThrow);

const rightAnswers = (m: Module) => m.quiz.map((q) => q.answer);
const wrongAnswers = (m: Module) => m.quiz.map((q) => (q.answer + 1) % q.choices.length);

function sum(tally: Tally, metric: Metric): number {
  let total = 0;
  for (const [id, value] of tally.counters) if (id.startsWith(`${metric}\t`)) total += value;
  return total;
}

function keysOf(tally: Tally, metric: Metric): string[] {
  return [...tally.counters.keys()].filter((id) => id.startsWith(`${metric}\t`)).map((id) => id.slice(metric.length + 1));
}

type Learner = { user: SessionUser; isNeutral: boolean; cohorts: Set<string> };
type Op = { label: string; run: () => Promise<unknown> };

describe(`statistics counters on ${engine}`, () => {
  it("stay equal to a full recount through sign-ups, progress, quizzes, replays, races, cohorts, the parcours neutre, role changes and an attestation", { timeout: 120_000 }, async () => {
    const next = random(909);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const expectCountersInStep = async (label: string) => {
      expect(await readStatTables(), label).toEqual(await recountStatCounters());
    };

    // Accounts: merchants with different business profiles (two in the same sector), one without
    // a profile, a trainer with two cohorts, an admin.
    const profiles: Pick<SignUpInput, "sector" | "department" | "sizeBand">[] = [
      { sector: "mode", department: "75", sizeBand: "1-9" },
      { sector: "artisanat", department: "2A", sizeBand: "0" },
      { sector: "artisanat", department: "69", sizeBand: "10-49" },
      { sector: "alimentation", department: "971", sizeBand: "1-9" },
      { sector: "librairie", department: "13", sizeBand: "50-249" },
    ];
    const signUp = (i: number, profile: Pick<SignUpInput, "sector" | "department" | "sizeBand">) =>
      createMerchant({ email: uniqueEmail("stats"), password: TEST_PASSWORD, name: `Commerce ${i}`, ...profile });
    const learners: Learner[] = [];
    for (const [i, profile] of profiles.entries()) learners.push({ user: await signUp(i, profile), isNeutral: false, cohorts: new Set() });
    learners.push({ user: await createUserWithRole({ email: uniqueEmail("stats"), password: TEST_PASSWORD, name: "Sans profil", role: "merchant" }), isNeutral: false, cohorts: new Set() });
    const trainer = await createUserWithRole({ email: uniqueEmail("formatrice"), password: TEST_PASSWORD, name: "Formatrice", role: "trainer" });
    const admin = await createUserWithRole({ email: uniqueEmail("admin"), password: TEST_PASSWORD, name: "Admin", role: "admin" });
    const cohorts: { id: string; code: string }[] = [];
    for (const name of ["Groupe du mardi", "Groupe du jeudi"]) {
      const { id } = await createCohort(trainer, { name, description: "", reminderDaysBefore: 3 });
      cohorts.push({ id, code: (await getCohortForTrainer(trainer, id)).joinCode! });
    }
    await expectCountersInStep("after the sign-ups");

    // Planned learners, one step per batch: the completer takes the whole programme, each slot by its
    // vendor module or its twin (one slot by both); another learner takes one chapter by the twins.
    // Each module is watched in one or two reports, its quiz passed before or after, sometimes failed first.
    const completer = learners[0]!;
    const slots = getProgramme().chapters.flatMap(chapterSlots);
    const bothWays = slots.findIndex((slot) => slot.length > 1);
    const stepsFor = (learner: Learner, moduleIds: string[]) =>
      moduleIds.flatMap((id) => {
        const m = moduleOrThrow(id);
        const half = Math.floor(m.durationS / 2);
        const watching = next() < 0.3 ? [[0, half], [half, m.durationS]] : [[0, m.durationS]];
        const watch = watching.map(([from, to]) => (now: number) => recordProgressReport(learner.user, reportInput(learner.user, m, [[from!, to!]], now, to! - from!), new Date(now)));
        const quiz = [
          ...(next() < 0.3 ? [(now: number) => recordQuizAttempt(learner.user, { moduleId: m.id, answers: wrongAnswers(m) }, new Date(now))] : []),
          (now: number) => recordQuizAttempt(learner.user, { moduleId: m.id, answers: rightAnswers(m) }, new Date(now)),
        ];
        return next() < 0.5 ? [...watch, ...quiz] : [...quiz, ...watch];
      });
    const plans = new Map<Learner, ((now: number) => Promise<unknown>)[]>([
      [completer, stepsFor(completer, slots.flatMap((slot, i) => (i === bothWays ? slot : [slot.length > 1 && next() < 0.5 ? slot[1]! : slot[0]!])))],
      [learners[1]!, stepsFor(learners[1]!, chapterSlots(getProgramme().chapters.find((c) => c.id === "place-de-marche")!).map((slot) => slot.at(-1)!))],
    ]);

    /** A report of some intervals, sent `sessionAgeS` after its playback session started (the budget is twice that, plus slack). */
    function reportInput(user: SessionUser, m: Module, intervals: [number, number][], now: number, sessionAgeS: number): ProgressReportInput {
      const sessionStart = Math.round(now - sessionAgeS * 1000);
      return { reportId: randomUUID(), moduleId: m.id, session: createPlaybackSession(user.id, m.id, sessionStart), intervals, positionS: intervals.at(-1)![1] };
    }
    /** A random stretch of the module (sometimes cut by the budget), or all of it (watched enough). */
    function randomReport(user: SessionUser, m: Module, now: number, isWhole = next() < 0.25): ProgressReportInput {
      if (isWhole) return reportInput(user, m, [[0, m.durationS]], now, m.durationS / 2 + 10 + next() * 3600);
      const stretch = () => {
        const startS = Math.floor(next() * (m.durationS - 5));
        return [startS, Math.min(m.durationS, startS + 1 + Math.floor(next() * 120))] as [number, number];
      };
      const intervals = next() < 0.3 ? [stretch(), stretch()] : [stretch()];
      return reportInput(user, m, intervals, now, 5 + next() * 300);
    }

    const sent: { learner: Learner; input: ProgressReportInput; now: number }[] = [];
    const send = (learner: Learner, input: ProgressReportInput, now: number) => {
      sent.push({ learner, input, now });
      return recordProgressReport(learner.user, input, new Date(now));
    };
    /** An earlier report sent again (same id) while its session is still valid: nothing changes. */
    const replayable = (now: number) => sent.filter((s) => now - Number(s.input.session.split(".")[0]) < 20 * HOUR);

    let clock = T0;
    let signUps = profiles.length + 1;
    for (let batch = 0; batch < BATCHES; batch++) {
      clock += next() < 0.15 ? 15 * 60_000 : Math.round((1 + next() * 9) * HOUR);
      const now = clock;
      // The first joins and the two sign-ups are meant to race.
      const isConcurrent = next() < 0.45 || batch === 3 || batch === 6;
      const ops: Op[] = [];
      const busy = new Set<Learner>();
      const others = () => learners.filter((l) => l !== completer && !busy.has(l));

      for (const [learner, plan] of plans) {
        if (plan.length === 0) continue;
        const steps = plan.splice(0, next() < 0.3 ? 2 : 1);
        busy.add(learner);
        // A second step one second later: two quiz attempts never share an instant (which one came first is then clear).
        ops.push({ label: "planned step", run: async () => { for (const [i, step] of steps.entries()) await step(now + i * 1000); } });
      }
      if (batch === 1) ops.push({ label: "completer joins", run: () => joinCohort(completer.user, cohorts[0]!.code, new Date(now)).then(() => completer.cohorts.add(cohorts[0]!.id)) });
      if (batch === 2) ops.push({ label: "completer takes the parcours neutre", run: () => setNeutralPathPreference(completer.user, true).then(() => (completer.isNeutral = true)) });
      if (batch === 3) {
        // Three first joins at once (the cohort.learners row may not exist yet for any of them).
        for (const learner of others().slice(0, 3)) {
          busy.add(learner);
          ops.push({ label: "first joins at once", run: () => joinCohort(learner.user, cohorts[1]!.code, new Date(now)).then(() => learner.cohorts.add(cohorts[1]!.id)) });
        }
      }
      if (batch === 6) {
        // Two sign-ups at once, in the same sector.
        for (const department of ["35", "59"] as const) {
          const i = signUps++;
          ops.push({ label: "sign-ups at once", run: async () => learners.push({ user: await signUp(i, { sector: "services", department, sizeBand: "0" }), isNeutral: false, cohorts: new Set() }) });
        }
      }
      const roleChanged = learners[2]!;
      if (batch === 25 || batch === 45) {
        busy.add(roleChanged);
        const role = batch === 25 ? "trainer" : "merchant";
        ops.push({ label: `role → ${role}`, run: async () => (roleChanged.user = await changeUserRole(admin, { userId: roleChanged.user.id, role })) });
      }

      const opCount = 1 + Math.floor(next() * 4);
      for (let k = 0; k < opCount; k++) {
        const candidates = others();
        if (candidates.length === 0) break;
        const learner = pick(candidates);
        busy.add(learner);
        const m = pick(POOL);
        const roll = next();
        const isMerchant = learner.user.role === "merchant";
        if (roll < 0.3) {
          ops.push({ label: `report ${m.id}`, run: () => send(learner, randomReport(learner.user, m, now), now) });
        } else if (roll < 0.5) {
          const answers = next() < 0.6 ? rightAnswers(m) : wrongAnswers(m);
          ops.push({ label: `quiz ${m.id}`, run: () => recordQuizAttempt(learner.user, { moduleId: m.id, answers }, new Date(now)) });
        } else if (roll < 0.58) {
          const earlier = replayable(now);
          if (earlier.length === 0) continue;
          const replay = pick(earlier);
          busy.add(replay.learner);
          ops.push({ label: "replay", run: () => recordProgressReport(replay.learner.user, replay.input, new Date(now)).then((r) => expect(r.isReplay).toBe(true)) });
        } else if (roll < 0.63) {
          // The same report twice at once (a retried request racing the first).
          const input = randomReport(learner.user, m, now);
          ops.push({ label: "same report twice at once", run: () => Promise.all([send(learner, input, now), send(learner, input, now)]) });
        } else if (roll < 0.71) {
          // Two writes of one learner at once, at the same instant: two tabs, or the end of the video and the quiz.
          const first = randomReport(learner.user, m, now, next() < 0.5);
          const second =
            next() < 0.5
              ? () => send(learner, randomReport(learner.user, m, now), now)
              : () => recordQuizAttempt(learner.user, { moduleId: m.id, answers: rightAnswers(m) }, new Date(now));
          ops.push({ label: `two writes of one learner at once ${m.id}`, run: () => Promise.all([send(learner, first, now), second()]) });
        } else if (roll < 0.8 && isMerchant) {
          const cohort = pick(cohorts);
          ops.push({ label: "join", run: () => joinCohort(learner.user, cohort.code, new Date(now)).then(() => learner.cohorts.add(cohort.id)) });
        } else if (roll < 0.88 && learner.cohorts.size > 0) {
          const cohortId = pick([...learner.cohorts]);
          const byTrainer = next() < 0.5;
          ops.push({
            label: byTrainer ? "removed by the trainer" : "leave",
            run: () => (byTrainer ? removeMember(trainer, cohortId, learner.user.id) : leaveCohort(learner.user, cohortId)).then(() => learner.cohorts.delete(cohortId)),
          });
        } else {
          const isNeutral = next() < 0.5;
          ops.push({ label: `parcours neutre ${isNeutral}`, run: () => setNeutralPathPreference(learner.user, isNeutral).then(() => (learner.isNeutral = isNeutral)) });
        }
      }
      if (batch === 10) ops.push({ label: "early attestation", run: () => expect(issueAttestation(completer.user, new Date(now))).rejects.toMatchObject({ code: "ATTESTATION_NOT_EARNED" }) });

      if (isConcurrent) await Promise.all(ops.map((op) => op.run()));
      else for (const op of ops) await op.run();
      await expectCountersInStep(`after batch ${batch} (${isConcurrent ? "concurrent" : "sequential"}: ${ops.map((op) => op.label).join(", ")})`);
    }

    // Whatever is left of the programme, then the attestation, asked twice at once.
    for (const step of [...plans.values()].flatMap((plan) => plan.splice(0))) {
      clock += HOUR;
      await step(clock);
    }
    await expectCountersInStep("after the whole programme");
    clock += 30 * 60_000;
    const [a, b] = await Promise.all([issueAttestation(completer.user, new Date(clock)), issueAttestation(completer.user, new Date(clock))]);
    expect(a.code).toBe(b.code);
    await expectCountersInStep("after the attestation");

    // The sequence exercised what it claims to, and the counters say what the test itself did.
    const tally = await recountStatCounters();
    const merchants = learners.filter((l) => l.user.role === "merchant");
    expect(merchants).toHaveLength(8);
    expect(sum(tally, METRIC.learnersByWeek)).toBe(8);
    expect(tally.counters.get(counterId(METRIC.learnersBySector, "artisanat"))).toBe(2);
    expect(tally.counters.get(counterId(METRIC.learnersBySector, "services"))).toBe(2);
    expect(tally.counters.get(counterId(METRIC.learnersBySector, "none"))).toBe(1);
    expect(tally.counters.get(counterId(METRIC.learnersByRegion, "94"))).toBe(1); // Corse
    expect(sum(tally, METRIC.neutralPath)).toBe(merchants.filter((l) => l.isNeutral).length);
    expect(sum(tally, METRIC.neutralPath)).toBeGreaterThan(0);
    expect(sum(tally, METRIC.cohortLearners)).toBe(learners.filter((l) => l.cohorts.size > 0).length);
    expect(sum(tally, METRIC.cohortLearners)).toBeGreaterThan(0);
    expect(sum(tally, METRIC.quizFirstTry)).toBeGreaterThan(0);
    expect(sum(tally, METRIC.quizFirstTry)).toBeLessThan(sum(tally, METRIC.quizLearners));
    expect(sum(tally, METRIC.quizAttempts)).toBeGreaterThan(sum(tally, METRIC.quizLearners));
    expect(sum(tally, METRIC.watchedEnough)).toBeGreaterThan(slots.length);
    expect(keysOf(tally, METRIC.completionsByWeek).length).toBeGreaterThanOrEqual(2);
    expect(keysOf(tally, METRIC.activeByDay).length).toBeGreaterThanOrEqual(3);
    expect(keysOf(tally, METRIC.timeToCompleteModule).length).toBeGreaterThan(1);
    expect(keysOf(tally, METRIC.timeToCompleteChapter).length).toBeGreaterThanOrEqual(getProgramme().chapters.length);
    expect(sum(tally, METRIC.timeToCompleteProgramme)).toBe(1);
    expect(tally.counters.get(counterId(METRIC.completersBySector, "mode"))).toBe(1);
    expect(tally.counters.get(counterId(METRIC.completersByRegion, "11"))).toBe(1); // Île-de-France
    expect(sum(tally, METRIC.attestationsByWeek)).toBe(1);
    expect(tally.programme.completedCount).toBe(1);
    expect(tally.programme.startedCount).toBeGreaterThan(3);
    expect([...tally.chapters.values()].some((c) => c.completedCount > 1)).toBe(true);
    expect(tally.slices.size).toBeGreaterThan(10);
  });
});
