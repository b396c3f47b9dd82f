// npm run bench — requests/s and p50/p99 latency of the progress heartbeat (POST /api/progress) at
// 50 concurrent clients, beside the same figures for a bare route handler that returns 204
// (GET /api/ping), measured in the same run against the same production servers, on both engines:
//   - SQLite (WAL): one server (scripts/server.mjs: next start plus the direct heartbeat route) on a fresh database file;
//   - PostgreSQL: a throwaway cluster (scripts/lib/pg-cluster.mjs, skipped with the reason when its
//     binaries are missing) shared by TWO server instances on two ports, the clients split
//     between them — how the platform scales out.
// Each table ends with the heartbeat/ping ratios (req/s and p99). Beside the HTTP figures, the CPU
// time the servers (and PostgreSQL's processes) spent per request during the measured seconds, read
// from /proc: a first answer to "where does the heartbeat's time go".
// Numbers, not pass/fail: nothing here is asserted. Traffic goes to 127.0.0.1 only, for a bounded time.
//
// The learners: each signs up and signs in (its own cookie), and reports like the player does
// (HEARTBEAT_INTERVAL_S of new seconds each time, in playing order), only faster than real time: its
// playback sessions are opened (signed) SESSION_AGE_H hours back so that the plausibility budget
// (2 × wall-clock time) covers the compressed time, and every reported second is credited, as in a
// real heartbeat. At the end of a module it moves to the next one with a new session. Learners
// start at different modules, as on a platform where people are at different places.
//
// Options: `--json` prints one JSON line {"heartbeat": {"sqlite": …, "postgresql": …, …}} at the end;
// `--engine sqlite` or `--engine postgresql` (or BENCH_ENGINES=sqlite) measures one engine only.
// BENCH_CPU_PROF=<folder>: the servers run under `node --cpu-prof` (profiles kept in that folder, one
// per server, to open in Chrome DevTools), and the self time of the heartbeat's measured seconds is
// printed by package and by function.
// Environment: BENCH_CLIENTS (50), BENCH_SECONDS (15 measured seconds per endpoint, after 3 s of
// warm-up), BENCH_PORT (first port; free ports otherwise).
// The build is .next-bench, rebuilt when a source is newer than it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import pg from "pg";
import { isBuildCurrent } from "../scripts/lib/build-freshness.mjs";
import { migrateDatabase } from "../scripts/lib/migrate.mjs";
import { startPostgresCluster } from "../scripts/lib/pg-cluster.mjs";
import { HEARTBEAT_INTERVAL_S } from "@/components/player/progress-reporter";
import { getProgramme } from "@/server/content";
import { createPlaybackSession } from "@/server/playback-session";
import { signUpAndSignInOverHttp } from "../tests/support/http-sign-in";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_S = 3;
/** A request unanswered this long counts as an error ("timeout"), so that a stuck server cannot stretch the run. */
const REQUEST_TIMEOUT_MS = 30_000;
/** How far back the learners' playback sessions were opened (the token is valid for 24 h). */
const SESSION_AGE_H = 12;
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-01";
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : null;
const isJson = process.argv.includes("--json");
const engineArg = process.argv.includes("--engine") ? process.argv[process.argv.indexOf("--engine") + 1] : process.env.BENCH_ENGINES;
const engines = (engineArg ?? "sqlite,postgresql").split(",").map((e) => e.trim());
const root = join(import.meta.dirname, "..");
const nextBin = join(root, "node_modules/next/dist/bin/next");
/** The production server (next start, plus the heartbeat answered before Next.js's router). */
const serverScript = join(root, "scripts/server.mjs");
const distDir = ".next-bench";
const dir = mkdtempSync(join(tmpdir(), "accelerateur-bench-"));
// This process signs the playback sessions with the servers' secret.
Object.assign(process.env, { AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" });

const children = new Set<ChildProcess>();
const serverLogs: string[] = [];
/**
 * What the servers logged as unexpected errors (route handlers log them with their stack), counted by
 * kind: the route and the error's first line(s), so that a 500 in the table has its cause beside it.
 */
function summariseServerErrors(logs: string[]): string[] {
  const kinds = new Map<string, number>();
  for (const log of logs) {
    const text = existsSync(log) ? readFileSync(log, "utf8") : "";
    for (const entry of text.split(/^(?=Unexpected error)/m).filter((e) => e.startsWith("Unexpected error"))) {
      const lines = entry.split("\n").map((l) => l.trim()).filter(Boolean);
      const route = lines[0]!.replace(/ Error.*$|\s*\[?Prisma.*$/, "").replace("Unexpected error in route handler ", "");
      const message = lines.slice(0, 8).find((l) => /conflict|deadlock|timeout|timed out|Transaction|pool|ECONN|SQLITE|lock/i.test(l)) ?? lines[1] ?? lines[0]!;
      const kind = `${route}: ${message.slice(0, 160)}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} × ${kind}`);
}

/** On a failure: the end of each server's stderr, to stderr. */
function printServerLogs() {
  for (const log of serverLogs.splice(0)) {
    const text = existsSync(log) ? readFileSync(log, "utf8").trim() : "";
    if (text) console.error(`── ${log}\n${text.slice(-3000)}`);
  }
}
const cleanups: (() => void)[] = [];
function cleanUp() {
  for (const child of children) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) cleanup();
  rmSync(dir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => { cleanUp(); process.exit(130); });

// ── build ─────────────────────────────────────────────────────────────────────────────────────────

/** Same rule as `npm start`: build when there is no build or a source is newer than it. */
function ensureBuild() {
  if (isBuildCurrent(distDir)) return;
  console.log(`… building into ${distDir} (sources changed since the last bench build)`);
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_DIST_DIR: distDir };
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("next build failed");
}

// ── servers ───────────────────────────────────────────────────────────────────────────────────────
let nextPort = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : 0;
function freePort(): Promise<number> {
  if (nextPort) return Promise.resolve(nextPort++);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Server = { origin: string; process: ChildProcess; log: string };

async function startServer(databaseUrl: string, name: string): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = join(dir, `${name}.log`);
  serverLogs.push(log);
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, AUTH_SECRET, NEXTAUTH_URL: origin };
  const profiling = CPU_PROF_DIR ? ["--cpu-prof", "--cpu-prof-dir", join(CPU_PROF_DIR, name)] : [];
  const child = spawn(process.execPath, [...profiling, serverScript, "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", openSync(log, "a")] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${origin}/api/ping`)).status === 204) return { origin, process: child, log };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not start:\n${readFileSync(log, "utf8").slice(-2000)}`);
}

async function stopServer(server: Server) {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  // A profiled server writes its profile as it exits.
  await Promise.race([exited, new Promise((r) => setTimeout(r, CPU_PROF_DIR ? 30_000 : 5000))]);
  server.process.kill("SIGKILL");
}

// ── CPU time from /proc (Linux; figures are null elsewhere) ───────────────────────────────────────
const CLOCK_TICKS_PER_S = 100;

/** utime + stime of a process, in ms (0 when it is gone). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server listening on this port and its backends (children of the postmaster). */
function postgresPids(port: number): number[] {
  if (!existsSync("/proc")) return [];
  const all = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  const postmaster = all.find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return args[0]?.endsWith("/postgres") && args[args.indexOf("-p") + 1] === String(port);
    } catch {
      return false;
    }
  });
  if (!postmaster) return [];
  const children = all.filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
    } catch {
      return false;
    }
  });
  return [postmaster, ...children];
}

/** Busy and total CPU time of the whole machine, in ms (all cores). */
function machineCpuMs(): { busy: number; total: number } {
  try {
    const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const ticks = values.map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = ticks[3]! + ticks[4]!;
    return { busy: ((total - idle) * 1000) / CLOCK_TICKS_PER_S, total: (total * 1000) / CLOCK_TICKS_PER_S };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** CPU ms so far: the servers, each PostgreSQL process by pid (backends come and go), this process, the machine. */
type CpuSample = { servers: number; database: Map<number, number> | null; client: number; machine: { busy: number; total: number }; monotonicUs: number };
function sampleCpu(servers: Server[], postgresPort: number | null): CpuSample {
  return {
    servers: servers.reduce((sum, s) => sum + processCpuMs(s.process.pid!), 0),
    database: postgresPort === null ? null : new Map(postgresPids(postgresPort).map((pid) => [pid, processCpuMs(pid)])),
    client: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    machine: machineCpuMs(),
    // The clock of V8's profiles too (CLOCK_MONOTONIC, µs): the measured window can be cut out of them.
    monotonicUs: Number(process.hrtime.bigint() / 1000n),
  };
}

/** The servers' connections to PostgreSQL by state, e.g. {"idle": 20}: "idle in transaction" left after the load would be leaked transactions. */
async function postgresConnections(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string; n: number }>(
      `SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    await client.end();
  }
}

// ── CPU profiles (BENCH_CPU_PROF) ─────────────────────────────────────────────────────────────────
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Where a function's code comes from: an npm package, the app's bundle, Node itself, or V8. */
function originOf({ functionName, url }: ProfileNode["callFrame"]): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + "/node_modules/".length).split("/");
    return scope!.startsWith("@") ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.includes(`/${distDir}/`)) return "app bundle (app, server, bundled packages)";
  return url;
}

/** Self time within [fromUs, toUs] of every profile in `folder`, by origin and by function; printed, top first. */
function summariseProfiles(folder: string, fromUs: number, toUs: number, label: string) {
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalUs = 0;
  for (const file of existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".cpuprofile")) : []) {
    const profile = JSON.parse(readFileSync(join(folder, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    let timeUs = profile.startTime;
    profile.samples.forEach((id, i) => {
      const deltaUs = profile.timeDeltas[i] ?? 0;
      timeUs += deltaUs;
      if (timeUs < fromUs || timeUs > toUs) return;
      const frame = nodes.get(id)!;
      if (frame.functionName === "(idle)") return;
      totalUs += deltaUs;
      const origin = originOf(frame);
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + deltaUs);
      const name = `${frame.functionName || "(anonymous)"} ${frame.url ? `${basename(frame.url)}:${frame.lineNumber + 1}` : ""} [${origin}]`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + deltaUs);
    });
  }
  if (!totalUs) return console.log(`\n${label}: no profile samples in the heartbeat's measured seconds (${folder})`);
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, us]) => `  ${`${((us / totalUs) * 100).toFixed(1)} %`.padStart(7)}  ${key}`);
  console.log(`\n${label}: servers' busy CPU during the heartbeat's measured seconds, ${(totalUs / 1e6).toFixed(1)} s (profiles in ${folder})`);
  console.log(["  self time by origin:", ...top(byOrigin, 12), "  self time by function:", ...top(byFunction, 20)].join("\n"));
}

// ── learners ──────────────────────────────────────────────────────────────────────────────────────
type Learner = { origin: string; cookie: string; userId: string };

/** Sign-ups answered 5xx and sent again (on PostgreSQL, concurrent sign-ups can exhaust the write-conflict retries of the registration counters). */
let signUpRetries = 0;

async function signUpAndSignIn(origin: string, i: number): Promise<Learner> {
  // Concurrent sign-ups may meet on a registration counter (PostgreSQL): a 5xx is sent again, counted.
  const account = { email: `bench-${i}@exemple.test`, password: "banc d'essai des battements", name: `Boutique ${i}`, department: "75" };
  return { origin, ...(await signUpAndSignInOverHttp(origin, account, { attempts: 5, onRetry: () => signUpRetries++ })) };
}

/** The heartbeat phase's measured seconds (monotonic µs) of the last engine measured, to cut the profiles. */
let heartbeatWindowUs: [number, number] = [0, 0];

const modules = getProgramme().chapters.flatMap((chapter) => chapter.modules);

/** A learner's player: HEARTBEAT_INTERVAL_S of new seconds each report, module after module. */
function makePlayer(learner: Learner, firstModule: number) {
  let moduleIndex = firstModule;
  let positionS = 0;
  let session = "";
  return () => {
    let module = modules[moduleIndex % modules.length]!;
    if (positionS >= module.durationS) {
      moduleIndex++;
      positionS = 0;
      session = "";
      module = modules[moduleIndex % modules.length]!;
    }
    if (!session) session = createPlaybackSession(learner.userId, module.id, Date.now() - SESSION_AGE_H * 3600_000);
    const startS = positionS;
    positionS = Math.min(module.durationS, startS + HEARTBEAT_INTERVAL_S);
    return { reportedS: positionS - startS, body: JSON.stringify({ reportId: randomUUID(), moduleId: module.id, session, intervals: [[startS, positionS]], positionS }) };
  };
}

// ── load ──────────────────────────────────────────────────────────────────────────────────────────
type Result = { requests: number; errors: number; errorsByStatus: Record<string, number>; latenciesMs: number[]; seconds: number; cpu: { start: CpuSample; end: CpuSample } };

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/**
 * CLIENTS loops, each sending its next request as soon as the previous one is answered, for
 * WARMUP_S + DURATION_S seconds; only the requests started after the warm-up are counted.
 */
async function load(
  makeRequest: (client: number, signal: AbortSignal) => Promise<Response>,
  check: (response: Response, client: number) => Promise<boolean>,
  sample: () => CpuSample,
): Promise<Result> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const errorsByStatus: Record<string, number> = {};
  const started = performance.now();
  const warmupEnd = started + WARMUP_S * 1000;
  const end = warmupEnd + DURATION_S * 1000;
  let cpuStart: CpuSample | null = null;
  const warmupTimer = setTimeout(() => (cpuStart = sample()), WARMUP_S * 1000);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const measuring = t0 >= warmupEnd;
        let status = "network error";
        let isOk = false;
        try {
          const response = await makeRequest(client, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
          status = String(response.status);
          isOk = await check(response, client);
        } catch (error) {
          if ((error as Error).name === "TimeoutError") status = `timeout (${REQUEST_TIMEOUT_MS / 1000} s)`;
          isOk = false;
        }
        if (!measuring) continue;
        latenciesMs.push(performance.now() - t0);
        if (!isOk) {
          errors++;
          errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
        }
      }
    }),
  );
  clearTimeout(warmupTimer);
  const cpuEnd = sample();
  return { requests: latenciesMs.length, errors, errorsByStatus, latenciesMs: latenciesMs.sort((a, b) => a - b), seconds: DURATION_S, cpu: { start: cpuStart ?? cpuEnd, end: cpuEnd } };
}

type EndpointFigures = { rps: number; p50Ms: number; p99Ms: number; errors: number; errorsByStatus: Record<string, number>; serverCpuMsPerRequest: number | null; databaseCpuMsPerRequest: number | null; clientCpuMsPerRequest: number; machineBusyShare: number };

function figuresOf(r: Result): EndpointFigures {
  const perRequest = (ms: number) => (r.requests ? Math.round((ms / r.requests) * 100) / 100 : NaN);
  const { start, end } = r.cpu;
  return {
    rps: Math.round(r.requests / r.seconds),
    p50Ms: Math.round(percentile(r.latenciesMs, 50) * 10) / 10,
    p99Ms: Math.round(percentile(r.latenciesMs, 99) * 10) / 10,
    errors: r.errors,
    errorsByStatus: r.errorsByStatus,
    serverCpuMsPerRequest: existsSync("/proc") ? perRequest(end.servers - start.servers) : null,
    // A process started during the window counts from zero; one that ended during it is lost (rare: pooled connections).
    databaseCpuMsPerRequest: end.database === null || start.database === null ? null : perRequest([...end.database].reduce((sum, [pid, ms]) => sum + ms - (start.database!.get(pid) ?? 0), 0)),
    clientCpuMsPerRequest: perRequest(end.client - start.client),
    machineBusyShare: Math.round(((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)) * 100) / 100,
  };
}

type EngineFigures = {
  instances: number;
  /** Unexpected errors the servers logged during the whole engine run (sign-ups included), by kind. */
  serverErrors: string[];
  /** Each instance's GET /api/health (one database query) once the heartbeats are over: "ok 12 ms", or what went wrong. */
  healthAfter: string[];
  /** PostgreSQL only: the servers' connections by state once the heartbeats are over. */
  connectionsAfter?: Record<string, number>;
  pingRps: number;
  pingP50Ms: number;
  pingP99Ms: number;
  heartbeatRps: number;
  heartbeatP50Ms: number;
  heartbeatP99Ms: number;
  /** heartbeat req/s ÷ ping req/s (issue 11: ≥ 0.6, aiming for 0.8). */
  rpsRatio: number;
  /** heartbeat p99 ÷ ping p99 (issue 11: ≤ 2). */
  p99Ratio: number;
  /** Of the seconds reported by heartbeats answered 200, the share credited (1 = every heartbeat counted in full). */
  creditedShare: number;
  /** POST /api/progress without a session (401 before the report is read): what serving the route costs besides recording. */
  unauthenticatedPostRps: number;
  ping: EndpointFigures;
  unauthenticatedPost: EndpointFigures;
  heartbeat: EndpointFigures;
};

async function measureEngine(servers: Server[], postgresPort: number | null, label: string): Promise<EngineFigures> {
  console.log(`… ${label}: creating ${CLIENTS} learners and signing them in`);
  const learners: Learner[] = [];
  // A few at a time: sign-up and sign-in hash the password (deliberately slow).
  for (let i = 0; i < CLIENTS; i += 10) {
    learners.push(...(await Promise.all(Array.from({ length: Math.min(10, CLIENTS - i) }, (_, k) => signUpAndSignIn(servers[(i + k) % servers.length]!.origin, i + k)))));
  }
  if (signUpRetries) console.log(`… ${label}: ${signUpRetries} sign-up(s) answered 5xx and were sent again (see the servers' logs: write conflicts on the registration counters)`);
  signUpRetries = 0;
  const players = learners.map((learner, i) => makePlayer(learner, (i * 7) % modules.length));
  const sample = () => sampleCpu(servers, postgresPort);

  console.log(`… ${label}: ${WARMUP_S} + ${DURATION_S} s of GET /api/ping, then ${WARMUP_S} + ${DURATION_S} s of POST /api/progress, ${CLIENTS} concurrent clients`);
  const ping = await load((client, signal) => fetch(`${learners[client]!.origin}/api/ping`, { signal }), async (response) => {
    await response.arrayBuffer();
    return response.status === 204;
  }, sample);
  let reportedS = 0;
  // The route's own floor: the same POST without a session, answered 401 (JSON
  // error) before the report is recorded — what serving the route costs around recording it.
  console.log(`… ${label}: ${WARMUP_S} + ${DURATION_S} s of POST /api/progress without a session (401)`);
  const floorBody = JSON.stringify({ reportId: randomUUID(), moduleId: modules[0]!.id, session: "-", intervals: [[0, 5]], positionS: 5 });
  const floor = await load(
    (client, signal) => fetch(`${learners[client]!.origin}/api/progress`, { method: "POST", headers: { "content-type": "application/json", origin: learners[client]!.origin }, body: floorBody, signal }),
    async (response) => {
      await response.arrayBuffer();
      return response.status === 401;
    },
    sample,
  );

  let creditedS = 0;
  const inFlightS: number[] = [];
  const heartbeat = await load(
    (client, signal) => {
      const learner = learners[client]!;
      const { body, reportedS: seconds } = players[client]!();
      inFlightS[client] = seconds;
      return fetch(`${learner.origin}/api/progress`, { method: "POST", headers: { "content-type": "application/json", cookie: learner.cookie, origin: learner.origin }, body, signal });
    },
    async (response, client) => {
      if (response.status !== 200) {
        await response.arrayBuffer();
        return false;
      }
      const { addedS } = (await response.json()) as { addedS: number };
      reportedS += inFlightS[client]!;
      creditedS += addedS;
      return true;
    },
    sample,
  );
  heartbeatWindowUs = [heartbeat.cpu.start.monotonicUs, heartbeat.cpu.end.monotonicUs];
  const healthAfter = await Promise.all(servers.map((server) => checkHealth(server.origin)));
  const p = figuresOf(ping);
  const u = figuresOf(floor);
  const h = figuresOf(heartbeat);
  return {
    instances: servers.length,
    serverErrors: summariseServerErrors(servers.map((server) => server.log)),
    healthAfter,
    pingRps: p.rps,
    pingP50Ms: p.p50Ms,
    pingP99Ms: p.p99Ms,
    heartbeatRps: h.rps,
    heartbeatP50Ms: h.p50Ms,
    heartbeatP99Ms: h.p99Ms,
    rpsRatio: Math.round((h.rps / p.rps) * 100) / 100,
    p99Ratio: Math.round((h.p99Ms / p.p99Ms) * 10) / 10,
    creditedShare: Math.round((creditedS / reportedS) * 100) / 100,
    unauthenticatedPostRps: u.rps,
    ping: p,
    unauthenticatedPost: u,
    heartbeat: h,
  };
}

/** A server that still answers ping but not this query after the load has lost its database connections (a stuck pool). */
async function checkHealth(origin: string): Promise<string> {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return `${response.status === 200 ? "ok" : response.status} ${Math.round(performance.now() - started)} ms`;
  } catch (error) {
    return (error as Error).name === "TimeoutError" ? "no answer within 5 s" : `failed: ${(error as Error).message}`;
  }
}

function printTable(title: string, f: EngineFigures) {
  const cpu = (ms: number | null) => (ms === null || Number.isNaN(ms) ? "–" : ms.toFixed(2));
  const row = (name: string, e: EndpointFigures) =>
    `${name.padEnd(32)} ${String(e.rps).padStart(7)} ${e.p50Ms.toFixed(1).padStart(8)} ${e.p99Ms.toFixed(1).padStart(8)} ${String(e.errors).padStart(6)} ${cpu(e.serverCpuMsPerRequest).padStart(10)} ${cpu(e.databaseCpuMsPerRequest).padStart(8)} ${cpu(e.clientCpuMsPerRequest).padStart(8)} ${`${Math.round(e.machineBusyShare * 100)} %`.padStart(6)}`;
  console.log(`\n${title}`);
  console.log(`${"endpoint".padEnd(32)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(6)} ${"server CPU".padStart(10)} ${"db CPU".padStart(8)} ${"bench".padStart(8)} ${"busy".padStart(6)}`);
  console.log(row("GET /api/ping (bare, 204)", f.ping));
  console.log(row("POST /api/progress, no session", f.unauthenticatedPost));
  console.log(row("POST /api/progress (heartbeat)", f.heartbeat));
  console.log(`${"heartbeat ÷ ping".padEnd(32)} ${`${f.rpsRatio.toFixed(2)}×`.padStart(7)} ${"".padStart(8)} ${`${f.p99Ratio.toFixed(1)}×`.padStart(8)}`);
  const errorsText = (e: EndpointFigures) => Object.entries(e.errorsByStatus).map(([status, n]) => `${n} × ${status}`).join(", ");
  console.log(`${"401 POST ÷ ping (route floor)".padEnd(32)} ${`${(f.unauthenticatedPost.rps / f.ping.rps).toFixed(2)}×`.padStart(7)}`);
  if (f.ping.errors) console.log(`ping errors: ${errorsText(f.ping)}`);
  if (f.heartbeat.errors) console.log(`heartbeat errors: ${errorsText(f.heartbeat)}`);
  for (const line of f.serverErrors.slice(0, 6)) console.log(`server log: ${line}`);
  console.log(`GET /api/health of each instance after the heartbeats: ${f.healthAfter.join("; ")}`);
  if (f.connectionsAfter) console.log(`PostgreSQL connections of the servers after the heartbeats: ${Object.entries(f.connectionsAfter).map(([state, n]) => `${n} ${state}`).join(", ") || "none"}`);
  console.log(`(CPU columns: ms of CPU per request during the measured seconds — the next-server process(es), PostgreSQL's processes, this load generator; busy: the machine's cores. Heartbeats answered 200 were credited ${Math.round(f.creditedShare * 100)} % of the seconds they reported.)`);
}

// ── run ───────────────────────────────────────────────────────────────────────────────────────────
type Outcome = EngineFigures | { skipped: string } | { error: string };
const results: Record<string, Outcome> = {};
let exitCode = 0;
let postgresVersion = "";
const { cpus, loadavg } = await import("node:os");
const loadBefore = loadavg()[0]!;
const header = `node ${process.version}, ${CLIENTS} concurrent clients, one machine (${cpus().length} cores shared by the load generator, the servers and the database; load average ${loadBefore.toFixed(1)} before the run: other work on the machine skews the figures)`;
try {
  ensureBuild();
  if (engines.includes("sqlite")) {
    try {
      const url = `file:${join(dir, "bench.db")}`;
      await migrateDatabase(url);
      const server = await startServer(url, "sqlite");
      try {
        results.sqlite = await measureEngine([server], null, "SQLite");
        serverLogs.length = 0;
      } finally {
        await stopServer(server);
      }
      if (CPU_PROF_DIR) summariseProfiles(join(CPU_PROF_DIR, "sqlite"), ...heartbeatWindowUs, "SQLite profile");
    } catch (error) {
      results.sqlite = { error: (error as Error).message };
      printServerLogs();
      exitCode = 1;
    }
  }
  if (engines.includes("postgresql")) {
    const { cluster, reason } = await startPostgresCluster({ database: "accelerateur_bench" }).catch((error: Error) => ({ cluster: null, reason: error.message }));
    if (!cluster) {
      results.postgresql = { skipped: reason ?? "PostgreSQL did not start" };
    } else {
      cleanups.push(() => cluster.stop());
      postgresVersion = cluster.bin.match(/postgresql\/(\d+)/)?.[1] ?? "";
      try {
        await migrateDatabase(cluster.url);
        const servers = await Promise.all([startServer(cluster.url, "postgresql-1"), startServer(cluster.url, "postgresql-2")]);
        try {
          results.postgresql = await measureEngine(servers, cluster.port, "PostgreSQL");
          results.postgresql.connectionsAfter = await postgresConnections(cluster.url);
          serverLogs.length = 0;
        } finally {
          await Promise.all(servers.map(stopServer));
        }
        if (CPU_PROF_DIR) for (const name of ["postgresql-1", "postgresql-2"]) summariseProfiles(join(CPU_PROF_DIR, name), ...heartbeatWindowUs, `PostgreSQL profile, ${name}`);
      } catch (error) {
        results.postgresql = { error: (error as Error).message };
        printServerLogs();
        exitCode = 1;
      }
    }
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  cleanUp();
}

console.log(`\n${header}`);
const titles: Record<string, string> = {
  sqlite: "SQLite (WAL), one server (scripts/server.mjs)",
  postgresql: `PostgreSQL ${postgresVersion} (throwaway cluster, fsync off), two server instances sharing it, clients split between them`,
};
for (const [engine, outcome] of Object.entries(results)) {
  if ("skipped" in outcome) console.log(`\n${titles[engine]}: SKIPPED — ${outcome.skipped}`);
  else if ("error" in outcome) console.log(`\n${titles[engine]}: FAILED — ${outcome.error}`);
  else printTable(titles[engine]!, outcome);
}
if (isJson) console.log(JSON.stringify({ heartbeat: { clients: CLIENTS, seconds: DURATION_S, warmupS: WARMUP_S, node: process.version, loadAverageBefore: Math.round(loadBefore * 100) / 100, ...results } }));
process.exit(exitCode);
