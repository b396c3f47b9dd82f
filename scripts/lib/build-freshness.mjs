// Whether a Next.js build is older than the sources it was built from: the one rule of `npm start`,
// the heartbeat and pages benchmarks and the crash test (each had its own copy, with lists that had
// drifted apart).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { root } from "./runtime-env.mjs";

/** What a build is made from. */
const SOURCES = ["app", "components", "lib", "server", "content", "proxy.ts", "middleware.ts", "instrumentation.ts", "next.config.js", "package.json", "postcss.config.mjs"];

function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}

/** True when `distDir` (relative to the project) holds a build no source is newer than. */
export function isBuildCurrent(distDir) {
  const buildId = join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  return Math.max(...SOURCES.map((s) => newestMtimeMs(join(root, s)))) <= statSync(buildId).mtimeMs;
}
