// Crash test (issue 11): a heartbeat answered 200 is never lost, whenever the server dies.
//
// The platform's server (scripts/server.mjs, on the production build of the end-to-end step,
// .next-test) on a fresh SQLite file;
// LEARNERS learners, each signed up and signed in over HTTP with a playback session of its own,
// play a module at 1× speed and report what they played in contiguous intervals, as fast as the
// server answers (about ten reports a second each: the server is saturated). A report that gets no
// answer (connection refused or reset, timeout, 5xx) is sent again with the same id until it is
// answered, as the player's outbox does. Meanwhile the server is killed with SIGKILL KILLS times, at
// random moments when some report is in flight, and started again on the same database file. After the last answer it is killed
// once more (nothing may rely on a clean shutdown), then the file is opened with better-sqlite3:
// every report answered 200 has its ProgressReport row (userId, reportId), the learner's
// ModuleProgress intervals cover the seconds it reported, and PRAGMA integrity_check says ok.
//
// Standalone: `npx vitest run --config tests/crash/vitest.config.mts` (builds .next-test when it is
// missing or older than the sources; `npm test` sets CRASH_TEST_REUSE_BUILD=1, having just built it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { isBuildCurrent } from "../../scripts/lib/build-freshness.mjs";
import { migrateDatabase, sqliteFilePath } from "../../scripts/lib/migrate.mjs";
import { signUpAndSignInOverHttp, type HttpLearner } from "../support/http-sign-in";

const LEARNERS = 12;
const KILLS = 3;
/**
 * Each life of the server ends at a random moment under load: once it has answered a random number
 * of heartbeats in this range (at most MAX_LIFE_MS), plus a random pause of up to a third of a second.
 */
const LIFE_ACKS = [20, 60] as const;
const MAX_LIFE_MS = 8000;
/** Before each kill, how long to wait at most for a report in flight (see requestsInFlight). */
const AIM_MS = 3000;
/** After the last restart, reporting goes on for this many answers, then every learner's last report is answered. */
const LAST_LIFE_ACKS = 20;
/** A report unanswered this long (server down, retried every RETRY_MS) fails the test. */
const GIVE_UP_MS = 60_000;
const RETRY_MS = 100;
const AUTH_SECRET = "crash-secret-crash-secret-crash-secret-01";

const root = join(import.meta.dirname, "..", "..");
const nextBin = join(root, "node_modules/next/dist/bin/next");
const distDir = process.env.CRASH_DIST_DIR ?? ".next-test";
const dir = mkdtempSync(join(tmpdir(), "accelerateur-crash-"));
const databaseUrl = `file:${join(dir, "crash.db")}`;
const log = join(dir, "server.log");
// This process signs the learners' playback sessions with the server's secret.
process.env.AUTH_SECRET = AUTH_SECRET;
const { createPlaybackSession } = await import("@/server/playback-session");
const { getProgramme } = await import("@/server/content");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


function ensureBuild() {
  const buildId = join(root, distDir, "BUILD_ID");
  if (existsSync(buildId) && process.env.CRASH_TEST_REUSE_BUILD) return;
  if (isBuildCurrent(distDir)) return;
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) throw new Error(`next build into ${distDir} failed`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let port = 0;
let origin = "";
let server: ChildProcess | null = null;

/** `node scripts/server.mjs` itself (not npm), so that its pid is the server's and SIGKILL reaches it. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, "scripts/server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      NEXTAUTH_URL: origin,
    },
    stdio: ["ignore", "ignore", openSync(log, "a")],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${origin}/api/ping`, { signal: AbortSignal.timeout(2000) })).status === 204) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not answer within 60 s:\n${readFileSync(log, "utf8").slice(-2000)}`);
}

async function killServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

type Learner = HttpLearner;

function signUpAndSignIn(i: number): Promise<Learner> {
  return signUpAndSignInOverHttp(origin, { email: `crash-${i}@exemple.test`, password: "test de plantage des battements", name: `Boutique ${i}`, department: "44" });
}

type Interval = [number, number];
type Ack = { userId: string; moduleId: string; reportId: string; interval: Interval; droppedS: number | null; life: number };

const acks: Ack[] = [];
const stats = { inFlight: 0, inFlightAtKills: [] as number[], unanswered: 0, serverErrors: 0, life: 0, stopped: false };

/** Sends one report until the server answers it; 200 is recorded as acknowledged (with what it dropped). */
async function sendUntilAnswered(learner: Learner, report: { reportId: string; moduleId: string; session: string; intervals: Interval[]; positionS: number }) {
  const body = JSON.stringify(report);
  const givingUpAt = Date.now() + GIVE_UP_MS;
  for (;;) {
    const life = stats.life;
    let response: Response | null = null;
    stats.inFlight++;
    try {
      response = await fetch(`${origin}/api/progress`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: learner.cookie, origin },
        body,
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      stats.unanswered++;
    } finally {
      stats.inFlight--;
    }
    if (response?.status === 200) {
      const ack: Ack = { userId: learner.userId, moduleId: report.moduleId, reportId: report.reportId, interval: report.intervals[0]!, droppedS: null, life };
      acks.push(ack);
      ack.droppedS = await response.json().then((answer: { droppedS: number }) => answer.droppedS, () => null);
      return;
    }
    if (response) {
      const text = await response.text().catch(() => "");
      if (response.status < 500) throw new Error(`POST /api/progress answered ${response.status}: ${text}`);
      stats.serverErrors++;
    }
    if (Date.now() > givingUpAt) throw new Error(`report ${report.reportId} unanswered for ${GIVE_UP_MS / 1000} s`);
    await sleep(RETRY_MS);
  }
}

/** A learner playing a module at 1× from its session's opening, reporting each new tenth of a second it reached. */
async function play(learner: Learner, module: { id: string; durationS: number }) {
  const openedAtMs = Date.now();
  const session = createPlaybackSession(learner.userId, module.id, openedAtMs);
  let fromS = 0;
  while (!stats.stopped && fromS < module.durationS) {
    const toS = Math.min(module.durationS, Math.floor((Date.now() - openedAtMs) / 100) / 10);
    if (toS - fromS < 0.1) {
      await sleep(20);
      continue;
    }
    await sendUntilAnswered(learner, { reportId: randomUUID(), moduleId: module.id, session, intervals: [[fromS, toS]], positionS: toS });
    fromS = toS;
  }
}

function covers(intervals: Interval[], [startS, endS]: Interval) {
  return intervals.some(([s, e]) => s <= startS + 1e-6 && e >= endS - 1e-6);
}

beforeAll(async () => {
  ensureBuild();
  await migrateDatabase(databaseUrl);
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  if (server) await killServer(server);
  rmSync(dir, { recursive: true, force: true });
});

test("every heartbeat answered 200 survives SIGKILLs of the server, and the database stays intact", async () => {
  const startedAt = performance.now();
  server = await startServer();
  const signUpStartedAt = performance.now();
  const learners: Learner[] = [];
  // A few at a time: sign-up and sign-in hash the password (deliberately slow).
  for (let i = 0; i < LEARNERS; i += 6) learners.push(...(await Promise.all(Array.from({ length: Math.min(6, LEARNERS - i) }, (_, k) => signUpAndSignIn(i + k)))));
  const signUpS = (performance.now() - signUpStartedAt) / 1000;
  const modules = getProgramme().chapters.flatMap((chapter) => chapter.modules);
  const players = learners.map((learner, i) => play(learner, modules[(i * 5) % modules.length]!));
  const playing = Promise.all(players);
  let failure: unknown = null;
  playing.catch((error: unknown) => (failure = error));

  /** Waits until the current life has answered `count` heartbeats (or maxMs passed, or a learner failed). */
  const answered = async (count: number, maxMs: number) => {
    const life = stats.life;
    const until = Date.now() + maxMs;
    while (!failure && Date.now() < until && acks.filter((a) => a.life === life).length < count) await sleep(20);
  };
  const requestsInFlight = (maxMs: number) =>
    new Promise<void>((resolve) => {
      const until = Date.now() + maxMs;
      const check = () => (stats.inFlight > 0 || Date.now() > until ? resolve() : setImmediate(check));
      check();
    });
  const killedAfterMs: number[] = [];
  const restartMs: number[] = [];
  try {
    for (let k = 0; k < KILLS && !failure; k++) {
      const lifeStartedAt = Date.now();
      await answered(LIFE_ACKS[0] + Math.floor(Math.random() * (LIFE_ACKS[1] - LIFE_ACKS[0])), MAX_LIFE_MS);
      await sleep(Math.random() * 333);
      // Heartbeats are answered in a few milliseconds: a kill at a random instant often finds none
      // open. So the kill is aimed: it waits (checking at every turn of the event loop, at most
      // AIM_MS) for a moment when some report has been sent and not yet answered.
      await requestsInFlight(AIM_MS);
      stats.inFlightAtKills.push(stats.inFlight);
      killedAfterMs.push(Date.now() - lifeStartedAt);
      await killServer(server);
      stats.life++;
      const restartedAt = Date.now();
      server = await startServer();
      restartMs.push(Date.now() - restartedAt);
    }
    await answered(LAST_LIFE_ACKS, MAX_LIFE_MS);
  } finally {
    stats.stopped = true;
  }
  await playing;
  // Every report is answered: a last SIGKILL, so that nothing below relies on a clean shutdown.
  await killServer(server);
  server = null;

  const db = new Database(sqliteFilePath(databaseUrl));
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    const foreignKeyViolations = db.pragma("foreign_key_check") as unknown[];
    const stored = new Set((db.prepare(`SELECT "userId", "reportId" FROM "ProgressReport"`).all() as { userId: string; reportId: string }[]).map((r) => `${r.userId} ${r.reportId}`));
    const progress = new Map(
      (db.prepare(`SELECT "userId", "moduleId", "intervals" FROM "ModuleProgress"`).all() as { userId: string; moduleId: string; intervals: string }[]).map((r) => [
        `${r.userId} ${r.moduleId}`,
        JSON.parse(r.intervals) as Interval[],
      ]),
    );
    const missing = acks.filter((a) => !stored.has(`${a.userId} ${a.reportId}`));
    const partlyCredited = acks.filter((a) => a.droppedS !== null && a.droppedS > 0);
    const uncovered = acks.filter((a) => !covers(progress.get(`${a.userId} ${a.moduleId}`) ?? [], a.interval));
    const perLife = Array.from({ length: KILLS + 1 }, (_, life) => acks.filter((a) => a.life === life).length);

    console.log(
      `crash test: ${acks.length} heartbeats answered 200 by ${LEARNERS} learners over ${KILLS + 1} lives of the server (${perLife.join(", ")}); ` +
        `SIGKILL after ${killedAfterMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")} with ${stats.inFlightAtKills.join(", ")} requests in flight, ` +
        `restarts took ${restartMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")}; ` +
        `${stats.unanswered} sends without an answer and ${stats.serverErrors} 5xx, sent again; ` +
        `${acks.length - missing.length}/${acks.length} in ProgressReport, ${acks.length - uncovered.length}/${acks.length} covered by ModuleProgress; ` +
        `integrity_check: ${String(integrity)}; ${((performance.now() - startedAt) / 1000).toFixed(1)} s (sign-ups ${signUpS.toFixed(1)} s)`,
    );
    expect(integrity).toBe("ok");
    expect(foreignKeyViolations).toEqual([]);
    expect(missing.map((a) => `${a.reportId} (life ${a.life})`), "answered 200 but not in ProgressReport").toEqual([]);
    expect(partlyCredited.map((a) => a.reportId), "the learners play at 1×: nothing may be dropped").toEqual([]);
    expect(uncovered.map((a) => `${a.reportId} [${a.interval.join(", ")}] (life ${a.life})`), "answered 200 but not in the learner's intervals").toEqual([]);
    // The test means something only if the kills hit requests in flight and every life served heartbeats.
    expect(stats.inFlightAtKills.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(perLife.every((n) => n > 0), `heartbeats answered per life: ${perLife.join(", ")}`).toBe(true);
  } finally {
    db.close();
  }
});
