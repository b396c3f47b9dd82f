// The trainer's cohort dashboard (getCohortDashboard) for a 1,000-learner cohort, on SQLite and on
// PostgreSQL: server time p50/p95/max over 200 calls after 20 warm-up calls, the number of SQL
// statements one dashboard sends (for 10, 100 and 1,000 learners: it must not grow with the
// cohort), and where the time goes. Numbers, not pass/fail. Targets: p95 ≤ 50 ms, Node CPU ≤ 15 ms a call.
//
// Each engine runs in its own child process (the environment, DATABASE_URL included, is read once
// per process): SQLite in a temporary file, PostgreSQL on a throwaway cluster (skipped, with the
// reason, when its binaries are missing). `--json` ends the output with one JSON line.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { migrateDatabase } from "../scripts/lib/migrate.mjs";
import { startPostgresCluster } from "../scripts/lib/pg-cluster.mjs";

const LEARNERS = 1000;
const COUNT_SIZES = [10, 100, 1000];
const WARMUP = 20;
const CALLS = Number(process.env.BENCH_DASHBOARD_CALLS ?? 200);
const RESULT_PREFIX = "@@cohort-dashboard-result ";
const isJson = process.argv.includes("--json");

type EngineResult = {
  learners: number;
  progressRows: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of this Node process per call (median): less sensitive than wall time to other work on the machine; excludes the PostgreSQL server's own work. */
  cpuP50Ms: number;
  queries: number;
  queriesByLearners: Record<string, number>;
  /** Medians of one call's parts: the SQL reads (each from its call to its rows, summed: they run side by side, so the sum exceeds their share of the call), buildDashboard (the arithmetic alone). */
  breakdownP50Ms: { readsSummed: number; arithmetic: number };
  /** Each SQL statement of one call, in order: its table (and shape), median time from its call to its rows. */
  statementsP50Ms: { statement: string; ms: number }[];
};
type Outcome = EngineResult | { skipped: string };

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

/** "ModuleProgress GROUP BY", "User IN(997)": enough to tell the statements of one call apart. */
function statementLabel(sql: string) {
  const table = sql.match(/\bFROM\s+(?:[`"]\w+[`"]\.)?[`"](\w+)[`"]/)?.[1] ?? sql.slice(0, 20);
  const inList = sql.match(/\bIN \(((?:[?]|\$\d+)(?:,(?:[?]|\$\d+))*)\)/)?.[1];
  return [table, /\bGROUP BY\b/.test(sql) ? "GROUP BY" : "", inList ? `IN(${inList.split(",").length})` : ""].filter(Boolean).join(" ");
}

/** In the child: one engine, the database named by DATABASE_URL. */
async function measure(): Promise<EngineResult> {
  // Counting must be switched on before the first getDb(); the modules that read the environment
  // are imported only now, in the child, after DATABASE_URL is set.
  const { enableQueryCounting, countQueries } = await import("@/server/db");
  enableQueryCounting();
  const { getCohortDashboard } = await import("@/server/data/cohort-dashboard");
  const { buildDashboard } = await import("@/lib/cohorts/dashboard");
  const { itemSlots } = await import("@/lib/cohorts/assignments");
  const { dayOf } = await import("@/lib/calendar-day");
  const { getProgramme } = await import("@/server/content");
  const { generateCohort } = await import("../scripts/generate-cohort.mjs");

  await migrateDatabase(process.env.DATABASE_URL!);
  const now = new Date();
  const queriesByLearners: Record<string, number> = {};
  let big: Awaited<ReturnType<typeof generateCohort>> | null = null;
  for (const size of COUNT_SIZES) {
    const generated = await generateCohort({ learners: size, now });
    console.log(`  ${size} learners generated: ${generated.progress.length} progress rows, ${generated.seconds.toFixed(1)} s`);
    await getCohortDashboard(generated.trainer, generated.cohortId, now); // the first call opens the connection
    const { result, count } = await countQueries(() => getCohortDashboard(generated.trainer, generated.cohortId, now));
    if (result.rows.length !== size) throw new Error(`dashboard of ${size} learners has ${result.rows.length} rows`);
    queriesByLearners[String(size)] = count;
    if (size === LEARNERS) big = generated;
  }
  if (!big) throw new Error("no 1,000-learner cohort");
  const { trainer, cohortId } = big;

  for (let i = 0; i < WARMUP; i++) await getCohortDashboard(trainer, cohortId, now);
  const totals: number[] = [];
  const cpu: number[] = [];
  const drivers: number[] = [];
  const statementMs: { label: string; ms: number[] }[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { driverMs, statements } = await countQueries(() => getCohortDashboard(trainer, cohortId, now));
    totals.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
    drivers.push(driverMs);
    statements.forEach((s, k) => (statementMs[k] ??= { label: statementLabel(s.sql), ms: [] }).ms.push(s.ms));
  }

  // The arithmetic alone, on the same rows as the database holds (kept by the generator).
  const programme = getProgramme();
  const assignments = big.assignments.map((a) => ({ id: a.id, itemKind: a.itemKind, itemId: a.itemId, dueKind: a.dueKind, dueOn: a.dueOn, dueDays: a.dueDays }));
  const moduleIds = new Set(assignments.flatMap((a) => itemSlots(programme, a).flat()));
  const facts = big.progress.filter((p) => moduleIds.has(p.moduleId));
  const lastActivity = new Map<string, Date>();
  for (const p of big.progress) {
    const last = lastActivity.get(p.userId);
    if (!last || p.updatedAt > last) lastActivity.set(p.userId, p.updatedAt);
  }
  const learners = big.learners.map((l) => ({ userId: l.id, name: l.name, joinedAt: l.joinedAt }));
  const input = { programme, assignments, learners, facts, extensions: big.extensions, lastActivity, today: dayOf(now) };
  const arithmetic: number[] = [];
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const t0 = performance.now();
    buildDashboard(input);
    if (i >= WARMUP) arithmetic.push(performance.now() - t0);
  }

  const sorted = [...totals].sort((a, b) => a - b);
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return {
    learners: LEARNERS,
    progressRows: big.progress.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1)!),
    cpuP50Ms: round(median(cpu)),
    queries: queriesByLearners[String(LEARNERS)]!,
    queriesByLearners,
    breakdownP50Ms: { readsSummed: round(median(drivers)), arithmetic: round(median(arithmetic)) },
    statementsP50Ms: statementMs.map((s) => ({ statement: s.label, ms: round(median(s.ms)) })),
  };
}

/** In the parent: runs one engine's child, forwarding its lines, and returns its result. */
function runChild(databaseUrl: string): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename, "--child"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: randomUUID() + randomUUID(), SCHEDULER_INTERVAL_S: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let result: EngineResult | null = null;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as EngineResult;
      else console.log(line);
    });
    child.on("error", reject);
    child.on("close", (code) => (result ? resolve(result) : reject(new Error(`child exited with code ${code} without a result`))));
  });
}

function describe(engine: string, r: Outcome) {
  if ("skipped" in r) return `${engine}: skipped — ${r.skipped}`;
  const counts = COUNT_SIZES.map((n) => `${n} → ${r.queriesByLearners[String(n)]}`).join(", ");
  const b = r.breakdownP50Ms;
  return [
    `${engine}: ${r.learners} learners, 3 assignments, ${r.progressRows} progress rows in the cohort`,
    `  getCohortDashboard ×${CALLS} (after ${WARMUP} warm-up): p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms (target p95 ≤ 50 ms); Node CPU per call p50 ${r.cpuP50Ms.toFixed(1)} ms`,
    `  SQL statements per dashboard (learners → statements): ${counts}`,
    `  where the time goes (medians): the SQL reads ${b.readsSummed.toFixed(1)} ms summed (they run side by side: the sum exceeds their share of the call), buildDashboard ${b.arithmetic.toFixed(1)} ms`,
    `  statements (median ms from each call to its rows): ${r.statementsP50Ms.map((s) => `${s.statement} ${s.ms.toFixed(1)}`).join(" · ")}`,
  ].join("\n");
}

if (process.argv.includes("--child")) {
  try {
    console.log(RESULT_PREFIX + JSON.stringify(await measure()));
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

const results: Record<string, Outcome> = {};
const dir = mkdtempSync(join(tmpdir(), "accelerateur-bench-cohort-"));
try {
  console.log(`… cohort dashboard, SQLite (temporary file)`);
  results.sqlite = await runChild(`file:${join(dir, "bench.db")}`).catch((error: Error) => ({ skipped: `failed: ${error.message}` }));
  console.log(describe("SQLite", results.sqlite));

  console.log(`… cohort dashboard, PostgreSQL (throwaway cluster)`);
  let stop: (() => void) | null = null;
  try {
    const { cluster, reason } = await startPostgresCluster({ database: "accelerateur_bench" });
    if (!cluster) {
      results.postgresql = { skipped: reason };
    } else {
      stop = cluster.stop;
      results.postgresql = await runChild(cluster.url).catch((error: Error) => ({ skipped: `failed: ${error.message}` }));
    }
  } catch (error) {
    results.postgresql = { skipped: `cluster did not start: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    stop?.();
  }
  console.log(describe("PostgreSQL", results.postgresql));
  console.log(`node ${process.version}; server time is measured around the function call (no HTTP, no rendering)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (isJson) console.log(JSON.stringify({ cohortDashboard: results }));
process.exit(0);
