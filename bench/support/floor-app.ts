// The framework's floor: a Next.js app of its own (bench/floor-app: a root layout, a blank page
// rendered per request, a bare route handler), built and served by Next.js with its defaults
// (`next build`, `next start`, its own compression). The page benchmarks measure it beside the
// platform, so that each figure of ours reads against what Next.js itself costs for nothing at all:
// bench/pages.bench.mts (a blank page ÷ the bare route) and bench/phone.bench.mts (Lighthouse).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const appDir = join(root, "bench", "floor-app");
const next = join(root, "node_modules", "next", "dist", "bin", "next");

export type FloorApp = { origin: string; stop(): void };

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}

/** Built when its build is missing or older than its sources or the installed Next.js (about 15 s). */
function buildIfStale() {
  const buildId = join(appDir, ".next", "BUILD_ID");
  const sources = [join(appDir, "app"), join(appDir, "next.config.mjs"), join(root, "node_modules", "next", "package.json")];
  if (existsSync(buildId) && Math.max(...sources.map(newestMtimeMs)) <= statSync(buildId).mtimeMs) return;
  console.log("… building the framework's floor (bench/floor-app)");
  const build = spawnSync(process.execPath, [next, "build"], { cwd: appDir, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("building bench/floor-app failed");
}

/** Builds if needed and starts `next start` on 127.0.0.1:`port`; stop() ends it. */
export async function startFloorApp(port: number): Promise<FloorApp> {
  buildIfStale();
  const origin = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const stop = () => server.kill("SIGTERM");
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/api/ping`)).status === 204) return { origin, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error("the framework's floor (bench/floor-app) did not start");
}
