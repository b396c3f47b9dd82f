import "server-only";
import { randomBytes } from "node:crypto";
import { dayOf } from "@/lib/calendar-day";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/cohorts/join-code";
import { hashPassword } from "@/lib/password";
import { emptyTally, tallyLearner, type Tally } from "@/lib/stats/counters";
import { getProgramme } from "@/server/content";
import { readStatTables, writeStatTables } from "@/server/data/stat-counters";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { traitsOf } from "./behaviour";
import { openWriter, part } from "./bulk-writer";
import { CITIES, DAY_MS, LEARNERS_PER_BATCH, MINUTE_MS, SHARE_IN_COHORT, SPAN_WEEKS, WEEK_MS } from "./distributions";
import { DEMO_EMAIL_DOMAIN, generateLearner, pad, type Cohort } from "./learner";
import { growingShare, makeRng, weighted, type Rng } from "./random";
import { ATTEMPT, ATTESTATION, COHORT, emptyBatch, MEMBER, PROGRESS, USER, type UserRow } from "./rows";

export { DEMO_EMAIL_DOMAIN } from "./learner";

/**
 * A synthetic population of merchant accounts for the demo (`npm run db:seed`, run by `npm start`
 * on an empty local database: a few hundred learners) and the admin statistics' benchmark (100,000
 * learners): profiles, progress with drop-off between and inside modules, quiz attempts, cohorts,
 * attestations. Test and demo data: it lives in scripts/, outside the platform's code, which never
 * calls it. Its parts: random.ts (the seeded draws), distributions.ts (who the merchants are),
 * behaviour.ts (what they do inside a module), learner.ts (one learner's rows), rows.ts (the tables'
 * rows and columns), bulk-writer.ts (the one writer), and this file (trainers, cohorts, batches,
 * counters).
 *
 * Deterministic: everything comes from one seeded generator (mulberry32) and the `now` given, so
 * the same seed writes the same rows (only the shared password hash differs). Marked as demo data:
 * e-mails demo-<n>@demo.accelerateur-libre.invalid, names "Démo 0042"; no real-looking person. The
 * learners share one password hash of a random password that nobody knows: they cannot sign in.
 *
 * Streamed by batches of learners (nothing kept but the current batch): each learner's rows are
 * generated, tallied at once with the recount's own function (tallyLearner), then inserted in bulk
 * through the driver (see openWriter), one transaction per batch, into the database of
 * DATABASE_URL. The counter tables are then written from that tally (through Prisma), equal to a
 * recount without reading the rows back.
 */

export type PopulationOptions = {
  learners: number;
  seed: number;
  /** The population's "today": registrations cover the 26 weeks before it, no event is later. */
  now: Date;
  /** After each batch: learners written so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * What to do with the counter tables: "replace" them by the population's tally (the database held
   * no other learner), "add" the tally to what they hold, or leave them ("none": the caller rebuilds).
   */
  counters?: "replace" | "add" | "none";
};

export type PopulationSummary = {
  learners: number;
  trainers: number;
  cohorts: number;
  cohortLearners: number;
  progressRows: number;
  quizAttempts: number;
  attestations: number;
  neutralPath: number;
  withoutProfile: number;
  seconds: number;
  /** The population's own counters (what a recount of these rows alone gives). */
  tally: Tally;
};

function joinCode(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const code = Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[rng.int(JOIN_CODE_ALPHABET.length)]).join("");
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

export async function seedPopulation(options: PopulationOptions): Promise<PopulationSummary> {
  const started = performance.now();
  const { learners, seed, now } = options;
  if (!Number.isInteger(learners) || learners < 0) throw new RangeError("learners must be a whole number");
  const db = getDb();
  const programme = getProgramme();
  const rng = makeRng(seed);
  const nowMs = now.getTime();
  const startMs = nowMs - SPAN_WEEKS * WEEK_MS;
  const tally = emptyTally();
  // One hash for every synthetic account, of a password nobody knows: they are not meant to sign in.
  const passwordHash = await hashPassword(randomBytes(24).toString("base64"));

  // Trainers and their cohorts (about 50 learners each on average, between 15 and 150), created first.
  const cohortCount = learners === 0 ? 0 : Math.max(3, Math.round((learners * SHARE_IN_COHORT) / 50));
  const trainerCount = Math.ceil(cohortCount / 3);
  const trainers: UserRow[] = Array.from({ length: trainerCount }, (_, i) => {
    const createdAt = new Date(startMs - 2 * WEEK_MS + i * MINUTE_MS);
    return {
      id: `demo-trainer-${pad(i + 1)}`,
      email: `demo-formation-${i + 1}@${DEMO_EMAIL_DOMAIN}`,
      passwordHash,
      name: `Démo formation ${pad(i + 1)}`,
      role: "trainer",
      sector: null,
      department: null,
      sizeBand: null,
      prefersNeutralPath: false,
      lastActiveOn: null,
      createdAt,
      updatedAt: createdAt,
    };
  });
  const codes = new Set<string>();
  const cohorts: Cohort[] = Array.from({ length: cohortCount }, (_, i) => {
    const cohortStart = Math.round(startMs + growingShare(rng.next()) * (nowMs - 7 * DAY_MS - startMs));
    const createdAt = new Date(cohortStart - rng.between(3, 14) * DAY_MS);
    const city = CITIES[rng.int(CITIES.length)]!;
    return {
      startMs: cohortStart,
      weight: Math.exp(rng.between(Math.log(15), Math.log(150))),
      row: {
        id: `demo-cohort-${pad(i + 1)}`,
        name: `Démo — atelier « Vendre en ligne » n° ${i + 1}, ${city}`,
        description: "Groupe de démonstration (données synthétiques).",
        startsOn: dayOf(new Date(cohortStart)),
        endsOn: dayOf(new Date(cohortStart + 8 * WEEK_MS)),
        ownerId: trainers[i % trainerCount]!.id,
        joinCode: joinCode(rng, codes),
        createdAt,
        updatedAt: createdAt,
      },
    };
  });
  const cohortTable = cohorts.length ? weighted(cohorts.map((c) => [c, c.weight] as const)) : null;
  const writer = await openWriter(getEnv().DATABASE_URL);
  const owners = cohorts.map((c) => ({ cohortId: c.row.id, userId: c.row.ownerId, role: "trainer", joinedAt: c.row.createdAt }));
  await writer.write([part(USER, trainers), part(COHORT, cohorts.map((c) => c.row)), part(MEMBER, owners)]);
  for (const trainer of trainers) {
    tallyLearner(tally, { user: { ...trainer, lastActiveOn: null }, progress: [], quizAttempts: [], attestationIssuedAt: null, isCohortLearner: false }, programme);
  }

  const context = {
    programme,
    nowMs,
    startMs,
    passwordHash,
    cohorts: cohortTable,
    traits: new Map([...programme.modulesById.values()].map((m) => [m.id, traitsOf(m)])),
    chapterIds: JSON.stringify(programme.chapters.map((c) => c.id)),
    codes: new Set<string>(),
  };
  const summary = { learners, trainers: trainerCount, cohorts: cohortCount, cohortLearners: 0, progressRows: 0, quizAttempts: 0, attestations: 0, neutralPath: 0, withoutProfile: 0 };

  // Generate batch k+1 while batch k is being written (PostgreSQL works in its own process meanwhile).
  let pending: Promise<void> | null = null;
  for (let first = 1; first <= learners; first += LEARNERS_PER_BATCH) {
    const batch = emptyBatch();
    const last = Math.min(learners, first + LEARNERS_PER_BATCH - 1);
    for (let n = first; n <= last; n++) {
      const learner = generateLearner(rng, n, context, batch);
      tallyLearner(tally, learner.record, programme);
      if (learner.isNeutral) summary.neutralPath++;
      if (!learner.hasProfile) summary.withoutProfile++;
      if (learner.cohortId) summary.cohortLearners++;
    }
    summary.progressRows += batch.progress.length;
    summary.quizAttempts += batch.attempts.length;
    summary.attestations += batch.attestations.length;
    await pending;
    options.onProgress?.(first - 1, learners);
    pending = writer.write([part(USER, batch.users), part(MEMBER, batch.members), part(PROGRESS, batch.progress), part(ATTEMPT, batch.attempts), part(ATTESTATION, batch.attestations)]);
  }
  await pending;
  await writer.close();
  options.onProgress?.(learners, learners);

  const mode = options.counters ?? "replace";
  if (mode === "replace") await writeStatTables(tally, db);
  if (mode === "add") await writeStatTables(addTallies(await readStatTables(db), tally), db);
  return { ...summary, seconds: (performance.now() - started) / 1000, tally };
}

/** The sum of two tallies (every counter is a sum over learners). */
export function addTallies(a: Tally, b: Tally): Tally {
  const sum = emptyTally();
  for (const t of [a, b]) {
    for (const [id, v] of t.counters) sum.counters.set(id, (sum.counters.get(id) ?? 0) + v);
    for (const [id, v] of t.slices) sum.slices.set(id, (sum.slices.get(id) ?? 0) + v);
    for (const [id, s] of t.modules) {
      const m = sum.modules.get(id) ?? { chapterId: s.chapterId, startedCount: 0, completedCount: 0 };
      sum.modules.set(id, { chapterId: m.chapterId, startedCount: m.startedCount + s.startedCount, completedCount: m.completedCount + s.completedCount });
    }
    for (const [id, s] of t.chapters) {
      const c = sum.chapters.get(id) ?? { startedCount: 0, completedCount: 0 };
      sum.chapters.set(id, { startedCount: c.startedCount + s.startedCount, completedCount: c.completedCount + s.completedCount });
    }
    sum.programme.startedCount += t.programme.startedCount;
    sum.programme.completedCount += t.programme.completedCount;
  }
  return sum;
}