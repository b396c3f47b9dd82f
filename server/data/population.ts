import "server-only";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { DEPARTMENT_CODES, SECTORS, SIZE_BANDS } from "@/lib/business-profile";
import { dayOf } from "@/lib/calendar-day";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/cohorts/join-code";
import { modulesOnPath } from "@/lib/content/path";
import type { Module, Programme } from "@/lib/content/types";
import { isProgrammeComplete } from "@/lib/course-completion";
import { coveredSeconds, isModuleComplete, isWatchedEnough, mergeIntervals, type Interval } from "@/lib/progress";
import { hashPassword } from "@/lib/password";
import { seededRandom } from "@/lib/seeded-random";
import { gradeQuiz } from "@/lib/quiz";
import { emptyTally, tallyLearner, type LearnerRecord, type Tally } from "@/lib/stats/counters";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { getEnv, isPostgresUrl } from "../env";
import { readStatTables, writeStatTables } from "./stat-counters";

/**
 * A synthetic population of merchant accounts for the demo (`npm start` on an empty database, a
 * few hundred learners) and the admin statistics' benchmark (100,000 learners): profiles, progress
 * with drop-off between and inside modules, quiz attempts, cohorts, attestations. Never called by
 * the platform itself.
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

export const DEMO_EMAIL_DOMAIN = "demo.accelerateur-libre.invalid";

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

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const MINUTE_MS = 60_000;
const SPAN_WEEKS = 26;
const LEARNERS_PER_BATCH = 1000;

// ---------------------------------------------------------------------------------------------
// Distributions

/** Skewed: retail, crafts and food shops most common. */
const SECTOR_WEIGHTS: Record<(typeof SECTORS)[number], number> = {
  "commerce-de-detail": 22,
  artisanat: 16,
  alimentation: 15,
  services: 10,
  restauration: 9,
  mode: 8,
  "sante-beaute": 6,
  maison: 5,
  loisirs: 4,
  librairie: 3,
  autre: 2,
};

/** Mostly sole traders and very small businesses. */
const SIZE_WEIGHTS: Record<(typeof SIZE_BANDS)[number], number> = { "0": 55, "1-9": 35, "10-49": 8, "50-249": 2 };

/** Rough population of each département, in thousands (INSEE, rounded): businesses follow people. */
const DEPARTMENT_POPULATION: Record<string, number> = {
  "01": 660, "02": 530, "03": 335, "04": 165, "05": 140, "06": 1100, "07": 330, "08": 270, "09": 155, "10": 310,
  "11": 375, "12": 280, "13": 2050, "14": 700, "15": 145, "16": 350, "17": 660, "18": 300, "19": 240, "2A": 160,
  "2B": 185, "21": 535, "22": 600, "23": 115, "24": 410, "25": 545, "26": 520, "27": 600, "28": 430, "29": 920,
  "30": 750, "31": 1430, "32": 190, "33": 1650, "34": 1200, "35": 1100, "36": 220, "37": 610, "38": 1280, "39": 260,
  "40": 420, "41": 330, "42": 765, "43": 228, "44": 1450, "45": 680, "46": 175, "47": 330, "48": 76, "49": 820,
  "50": 495, "51": 565, "52": 170, "53": 307, "54": 730, "55": 185, "56": 760, "57": 1045, "58": 200, "59": 2610,
  "60": 830, "61": 280, "62": 1465, "63": 660, "64": 690, "65": 230, "66": 480, "67": 1140, "68": 765, "69": 1880,
  "70": 235, "71": 550, "72": 565, "73": 435, "74": 830, "75": 2140, "76": 1250, "77": 1420, "78": 1450, "79": 375,
  "80": 570, "81": 390, "82": 260, "83": 1080, "84": 560, "85": 690, "86": 440, "87": 370, "88": 360, "89": 335,
  "90": 140, "91": 1300, "92": 1620, "93": 1650, "94": 1400, "95": 1250,
  // Overseas: fewer sign-ups than their population (a programme first run from metropolitan France).
  "971": 230, "972": 215, "973": 170, "974": 520, "976": 170,
};

const SHARE_WITHOUT_PROFILE = 0.08;
const SHARE_NEUTRAL_PATH = 0.2;
const SHARE_IN_COHORT = 0.3;
/** Registered, never opened a module. */
const SHARE_NEVER_STARTED = 0.11;
/** Go through every step and pass every quiz (those who registered too recently run out of time). */
const SHARE_FINISHERS = 0.06;

type Rng = {
  next: () => number;
  between: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  int: (n: number) => number;
  /** Exponentially distributed, of this mean. */
  exp: (mean: number) => number;
  pick: <T>(table: WeightedTable<T>) => T;
};

type WeightedTable<T> = { items: readonly T[]; cumulative: number[] };
function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  let sum = 0;
  const cumulative = entries.map(([, w]) => (sum += w));
  return { items: entries.map(([item]) => item), cumulative: cumulative.map((c) => c / sum) };
}

function makeRng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    chance: (p) => next() < p,
    int: (n) => Math.floor(next() * n),
    exp: (mean) => -mean * Math.log(1 - next()),
    pick: (table) => {
      const u = next();
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.cumulative[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
  };
}

/** A number in [0, 1) from a string (FNV-1a): per-module traits that do not depend on the seed. */
function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4_294_967_296;
}

/** Growing sign-ups: density ∝ 1 + 2x over the span (x = 1 today), three times as many now as 26 weeks ago. */
function growingShare(u: number): number {
  return (-1 + Math.sqrt(1 + 8 * u)) / 2;
}

const sectors = weighted(SECTORS.map((s) => [s, SECTOR_WEIGHTS[s]] as const));
const sizes = weighted(SIZE_BANDS.map((s) => [s, SIZE_WEIGHTS[s]] as const));
const departments = weighted(DEPARTMENT_CODES.map((d) => [d, DEPARTMENT_POPULATION[d] ?? 300] as const));

// ---------------------------------------------------------------------------------------------
// Rows

type UserRow = {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  role: string;
  sector: string | null;
  department: string | null;
  sizeBand: string | null;
  prefersNeutralPath: boolean;
  lastActiveOn: string | null;
  createdAt: Date;
  updatedAt: Date;
};
type ProgressRow = {
  id: string;
  userId: string;
  moduleId: string;
  chapterId: string;
  intervals: string;
  watchedS: number;
  lastPositionS: number;
  lastReportAt: Date | null;
  quizBestScore: number | null;
  quizTotal: number | null;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
type AttemptRow = { id: string; userId: string; moduleId: string; score: number; total: number; isPassed: boolean; answers: string; createdAt: Date };
type AttestationRow = { id: string; code: string; userId: string; learnerName: string; totalWatchedS: number; chapterIds: string; issuedAt: Date };
type MemberRow = { cohortId: string; userId: string; role: string; joinedAt: Date };
type CohortRow = {
  id: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  ownerId: string;
  joinCode: string;
  createdAt: Date;
  updatedAt: Date;
};

type Batch = { users: UserRow[]; members: MemberRow[]; progress: ProgressRow[]; attempts: AttemptRow[]; attestations: AttestationRow[] };
const emptyBatch = (): Batch => ({ users: [], members: [], progress: [], attempts: [], attestations: [] });

// ---------------------------------------------------------------------------------------------
// Bulk writes, through the driver
//
// Not through Prisma: with the JS engine (6.19), createMany costs about 0.6 ms a row here (its
// query interpreter renders every bound parameter one by one) and a raw multi-row INSERT about
// 80 µs, i.e. half an hour or five minutes for the benchmark's 3.5 million rows. The driver does it
// in seconds: on SQLite one prepared INSERT run per row inside a transaction (no statement, so no
// bound-parameter limit, holds more than a row), on PostgreSQL one INSERT … SELECT FROM unnest(…)
// per table and batch, with one array parameter per column (COPY-like). Values are written in the
// very format Prisma's driver adapters write them, so Prisma reads them back unchanged: DateTime as
// ISO text "…+00:00" and booleans as 0/1 on SQLite, timestamp(3) in UTC on PostgreSQL.

type ColumnType = "text" | "int" | "float" | "bool" | "timestamp";
type TableSpec<Row> = { table: string; columns: readonly (readonly [keyof Row & string, ColumnType])[] };

const USER: TableSpec<UserRow> = {
  table: "User",
  columns: [["id", "text"], ["email", "text"], ["passwordHash", "text"], ["name", "text"], ["role", "text"], ["sector", "text"], ["department", "text"], ["sizeBand", "text"], ["prefersNeutralPath", "bool"], ["lastActiveOn", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]],
};
const COHORT: TableSpec<CohortRow> = {
  table: "Cohort",
  columns: [["id", "text"], ["name", "text"], ["description", "text"], ["startsOn", "text"], ["endsOn", "text"], ["ownerId", "text"], ["joinCode", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]],
};
const MEMBER: TableSpec<MemberRow> = { table: "CohortMember", columns: [["cohortId", "text"], ["userId", "text"], ["role", "text"], ["joinedAt", "timestamp"]] };
const PROGRESS: TableSpec<ProgressRow> = {
  table: "ModuleProgress",
  columns: [["id", "text"], ["userId", "text"], ["moduleId", "text"], ["chapterId", "text"], ["intervals", "text"], ["watchedS", "float"], ["lastPositionS", "float"], ["lastReportAt", "timestamp"], ["quizBestScore", "int"], ["quizTotal", "int"], ["quizPassedAt", "timestamp"], ["completedAt", "timestamp"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]],
};
const ATTEMPT: TableSpec<AttemptRow> = {
  table: "QuizAttempt",
  columns: [["id", "text"], ["userId", "text"], ["moduleId", "text"], ["score", "int"], ["total", "int"], ["isPassed", "bool"], ["answers", "text"], ["createdAt", "timestamp"]],
};
const ATTESTATION: TableSpec<AttestationRow> = {
  table: "Attestation",
  columns: [["id", "text"], ["code", "text"], ["userId", "text"], ["learnerName", "text"], ["totalWatchedS", "float"], ["chapterIds", "text"], ["issuedAt", "timestamp"]],
};

type Writer = {
  /** Inserts the tables' rows in one transaction, in the order given (parents first). */
  write: (tables: { spec: TableSpec<never>; rows: readonly object[] }[]) => Promise<void>;
  close: () => Promise<void>;
};
const part = <Row,>(spec: TableSpec<Row>, rows: readonly Row[]) => ({ spec: spec as unknown as TableSpec<never>, rows: rows as readonly object[] });

async function openWriter(url: string): Promise<Writer> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const sqlType = { text: "text", int: "integer", float: "double precision", bool: "boolean", timestamp: "timestamp(3)" } as const;
    return {
      write: async (tables) => {
        await client.query("BEGIN");
        try {
          for (const { spec, rows } of tables) {
            if (rows.length === 0) continue;
            const columns = spec.columns.map(([name, type]) => {
              const values = rows.map((row) => (row as Record<string, unknown>)[name] ?? null);
              return type === "timestamp" ? values.map((v) => (v === null ? null : (v as Date).toISOString().slice(0, 23))) : values;
            });
            const list = spec.columns.map(([name]) => `"${name}"`).join(", ");
            const unnest = spec.columns.map(([, type], i) => `$${i + 1}::${sqlType[type]}[]`).join(", ");
            await client.query(`INSERT INTO "${spec.table}" (${list}) SELECT * FROM unnest(${unnest})`, columns);
          }
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
      close: () => client.end(),
    };
  }
  const db = new Database(resolve(process.cwd(), url.replace(/^file:/, "").split("?")[0]!));
  db.pragma("busy_timeout = 5000");
  const statements = new Map<string, ReturnType<typeof db.prepare<unknown[]>>>();
  const statementFor = (spec: TableSpec<never>) => {
    const list = spec.columns.map(([name]) => `"${name}"`).join(", ");
    const statement = statements.get(spec.table) ?? db.prepare<unknown[]>(`INSERT INTO "${spec.table}" (${list}) VALUES (${spec.columns.map(() => "?").join(", ")})`);
    statements.set(spec.table, statement);
    return statement;
  };
  const convert: Record<ColumnType, (v: unknown) => unknown> = {
    text: (v) => v,
    int: (v) => v,
    float: (v) => v,
    bool: (v) => (v ? 1 : 0),
    timestamp: (v) => (v as Date).toISOString().replace("Z", "+00:00"),
  };
  const writeAll = db.transaction((tables: { spec: TableSpec<never>; rows: readonly object[] }[]) => {
    for (const { spec, rows } of tables) {
      const statement = statementFor(spec);
      const names = spec.columns.map(([name]) => name);
      const converters = spec.columns.map(([, type]) => convert[type]);
      const values: unknown[] = new Array(names.length);
      for (const row of rows) {
        for (let i = 0; i < names.length; i++) {
          const v = (row as Record<string, unknown>)[names[i]!];
          values[i] = v === null || v === undefined ? null : converters[i]!(v);
        }
        statement.run(values);
      }
    }
  });
  return {
    write: async (tables) => {
      writeAll.immediate(tables);
    },
    close: async () => {
      db.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Behaviour inside a module

type ModuleTraits = { hotspot: number; firstTryPass: number };

/** Where a module loses people (a share of its length) and how hard its quiz is: fixed per module. */
function traitsOf(module: Module): ModuleTraits {
  return { hotspot: 0.3 + 0.5 * hashUnit(`${module.id}:hotspot`), firstTryPass: 0.58 + 0.27 * hashUnit(`${module.id}:quiz`) };
}

/** The share of a module watched before leaving it: many leave early, some at the module's weak spot, the rest anywhere. */
function leavingShare(rng: Rng, traits: ModuleTraits): number {
  const r = rng.next();
  if (r < 0.35) return rng.between(0.02, 0.15);
  if (r < 0.55) return Math.min(0.88, Math.max(0.05, traits.hotspot + rng.between(-0.04, 0.04)));
  return rng.between(0.05, 0.88);
}

/** Seconds to a tenth, as the server stores them. */
const tenth = (s: number) => Math.round(s * 10) / 10;

type Watch = "full" | "skip" | "partial";

function watchedIntervals(rng: Rng, kind: Watch, durationS: number, traits: ModuleTraits): Interval[] {
  if (kind === "full") return [[0, durationS]];
  if (kind === "skip") {
    // Jumped over a short passage (2–8 %), still watched enough.
    const length = durationS * rng.between(0.02, 0.08);
    const start = rng.between(0.1, 0.85) * durationS;
    return mergeIntervals([
      [0, tenth(start)],
      [tenth(start + length), durationS],
    ]);
  }
  const end = tenth(durationS * leavingShare(rng, traits));
  if (end > 30 && rng.chance(0.2)) {
    // Skipped a little on the way before leaving.
    const a = tenth(end * rng.between(0.3, 0.7));
    return mergeIntervals([
      [0, a],
      [tenth(a + Math.min(8, (end - a) / 2)), end],
    ]);
  }
  return [[0, end]];
}

/** How many attempts, and whether the last one passed (those who may give up sometimes stop after failing). */
function attemptsToPass(rng: Rng, traits: ModuleTraits, givesUp: boolean): { attempts: number; passed: boolean } {
  const r = rng.next();
  if (r < traits.firstTryPass) return { attempts: 1, passed: true };
  const rest = (r - traits.firstTryPass) / (1 - traits.firstTryPass);
  if (givesUp && rest < 0.12) return { attempts: 1 + rng.int(2), passed: false };
  if (rest < 0.72) return { attempts: 2, passed: true };
  if (rest < 0.95) return { attempts: 3, passed: true };
  return { attempts: 4, passed: true };
}

/** Answers that grade as a pass (all right, or one wrong) or as a fail. */
function answersFor(rng: Rng, module: Module, pass: boolean): number[] {
  const total = module.quiz.length;
  const passing = Math.ceil((2 * total) / 3);
  const wrongCount = pass ? (rng.chance(0.6) ? 0 : Math.min(1, total - passing)) : total - passing + 1 + rng.int(passing);
  const wrong = new Set<number>();
  while (wrong.size < Math.min(total, wrongCount)) wrong.add(rng.int(total));
  return module.quiz.map((q, i) => (wrong.has(i) ? (q.answer + 1 + rng.int(q.choices.length - 1)) % q.choices.length : q.answer));
}

// ---------------------------------------------------------------------------------------------
// One learner

type Plan = { module: Module; chapterIndex: number };

/** The modules a learner takes, in order: their path, with a detour now and then to the other module of a step. */
function learnerModules(rng: Rng, programme: Programme, isNeutral: boolean): Plan[] {
  const plan: Plan[] = [];
  programme.chapters.forEach((chapter, chapterIndex) => {
    for (const item of modulesOnPath(chapter, programme.modulesById, isNeutral)) {
      const other = isNeutral ? item.replaces : item.module.neutralTwinId ? programme.modulesById.get(item.module.neutralTwinId)! : null;
      if (item.module.replacesId && !isNeutral) continue; // the twin, listed after its vendor module: decided with it
      if (!other) {
        plan.push({ module: item.module, chapterIndex });
        continue;
      }
      const r = rng.next();
      if (isNeutral) {
        plan.push({ module: item.module, chapterIndex });
        if (r < 0.04) plan.push({ module: other, chapterIndex }); // curious about the vendor's module too
      } else if (r < 0.12) {
        plan.push({ module: other, chapterIndex }); // prefers the neutral module for this step
      } else {
        plan.push({ module: item.module, chapterIndex });
        if (r < 0.37) plan.push({ module: other, chapterIndex }); // watches both, as listed
      }
    }
  });
  return plan;
}

type Cohort = { row: CohortRow; startMs: number; weight: number };

type LearnerOutput = { record: LearnerRecord; batch: Batch; isNeutral: boolean; hasProfile: boolean; cohortId: string | null };

function pad(n: number) {
  return String(n).padStart(4, "0");
}

function generateLearner(
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

const CITIES = ["Lille", "Amiens", "Rouen", "Caen", "Rennes", "Brest", "Nantes", "Angers", "Tours", "Orléans", "Dijon", "Besançon", "Strasbourg", "Metz", "Reims", "Lyon", "Grenoble", "Clermont-Ferrand", "Limoges", "Poitiers", "Bordeaux", "Pau", "Toulouse", "Montpellier", "Nîmes", "Marseille", "Nice", "Ajaccio", "Saint-Denis (La Réunion)", "Pointe-à-Pitre", "Paris", "Créteil", "Versailles"];

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
