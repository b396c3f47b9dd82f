// npm test: every test, in order of cost, after checking what it needs from Debian.
//   0. content check (content/)             4. production build into .next-test
//   1. type check (tsc)                      5. end-to-end tests in Debian's Chromium (Playwright)
//   2. unit tests (vitest, lib/ and tests/unit)  6. crash test: heartbeats while the server is SIGKILLed (tests/crash)
//   3. integration tests on SQLite and on PostgreSQL (throwaway cluster), side by side
// Before anything: Debian's chromium-headless-shell and the PostgreSQL server binaries (scripts/lib/test-prerequisites.mjs).
// As root, the missing ones are installed with apt-get; otherwise the run stops at once with the command.
// PostgreSQL: Debian's binaries start a cluster in a temporary folder on 127.0.0.1; a cluster that
// does not start fails the step (the binaries are there, so it is a real failure, not a skip).
// Ends with one line "N passed, N failed[, N skipped]" summing the test runners' own counts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgresCluster } from "./lib/pg-cluster.mjs";
import { baseEnv, root } from "./lib/runtime-env.mjs";
import { ensureTestPrerequisites } from "./lib/test-prerequisites.mjs";

const runStarted = Date.now();
const prerequisites = ensureTestPrerequisites();
if (!prerequisites.ok) {
  console.error(`\n${prerequisites.message}\n\nStopped before running any test.`);
  process.exit(1);
}
if (prerequisites.installed.length) console.log(`✓ Installed: ${prerequisites.installed.join(", ")}`);

const reportDir = mkdtempSync(join(tmpdir(), "accelerateur-test-reports-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const bin = (name) => join(root, "node_modules", ".bin", name);

const durations = [];
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function step(label, command, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: baseEnv(env) });
  durations.push([label, Date.now() - started]);
  if (result.status !== 0) failedSteps.push(label);
  return result.status === 0;
}

function addVitestCounts(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function addPlaywrightCounts(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}

function vitestArgs(label, project) {
  const file = join(reportDir, `${label.replace(/\W+/g, "-")}.json`);
  return { file, args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`] };
}

function vitest(label, project, env = {}) {
  const { file, args } = vitestArgs(label, project);
  step(label, bin("vitest"), args, env);
  addVitestCounts(file);
}

/**
 * Several vitest runs at once (each on its own database, one core each): their output is kept and
 * printed whole, in the order given, as each ends.
 */
async function vitestSideBySide(runs) {
  const started = runs.map(({ label, project, env }) => {
    const { file, args } = vitestArgs(label, project);
    const startedAt = Date.now();
    const child = spawn(bin("vitest"), args, { cwd: root, env: baseEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => chunks.push(chunk));
    const ended = new Promise((resolve) => {
      child.on("error", (error) => resolve({ code: 1, error, endedAt: Date.now() }));
      child.on("close", (code) => resolve({ code, endedAt: Date.now() }));
    });
    return { label, file, startedAt, chunks, ended };
  });
  for (const run of started) {
    const { code, error, endedAt } = await run.ended;
    console.log(`\n━━ ${run.label} (run beside ${started.filter((other) => other !== run).map((other) => other.label).join(", ")})`);
    process.stdout.write(Buffer.concat(run.chunks));
    if (error) console.log(error.message);
    durations.push([`${run.label} (side by side)`, endedAt - run.startedAt]);
    if (code !== 0) failedSteps.push(run.label);
    addVitestCounts(run.file);
  }
}

step("Content check", process.execPath, ["--import", "tsx", "scripts/content-check.mts"]);
step("Type check", bin("tsc"), ["--noEmit"]);
vitest("Unit tests", "unit");
// Both engines at once: each run is one vitest process (files one after the other) on its own database.
const sqliteRun = { label: "Integration tests on SQLite", project: "integration", env: { DATABASE_URL: "" } };
const { cluster, reason } = await startPostgresCluster().catch((error) => ({ cluster: null, reason: error.message }));
if (cluster) {
  try {
    await vitestSideBySide([sqliteRun, { label: "Integration tests on PostgreSQL", project: "integration", env: { DATABASE_URL: cluster.url } }]);
  } finally {
    cluster.stop();
  }
} else {
  vitest(sqliteRun.label, sqliteRun.project, sqliteRun.env);
  console.log(`\n━━ Integration tests on PostgreSQL: cannot start PostgreSQL (${reason})`);
  failedSteps.push("Integration tests on PostgreSQL");
}

const distDir = ".next-test";
// One build for both end-to-end servers: the content is read when a server starts (the fixture
// server is given the short test content with CONTENT_DIR, playwright.config.ts).
if (step("Production build (for end-to-end tests)", bin("next"), ["build"], { NEXT_DIST_DIR: distDir, BUILD_SKIP_TYPE_CHECK: "1" })) {
  const file = join(reportDir, "e2e.json");
  step("End-to-end tests (Chromium)", bin("playwright"), ["test"], { NEXT_DIST_DIR: distDir, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  addPlaywrightCounts(file);
  // Serves the same build; about 30 s.
  const crashFile = join(reportDir, "crash.json");
  step("Crash test (heartbeats under load, the server killed with SIGKILL, restarted)", bin("vitest"), ["run", "--config", "tests/crash/vitest.config.mts", "--reporter=default", "--reporter=json", `--outputFile.json=${crashFile}`], { CRASH_DIST_DIR: distDir, CRASH_TEST_REUSE_BUILD: "1" });
  addVitestCounts(crashFile);
} else {
  console.log("\n━━ End-to-end and crash tests: not run, the build failed");
}

rmSync(reportDir, { recursive: true, force: true });
// Where the run's time went (the budget is 15 minutes on 2 cores).
console.log(`\nTime per step (${seconds(Date.now() - runStarted)} in all):`);
for (const [label, ms] of durations) console.log(`  ${seconds(ms).padStart(5)}  ${label}`);
console.log("");
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join("; ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedSteps.length ? 1 : 0);
