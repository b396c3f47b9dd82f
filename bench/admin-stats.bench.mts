// The admin statistics pages at national scale, on SQLite and on PostgreSQL: a synthetic population
// of 100,000 learners (scripts/population/; BENCH_STATS_LEARNERS overrides), then each page's
// figures function (overview, funnel, retention of one module, paths, breakdowns) timed around the
// call — p50/p95/max over 200 calls after 20 warm-up calls — and the number of SQL statements one
// call sends, for 1,000 and for 100,000 learners (it must be the same: the pages read counters,
// never progress rows). Numbers, not pass/fail. Target: p95 ≤ 20 ms.
//
// Each engine and size runs in its own child process (the environment, DATABASE_URL included, is
// read once per process): SQLite in temporary files, PostgreSQL in two databases of a throwaway
// cluster (skipped, with the reason, when its binaries are missing). `--json` ends the output with
// one JSON line {"adminStats": {"sqlite": …, "postgresql": …}}.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { migrateDatabase } from "../scripts/lib/migrate.mjs";
import { startPostgresCluster } from "../scripts/lib/pg-cluster.mjs";

const LEARNERS = Number(process.env.BENCH_STATS_LEARNERS ?? 100_000);
const SMALL = 1000;
const WARMUP = 20;
const CALLS = Number(process.env.BENCH_STATS_CALLS ?? 200);
const SEED = 20_261_201;
const RESULT_PREFIX = "@@admin-stats-result ";
const PAGES = ["overview", "funnel", "retention", "paths", "breakdowns"] as const;
type Page = (typeof PAGES)[number];
const isJson = process.argv.includes("--json");

type PageFigures = { p50Ms: number; p95Ms: number; maxMs: number; queries: number };
type ChildResult = {
  learners: number;
  progressRows: number;
  quizAttempts: number;
  attestations: number;
  generationSeconds: number;
  /** Counters equal to a recount of every row (checked on the small population only: a recount of millions of rows takes minutes). */
  countersMatchRecount: boolean | null;
  /** A few figures of the overview, to see that the pages show something. */
  overview: Record<string, string>;
  queries: Record<Page, number>;
  timings: Record<Page, Omit<PageFigures, "queries">> | null;
};
type EngineResult = {
  learners: number;
  progressRows: number;
  quizAttempts: number;
  attestations: number;
  generationSeconds: number;
  pages: Record<Page, PageFigures>;
  queriesByLearners: Record<string, Record<Page, number>>;
  queriesConstant: boolean;
  smallCountersMatchRecount: boolean | null;
  overview: Record<string, string>;
};
type Outcome = EngineResult | { skipped: string };

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

/** In the child: one database (DATABASE_URL), one population size. */
async function measure(learners: number, timed: boolean): Promise<ChildResult> {
  // Counting must be switched on before the first getDb(); the modules that read the environment
  // are imported only now, in the child, after DATABASE_URL is set.
  const { enableQueryCounting, countQueries, getDb, isPostgres } = await import("@/server/db");
  enableQueryCounting();
  const stats = await import("@/server/data/admin-stats");
  const { seedPopulation } = await import("@/scripts/population");
  const { readStatTables, recountStatCounters } = await import("@/server/data/stat-counters");
  const { getProgramme } = await import("@/server/content");
  const { makeTranslator } = await import("@/lib/i18n");
  const { isDeepStrictEqual } = await import("node:util");

  await migrateDatabase(process.env.DATABASE_URL!);
  const now = new Date(process.env.BENCH_NOW!);
  let shown = 0;
  const population = await seedPopulation({
    learners,
    seed: SEED,
    now,
    onProgress: (done, total) => {
      if (done === total || performance.now() - shown > 15_000) {
        shown = performance.now();
        console.log(`    ${done.toLocaleString("en")} / ${total.toLocaleString("en")} learners written`);
      }
    },
  });
  console.log(
    `  ${learners.toLocaleString("en")} learners generated in ${population.seconds.toFixed(1)} s: ${population.progressRows.toLocaleString("en")} progress rows, ${population.quizAttempts.toLocaleString("en")} quiz attempts, ${population.attestations.toLocaleString("en")} attestations, ${population.cohorts} cohorts`,
  );
  // A bulk load leaves PostgreSQL's visibility map and statistics to autovacuum, which would then
  // run during the measurements: done once here, as an operator would after an import.
  if (isPostgres()) await getDb().$executeRawUnsafe("VACUUM ANALYZE");
  const countersMatchRecount = timed ? null : isDeepStrictEqual(await readStatTables(), await recountStatCounters());

  const admin = { id: "bench-admin", role: "admin" as const };
  const t = makeTranslator("fr");
  const moduleId = getProgramme().chapters[0]!.modules[0]!.id;
  const calls: Record<Page, () => Promise<unknown>> = {
    overview: () => stats.getOverviewStats(admin, t, now),
    funnel: () => stats.getFunnelStats(admin, "fr", t),
    retention: () => stats.getRetentionStats(admin, "fr", t, moduleId),
    paths: () => stats.getPathStats(admin, "fr", t),
    breakdowns: () => stats.getBreakdownStats(admin, t),
  };
  const overviewTable = (await stats.getOverviewStats(admin, t, now)).overview; // also opens the connection
  const overview = Object.fromEntries(
    overviewTable.rows.map((r) => {
      const cell = r.cells[0]!;
      return [r.key, cell.kind === "count" ? (cell.entry.isSuppressed ? "< 10" : String(cell.entry.value)) : "?"];
    }),
  );

  const queries = {} as Record<Page, number>;
  for (const page of PAGES) {
    await calls[page]();
    queries[page] = (await countQueries(calls[page])).count;
  }
  if (!timed) return { learners, progressRows: population.progressRows, quizAttempts: population.quizAttempts, attestations: population.attestations, generationSeconds: round(population.seconds), countersMatchRecount, overview, queries, timings: null };

  const timings = {} as Record<Page, Omit<PageFigures, "queries">>;
  for (const page of PAGES) {
    for (let i = 0; i < WARMUP; i++) await calls[page]();
    const totals: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const t0 = performance.now();
      await calls[page]();
      totals.push(performance.now() - t0);
    }
    const sorted = totals.sort((a, b) => a - b);
    timings[page] = { p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted.at(-1)!) };
  }
  return { learners, progressRows: population.progressRows, quizAttempts: population.quizAttempts, attestations: population.attestations, generationSeconds: round(population.seconds), countersMatchRecount, overview, queries, timings };
}

/** In the parent: runs one child, forwarding its lines, and returns its result. */
function runChild(databaseUrl: string, learners: number, timed: boolean, now: Date): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = ["--conditions=react-server", "--import", "tsx", import.meta.filename, "--child", String(learners), timed ? "timed" : "count"];
    const child = spawn(process.execPath, args, {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: randomUUID() + randomUUID(), SCHEDULER_INTERVAL_S: "0", BENCH_NOW: now.toISOString() },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let result: ChildResult | null = null;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult;
      else console.log(line);
    });
    child.on("error", reject);
    child.on("close", (code) => (result ? resolve(result) : reject(new Error(`child exited with code ${code} without a result`))));
  });
}

/** One engine: the small population (query counts) in one database, the big one (counts and timings) in another. */
async function runEngine(smallUrl: string, bigUrl: string, now: Date): Promise<EngineResult> {
  const small = await runChild(smallUrl, SMALL, false, now);
  const big = await runChild(bigUrl, LEARNERS, true, now);
  const pages = Object.fromEntries(PAGES.map((p) => [p, { ...big.timings![p], queries: big.queries[p] }])) as Record<Page, PageFigures>;
  return {
    learners: big.learners,
    progressRows: big.progressRows,
    quizAttempts: big.quizAttempts,
    attestations: big.attestations,
    generationSeconds: big.generationSeconds,
    pages,
    queriesByLearners: { [String(SMALL)]: small.queries, [String(LEARNERS)]: big.queries },
    queriesConstant: PAGES.every((p) => small.queries[p] === big.queries[p]),
    smallCountersMatchRecount: small.countersMatchRecount,
    overview: big.overview,
  };
}

function describe(engine: string, r: Outcome) {
  if ("skipped" in r) return `${engine}: skipped — ${r.skipped}`;
  const n = (x: number) => x.toLocaleString("en");
  const header = `  ${"page".padEnd(12)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"max ms".padStart(9)}   queries (${n(SMALL)} → ${n(r.learners)} learners)`;
  const lines = PAGES.map((p) => {
    const f = r.pages[p];
    const counts = `${r.queriesByLearners[String(SMALL)]![p]} → ${r.queriesByLearners[String(r.learners)]![p]}`;
    return `  ${p.padEnd(12)}${f.p50Ms.toFixed(2).padStart(9)}${f.p95Ms.toFixed(2).padStart(9)}${f.maxMs.toFixed(2).padStart(9)}   ${counts}`;
  });
  const o = r.overview;
  return [
    `${engine}: ${n(r.learners)} learners, ${n(r.progressRows)} progress rows, ${n(r.quizAttempts)} quiz attempts, ${n(r.attestations)} attestations, generated in ${r.generationSeconds.toFixed(1)} s`,
    `  overview shows: ${o.registered} registered, ${o.active7} active in 7 days, ${o.started} started, ${o.completed} completed the programme, ${o.cohortLearners} in cohorts`,
    `  ×${CALLS} calls each after ${WARMUP} warm-up (target p95 ≤ 20 ms):`,
    header,
    ...lines,
    `  queries ${r.queriesConstant ? "the same" : "NOT the same"} for ${n(SMALL)} and ${n(r.learners)} learners; counters of the ${n(SMALL)}-learner population ${r.smallCountersMatchRecount ? "equal" : "DIFFER FROM"} a full recount`,
  ].join("\n");
}

if (process.argv.includes("--child")) {
  const index = process.argv.indexOf("--child");
  try {
    console.log(RESULT_PREFIX + JSON.stringify(await measure(Number(process.argv[index + 1]), process.argv[index + 2] === "timed")));
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

const started = performance.now();
const now = new Date();
const results: Record<string, Outcome> = {};
const dir = mkdtempSync(join(tmpdir(), "accelerateur-bench-stats-"));
try {
  console.log(`… admin statistics, SQLite (temporary files)`);
  results.sqlite = await runEngine(`file:${join(dir, "small.db")}`, `file:${join(dir, "big.db")}`, now).catch((error: Error) => ({ skipped: `failed: ${error.message}` }));
  rmSync(join(dir, "big.db"), { force: true });
  console.log(describe("SQLite", results.sqlite));

  console.log(`… admin statistics, PostgreSQL (throwaway cluster)`);
  let stop: (() => void) | null = null;
  try {
    const { cluster, reason } = await startPostgresCluster({ database: "accelerateur_bench_stats" });
    if (!cluster) {
      results.postgresql = { skipped: reason };
    } else {
      stop = cluster.stop;
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      await client.query("CREATE DATABASE accelerateur_bench_stats_small");
      await client.end();
      const smallUrl = cluster.url.replace(/\/accelerateur_bench_stats$/, "/accelerateur_bench_stats_small");
      results.postgresql = await runEngine(smallUrl, cluster.url, now).catch((error: Error) => ({ skipped: `failed: ${error.message}` }));
    }
  } catch (error) {
    results.postgresql = { skipped: `cluster did not start: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    stop?.();
  }
  console.log(describe("PostgreSQL", results.postgresql));
  console.log(`node ${process.version}; server time is measured around the page's figures function (no HTTP, no rendering); ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (isJson) console.log(JSON.stringify({ adminStats: results }));
process.exit(0);
