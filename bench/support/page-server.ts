// The production server the page benchmarks measure (bench/pages.bench.mts, bench/phone.bench.mts):
// its own build (rebuilt when a source is newer than it), a fresh SQLite database in a temporary
// folder, scripts/server.mjs on 127.0.0.1. One place for what both need.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isBuildCurrent } from "../../scripts/lib/build-freshness.mjs";
import { migrateDatabase } from "../../scripts/lib/migrate.mjs";

const root = join(import.meta.dirname, "..", "..");

export type PageServer = { origin: string; env: NodeJS.ProcessEnv & { DATABASE_URL: string }; stop(): void };

/**
 * The environment of a bench server on `port`, building into `distDir`; set on this process too
 * (the benchmark imports server/ modules that read it, e.g. to sign playback sessions).
 */
export function pageServerEnv(name: string, port: number, distDir: string) {
  const dir = mkdtempSync(join(tmpdir(), `accelerateur-bench-${name}-`));
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: `file:${join(dir, "bench.db")}`,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
    NEXTAUTH_URL: origin,
    SCHEDULER_INTERVAL_S: "0",
  };
  Object.assign(process.env, env);
  return { dir, origin, env };
}

/** Builds into the env's NEXT_DIST_DIR when a source is newer than the build (or `force`). */
export function buildIfStale(env: NodeJS.ProcessEnv, force: boolean) {
  const distDir = env.NEXT_DIST_DIR!;
  if (!force && isBuildCurrent(distDir)) return;
  console.log(`… building into ${distDir}`);
  // next build adds its dist dir to tsconfig.json's include list: put the file back as it was.
  const tsconfig = readFileSync(join(root, "tsconfig.json"), "utf8");
  const build = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
  if (readFileSync(join(root, "tsconfig.json"), "utf8") !== tsconfig) writeFileSync(join(root, "tsconfig.json"), tsconfig);
  if (build.status !== 0) throw new Error("build failed");
}

async function waitForServer(origin: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${origin}/api/ping`)).status === 204) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

/**
 * Builds if needed, migrates the fresh database, seeds the demo data when `withDemo`, starts the
 * server and waits for it. stop() ends the server and removes the database.
 */
export async function startPageServer(options: { name: string; port: number; distDir: string; forceBuild: boolean; withDemo: boolean }): Promise<PageServer> {
  const { dir, origin, env } = pageServerEnv(options.name, options.port, options.distDir);
  let server: ChildProcess | null = null;
  const stop = () => {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    buildIfStale(env, options.forceBuild);
    await migrateDatabase(env.DATABASE_URL);
    if (options.withDemo) {
      const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.mts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
      if (seed.status !== 0) throw new Error("seeding the demo data failed");
    }
    server = spawn(process.execPath, [join(root, "scripts/server.mjs"), "-p", String(options.port), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore" });
    await waitForServer(origin);
    return { origin, env, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
