// npm run bench — requests/s of the signed-in learner's pages (home, a chapter, a module, Mon parcours)
// at 20 concurrent connections (autocannon), each beside the bare route handler (GET /api/ping, 204)
// measured in the same run against the same production server. These pages are prerendered (the
// programme, the same for everyone) and the learner's part comes from one request to /api/viewer:
// each is measured on its own, and a page view (one of each) is 1 / (1/HTML req/s + 1/viewer req/s),
// the rate the server sustains when every view costs both; that is the figure compared with ping; the home page's HTML size (bytes,
// before compression) and the module page's first-load JavaScript (the `<script src>` chunks its HTML
// references, each gzip-compressed here with node:zlib, summed; not the noModule polyfills, which
// current browsers do not load). For scale, GET /search (the shared layout, with its session lookup,
// around a search form: about the least any signed-in page costs) is measured the same way.
// Numbers, not pass/fail.
// `--json` prints one last line: {"pages":{"sqlite":{"pingRps",…,"homeHtmlBytes","moduleFirstLoadJsGzipBytes"}}}.
// Traffic goes to 127.0.0.1 only, for a bounded time. The build is rebuilt when a source is newer
// than it (BENCH_PAGES_REBUILD=1: always).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { isBuildCurrent } from "../scripts/lib/build-freshness.mjs";
import { migrateDatabase } from "../scripts/lib/migrate.mjs";
import { createPlaybackSession } from "@/server/playback-session";
import { signUpAndSignInOverHttp, type HttpLearner } from "../tests/support/http-sign-in";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3291);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHAPTER_ID = "place-de-marche";
// A vendor module: its page has the most to show (neutral twin, comparison table, quiz, transcript).
const MODULE_ID = "marche-vendre-sur-amazon";
const WATCHED_MODULE_IDS = ["transition-pourquoi-vendre-en-ligne", "marche-comprendre-les-places-de-marche", MODULE_ID];
const isJson = process.argv.includes("--json");
const root = join(import.meta.dirname, "..");
const distDir = process.env.BENCH_PAGES_DIST_DIR ?? ".next-bench-pages";
const dir = mkdtempSync(join(tmpdir(), "accelerateur-bench-pages-"));
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

type AutocannonResult = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
type AutocannonOptions = { url: string; connections: number; duration: number; headers?: Record<string, string> };
// autocannon ships no types: this is the one call used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => Promise<AutocannonResult>;

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

function signUpAndSignIn(): Promise<HttpLearner> {
  return signUpAndSignInOverHttp(ORIGIN, { email: "bench-pages@exemple.test", password: "banc d'essai des pages", name: "Boutique du banc", department: "75" });
}

/** A few seconds watched in three modules, so that the pages show a learner under way. */
async function watchALittle(cookie: string, userId: string) {
  for (const moduleId of WATCHED_MODULE_IDS) {
    const response = await fetch(`${ORIGIN}/api/progress`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: ORIGIN },
      body: JSON.stringify({ reportId: randomUUID(), moduleId, session: createPlaybackSession(userId, moduleId), intervals: [[0, 4]], positionS: 4 }),
    });
    if (!response.ok) console.log(`(a progress report for ${moduleId} answered ${response.status}; the pages are measured anyway)`);
  }
}

async function measure(path: string, cookie: string | null): Promise<AutocannonResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const options = { url: `${ORIGIN}${path}`, connections: CONNECTIONS, headers };
  await autocannon({ ...options, duration: WARMUP_S });
  return autocannon({ ...options, duration: DURATION_S });
}

/** The `<script src>` chunks of the page (not the `noModule` polyfills, which current browsers skip), gzip-compressed here. */
async function firstLoadJsGzipBytes(html: string): Promise<number> {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snoModule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => [...tag.matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"))))];
  const sizes = await Promise.all(sources.map(async (src) => gzipSync(Buffer.from(await (await fetch(new URL(src, ORIGIN))).arrayBuffer())).length));
  return sizes.reduce((sum, size) => sum + size, 0);
}

let server: ChildProcess | null = null;
try {
  if (process.env.BENCH_PAGES_REBUILD === "1" || !isBuildCurrent(distDir)) {
    console.log(`… building into ${distDir}`);
    // next build adds its dist dir to tsconfig.json's include list: put the file back as it was.
    const tsconfig = readFileSync(join(root, "tsconfig.json"), "utf8");
    const build = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
    if (readFileSync(join(root, "tsconfig.json"), "utf8") !== tsconfig) writeFileSync(join(root, "tsconfig.json"), tsconfig);
    if (build.status !== 0) throw new Error("build failed");
  }
  await migrateDatabase(env.DATABASE_URL);
  server = spawn(process.execPath, [join(root, "scripts/server.mjs"), "-p", String(PORT), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore" });
  await waitForServer();
  const { cookie, userId } = await signUpAndSignIn();
  await watchALittle(cookie, userId);

  const pages = { home: "/", chapter: `/chapters/${CHAPTER_ID}`, module: `/modules/${MODULE_ID}`, progress: "/progress" } as const;
  const viewerPaths = {
    home: "/api/viewer?page=home&locale=fr",
    chapter: `/api/viewer?page=chapter&locale=fr&id=${CHAPTER_ID}`,
    module: `/api/viewer?page=module&locale=fr&id=${MODULE_ID}`,
    progress: "/api/viewer?page=progress&locale=fr",
  } as const;
  for (const path of Object.values(viewerPaths)) {
    const response = await fetch(`${ORIGIN}${path}`, { headers: { cookie } });
    if (response.status !== 200 || !((await response.json()) as { viewer: unknown }).viewer) throw new Error(`${path} did not answer the signed-in merchant's part`);
  }
  const htmlBytes: Record<string, number> = {};
  let moduleHtml = "";
  for (const [name, path] of Object.entries(pages)) {
    const response = await fetch(`${ORIGIN}${path}`, { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status} to the signed-in merchant`);
    htmlBytes[name] = Buffer.byteLength(html);
    if (name === "module") moduleHtml = html;
  }
  const moduleFirstLoadJsGzipBytes = await firstLoadJsGzipBytes(moduleHtml);

  console.log(`… ${DURATION_S} s each (after ${WARMUP_S} s warm-up) of GET /api/ping, GET /search, then each page, ${CONNECTIONS} connections, signed in as a merchant`);
  const ping = await measure("/api/ping", null);
  const floor = await measure("/search", cookie);
  const results: Record<string, AutocannonResult> = {};
  const viewerResults: Record<string, AutocannonResult> = {};
  for (const [name, path] of Object.entries(pages)) {
    results[name] = await measure(path, cookie);
    viewerResults[name] = await measure(viewerPaths[name as keyof typeof pages], cookie);
  }
  /** Page views per second when each costs its HTML and its /api/viewer request. */
  const viewRps = (name: string) => 1 / (1 / results[name]!.requests.average + 1 / viewerResults[name]!.requests.average);

  const ratio = (r: AutocannonResult) => r.requests.average / ping.requests.average;
  const line = (label: string, r: AutocannonResult, bytes: string) =>
    `${label.padEnd(48)} ${r.requests.average.toFixed(0).padStart(7)} ${ratio(r).toFixed(2).padStart(6)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ${String(r.non2xx + r.errors + r.timeouts).padStart(7)} ${bytes.padStart(10)}`;
  const viewLine = (name: string) => `${`  = a page view (HTML + viewer)`.padEnd(48)} ${viewRps(name).toFixed(0).padStart(7)} ${(viewRps(name) / ping.requests.average).toFixed(2).padStart(6)}`;
  const out = console.log;
  out(`\nnode ${process.version}, ${CONNECTIONS} connections (autocannon), SQLite (WAL), scripts/server.mjs, one machine (client and server share its cores)`);
  out(`${"page".padEnd(48)} ${"req/s".padStart(7)} ${"×ping".padStart(6)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)} ${"HTML B".padStart(10)}`);
  out(line("GET /api/ping (bare, 204)", ping, "-"));
  out(line("GET /search (layout + a form, for scale)", floor, "-"));
  for (const [name, path] of Object.entries(pages)) {
    out(line(`GET ${path} (prerendered HTML)`, results[name]!, String(htmlBytes[name])));
    out(line(`  + GET /api/viewer (${name})`, viewerResults[name]!, "-"));
    out(viewLine(name));
  }
  out(`module page first-load JavaScript: ${moduleFirstLoadJsGzipBytes} B gzip (${(moduleFirstLoadJsGzipBytes / 1000).toFixed(1)} kB)`);
  if (isJson) {
    const rps = (r: AutocannonResult) => Math.round(r.requests.average);
    console.log(
      JSON.stringify({
        pages: {
          sqlite: {
            pingRps: rps(ping),
            searchRps: rps(floor),
            // Page views (HTML + /api/viewer), then each request on its own.
            home: Math.round(viewRps("home")),
            chapter: Math.round(viewRps("chapter")),
            module: Math.round(viewRps("module")),
            progress: Math.round(viewRps("progress")),
            html: Object.fromEntries(Object.keys(pages).map((name) => [name, rps(results[name]!)])),
            viewer: Object.fromEntries(Object.keys(pages).map((name) => [name, rps(viewerResults[name]!)])),
            homeHtmlBytes: htmlBytes.home,
            moduleFirstLoadJsGzipBytes,
          },
        },
      }),
    );
  }
} finally {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
