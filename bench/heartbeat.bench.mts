// npm run bench — requests/s and p50/p99 latency of the progress heartbeat (POST /api/progress) at
// 50 concurrent clients on the embedded SQLite, beside the same figures for a bare route handler
// that returns 204 (GET /api/ping), measured in the same run against the same production server.
// Numbers, not pass/fail: nothing here is asserted. Traffic goes to 127.0.0.1 only, for a bounded time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "../scripts/lib/migrate.mjs";
import { createPlaybackSession } from "@/server/playback-session";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_S = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const MODULE_ID = "marche-comprendre-les-places-de-marche";
const root = join(import.meta.dirname, "..");
const distDir = ".next-bench";
const dir = mkdtempSync(join(tmpdir(), "accelerateur-bench-"));
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
  NEXTAUTH_URL: ORIGIN,
};
Object.assign(process.env, env);

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${ORIGIN}/api/ping`)).status === 204) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

async function signUpAndSignIn(i: number): Promise<{ cookie: string; userId: string }> {
  const email = `bench-${i}@exemple.test`;
  const password = "banc d'essai des battements";
  const created = await fetch(`${ORIGIN}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name: `Boutique ${i}`, sector: "services", department: "75", sizeBand: "0" }),
  });
  const userId = ((await created.json()) as { user: { id: string } }).user.id;
  const csrf = await fetch(`${ORIGIN}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${ORIGIN}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = signIn.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return { cookie: session.split(";")[0]!, userId };
}

type Result = { requests: number; errors: number; latenciesMs: number[]; seconds: number };

async function load(makeRequest: (client: number, n: number) => Promise<Response>, expectedStatus: number): Promise<Result> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let measuring = false;
  const started = performance.now();
  const warmupEnd = started + WARMUP_S * 1000;
  const end = warmupEnd + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; performance.now() < end; n++) {
        const t0 = performance.now();
        measuring = t0 >= warmupEnd;
        try {
          const response = await makeRequest(client, n);
          await response.arrayBuffer();
          if (response.status !== expectedStatus) errors++;
        } catch {
          errors++;
        }
        if (measuring) latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { requests: latenciesMs.length, errors, latenciesMs: latenciesMs.sort((a, b) => a - b), seconds: DURATION_S };
}

function row(name: string, r: Result) {
  return `${name.padEnd(34)} ${String(Math.round(r.requests / r.seconds)).padStart(8)} ${percentile(r.latenciesMs, 50).toFixed(1).padStart(9)} ${percentile(r.latenciesMs, 99).toFixed(1).padStart(9)} ${String(r.errors).padStart(7)}`;
}

let server: ChildProcess | null = null;
try {
  if (!existsSync(join(root, distDir, "BUILD_ID"))) {
    console.log("… building into .next-bench (once)");
    const build = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
  }
  await migrateDatabase(env.DATABASE_URL);
  server = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore" });
  await waitForServer();
  console.log(`… creating ${CLIENTS} learners and signing them in`);
  const learners = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUpAndSignIn(i)));
  const sessions = learners.map((l) => createPlaybackSession(l.userId, MODULE_ID));

  console.log(`… ${DURATION_S} s of GET /api/ping, then ${DURATION_S} s of POST /api/progress, ${CLIENTS} concurrent clients each (after ${WARMUP_S} s warm-up)`);
  const ping = await load(() => fetch(`${ORIGIN}/api/ping`), 204);
  const heartbeat = await load((client, n) => {
    const startS = (n * 2) % 200;
    return fetch(`${ORIGIN}/api/progress`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: learners[client]!.cookie, origin: ORIGIN },
      body: JSON.stringify({ reportId: randomUUID(), moduleId: MODULE_ID, session: sessions[client], intervals: [[startS, startS + 2]], positionS: startS + 2 }),
    });
  }, 200);

  console.log(`\nnode ${process.version}, ${CLIENTS} concurrent clients, SQLite (WAL), next start, one machine (client and server share its cores)`);
  console.log(`${"endpoint".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"errors".padStart(7)}`);
  console.log(row("GET /api/ping (bare, 204)", ping));
  console.log(row("POST /api/progress (heartbeat)", heartbeat));
} finally {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
