// npm run bench: the benchmarks one after the other, each in its own process (heartbeat on SQLite and
// on PostgreSQL with two instances, the learner's pages on SQLite, keeping a chapter offline on a
// phone, the cohort dashboard, then the admin statistics at 100,000 learners), their lines passed through.
// `npm run bench -- --json` ends with ONE JSON line holding every figure:
// {"sqlite": {"pingRps", "heartbeatRps", "pingP99Ms", "heartbeatP99Ms", …, "pages": {"pingRps", "home",
//  "chapter", "module", "progress", …}}, "postgresql": {…},
//  "heartbeat": {clients, seconds, …}, "frameworkFloor": {pingRps, pageRps, ratio, firstLoadJsGzipBytes},
//  "offline": {keepMs, keptBytes, buildFileBytes, serviceWorkerBytes, serviceWorkerGzipBytes}, "cohortDashboard": {...}, "adminStats": {...}}.
// A benchmark that fails is reported in that line ({"error": ...}) and the next one still runs.
// `--heartbeat-only` runs the heartbeat benchmark alone (about a minute and a half);
// `--engine sqlite` (or postgresql) limits it to one engine.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

const isJson = process.argv.includes("--json");
const isHeartbeatOnly = process.argv.includes("--heartbeat-only");
const engineIndex = process.argv.indexOf("--engine");
const engineArgs = engineIndex >= 0 ? ["--engine", process.argv[engineIndex + 1] ?? ""] : [];

type Run = { code: number | null; lines: string[]; json: Record<string, unknown> | null };

/** Runs one benchmark file; any line that is a JSON object is kept (not echoed), the others are echoed. */
function run(file: string, extraArgs: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", join(import.meta.dirname, file), ...extraArgs], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    let json: Record<string, unknown> | null = null;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("{")) {
        try {
          json = JSON.parse(line) as Record<string, unknown>;
          return;
        } catch {
          // not JSON after all: echo it
        }
      }
      lines.push(line);
      console.log(line);
    });
    child.on("close", (code) => resolve({ code, lines, json }));
  });
}

const notRun = { error: "not run (--heartbeat-only)" };
const heartbeat = await run("heartbeat.bench.mts", ["--json", ...engineArgs]);
const heartbeatFigures = (heartbeat.json?.heartbeat as Record<string, unknown> | undefined) ?? {};
const engineFigures = (engine: string) =>
  (heartbeatFigures[engine] as Record<string, unknown> | undefined) ??
  (engineArgs.length && !engineArgs[1]!.includes(engine)
    ? { error: `not run (--engine ${engineArgs[1]})` }
    : { error: `heartbeat benchmark gave no figures for ${engine} (exit code ${heartbeat.code})` });
const { sqlite: _sqlite, postgresql: _postgresql, ...heartbeatRun } = heartbeatFigures;
let pages: Run | null = null;
let offline: Run | null = null;
let dashboard: Run | null = null;
let adminStats: Run | null = null;
let packages: Run | null = null;
if (!isHeartbeatOnly) {
  console.log("");
  // The heartbeat benchmark has just (re)built .next-bench from the current sources: the pages use it.
  pages = await run("pages.bench.mts", ["--json"], { BENCH_PAGES_DIST_DIR: ".next-bench" });
  console.log("");
  offline = await run("offline.bench.mts", ["--json"], { BENCH_OFFLINE_DIST_DIR: ".next-bench" });
  console.log("");
  dashboard = await run("cohort-dashboard.bench.mts", ["--json"]);
  console.log("");
  adminStats = await run("admin-stats.bench.mts", ["--json"]);
  console.log("");
  packages = await run("packages.bench.mts", ["--json"]);
}
const pagesFigures = !pages
  ? notRun
  : ((pages.json?.pages as Record<string, unknown> | undefined)?.sqlite ?? { error: `pages benchmark gave no figures (exit code ${pages.code})` });
const figures = {
  sqlite: { ...engineFigures("sqlite"), pages: pagesFigures },
  postgresql: engineFigures("postgresql"),
  heartbeat: heartbeatRun,
  // Next.js itself: a blank page rendered per request ÷ its bare route, its first-load JavaScript.
  frameworkFloor: !pages ? notRun : ((pages.json?.pages as Record<string, unknown> | undefined)?.floor ?? { error: `pages benchmark gave no floor figures (exit code ${pages.code})` }),
  offline: !offline ? notRun : ((offline.json?.offline as Record<string, unknown> | undefined) ?? { error: `offline benchmark gave no figures (exit code ${offline.code})` }),
  cohortDashboard: !dashboard ? notRun : ((dashboard.json?.cohortDashboard as Record<string, unknown> | undefined) ?? { error: `cohort dashboard benchmark gave no figures (exit code ${dashboard.code})` }),
  adminStats: !adminStats ? notRun : ((adminStats.json?.adminStats as Record<string, unknown> | undefined) ?? { error: `admin statistics benchmark gave no figures (exit code ${adminStats.code})` }),
  packages: !packages ? notRun : ((packages.json?.packages as Record<string, unknown> | undefined) ?? { error: `packages benchmark gave no figures (exit code ${packages.code})` }),
};
if (isJson) console.log(JSON.stringify(figures));
process.exit([heartbeat, pages, offline, dashboard, adminStats, packages].every((r) => r === null || r.code === 0) ? 0 : 1);
