// npm run bench — requests/s of the signed-in learner's pages (home, a chapter, a module, Mon parcours)
// at 20 concurrent connections (autocannon), each beside the bare route handler (GET /api/ping, 204)
// measured in the same run against the same production server. Each page is rendered per request
// with the learner's part in its HTML: a page view is one request. Also the pages' HTML sizes
// (bytes, before compression, and as sent gzip) and each page's first-load JavaScript (the
// `<script src>` chunks its HTML references, each gzip-compressed here with node:zlib, summed; not
// the noModule polyfills, which current browsers do not load). For scale, GET /search (the shared
// layout, with its session lookup, around a search form: about the least any signed-in page costs)
// is measured the same way. Then the framework's floor (bench/support/floor-app.ts): a blank page
// that Next.js renders per request, beside its own bare route handler, and its first-load
// JavaScript. Numbers, not pass/fail.
// `--json` prints one last line: {"pages":{"sqlite":{"pingRps",…,"home","chapter","module","progress","htmlBytes",
//   "firstLoadJsGzipBytes"},
//   "floor":{"pingRps","pageRps","ratio","firstLoadJsGzipBytes"}}}.
// Traffic goes to 127.0.0.1 only, for a bounded time. The build is rebuilt when a source is newer
// than it (BENCH_PAGES_REBUILD=1: always).
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { gunzipSync, gzipSync } from "node:zlib";
import { createPlaybackSession } from "@/server/playback-session";
import { signUpAndSignInOverHttp, type HttpLearner } from "../tests/support/http-sign-in";
import { startFloorApp, type FloorApp } from "./support/floor-app";
import { startPageServer, type PageServer } from "./support/page-server";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3291);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FLOOR_PORT = PORT + 10;
const nextVersion = (createRequire(import.meta.url)("next/package.json") as { version: string }).version;
const distDir = process.env.BENCH_PAGES_DIST_DIR ?? ".next-bench-pages";
const CHAPTER_ID = "place-de-marche";
// A vendor module: its page has the most to show (neutral twin, comparison table, quiz, transcript).
const MODULE_ID = "marche-vendre-sur-amazon";
const WATCHED_MODULE_IDS = ["transition-pourquoi-vendre-en-ligne", "marche-comprendre-les-places-de-marche", MODULE_ID];
const isJson = process.argv.includes("--json");

type AutocannonResult = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
type AutocannonOptions = { url: string; connections: number; duration: number; headers?: Record<string, string> };
// autocannon ships no types: this is the one call used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => Promise<AutocannonResult>;

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

async function measure(path: string, cookie: string | null, origin = ORIGIN): Promise<AutocannonResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const options = { url: `${origin}${path}`, connections: CONNECTIONS, headers };
  await autocannon({ ...options, duration: WARMUP_S });
  return autocannon({ ...options, duration: DURATION_S });
}

/** The `<script src>` chunks of the page (not the `noModule` polyfills, which current browsers skip), gzip-compressed here. */
async function firstLoadJsGzipBytes(html: string, origin = ORIGIN): Promise<number> {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snoModule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => [...tag.matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"))))];
  const sizes = await Promise.all(sources.map(async (src) => gzipSync(Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer())).length));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** A page as a browser that accepts gzip gets it: its text, and the bytes sent. */
async function httpGet(path: string, cookie: string): Promise<{ status: number; html: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${ORIGIN}${path}`, { headers: { cookie, "accept-encoding": "gzip" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const html = response.headers["content-encoding"] === "gzip" ? gunzipSync(body).toString("utf8") : body.toString("utf8");
        resolve({ status: response.statusCode ?? 0, html, sentBytes: body.length });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

let server: PageServer | null = null;
let floorApp: FloorApp | null = null;
try {
  server = await startPageServer({ name: "pages", port: PORT, distDir, forceBuild: process.env.BENCH_PAGES_REBUILD === "1", withDemo: false });
  const { cookie, userId } = await signUpAndSignIn();
  await watchALittle(cookie, userId);

  const pages = { home: "/", chapter: `/chapters/${CHAPTER_ID}`, module: `/modules/${MODULE_ID}`, progress: "/progress" } as const;
  const htmlBytes: Record<string, number> = {};
  const htmlGzipBytes: Record<string, number> = {};
  const firstLoadJs: Record<string, number> = {};
  for (const [name, path] of Object.entries({ ...pages, search: "/search", account: "/account" })) {
    const response = await httpGet(path, cookie);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status} to the signed-in merchant`);
    const html = response.html;
    if (!html.includes("Boutique du banc")) throw new Error(`${path} does not show the signed-in merchant's part`);
    htmlBytes[name] = Buffer.byteLength(html);
    htmlGzipBytes[name] = response.sentBytes;
    firstLoadJs[name] = await firstLoadJsGzipBytes(html);
  }

  console.log(`… ${DURATION_S} s each (after ${WARMUP_S} s warm-up) of GET /api/ping, GET /search, then each page, ${CONNECTIONS} connections, signed in as a merchant`);
  const ping = await measure("/api/ping", null);
  const search = await measure("/search", cookie);
  const results: Record<string, AutocannonResult> = {};
  for (const [name, path] of Object.entries(pages)) results[name] = await measure(path, cookie);

  server.stop();
  server = null;
  // The framework's floor, measured the same way once the platform's server has stopped.
  floorApp = await startFloorApp(FLOOR_PORT);
  const floorPing = await measure("/api/ping", null, floorApp.origin);
  const floorPage = await measure("/", null, floorApp.origin);
  const floorJs = await firstLoadJsGzipBytes(await (await fetch(`${floorApp.origin}/`)).text(), floorApp.origin);
  const floorRatio = floorPage.requests.average / floorPing.requests.average;

  const ratio = (r: AutocannonResult) => r.requests.average / ping.requests.average;
  const line = (label: string, r: AutocannonResult, bytes: string) =>
    `${label.padEnd(48)} ${r.requests.average.toFixed(0).padStart(7)} ${ratio(r).toFixed(2).padStart(6)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ${String(r.non2xx + r.errors + r.timeouts).padStart(7)} ${bytes.padStart(10)}`;
  const out = console.log;
  out(`\nnode ${process.version}, ${CONNECTIONS} connections (autocannon), SQLite (WAL), scripts/server.mjs, one machine (client and server share its cores)`);
  out(`${"page (one request a page view)".padEnd(48)} ${"req/s".padStart(7)} ${"×ping".padStart(6)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)} ${"HTML B".padStart(10)}`);
  out(line("GET /api/ping (bare, 204)", ping, "-"));
  out(line("GET /search (layout + a form, for scale)", search, String(htmlBytes.search)));
  for (const [name, path] of Object.entries(pages)) out(line(`GET ${path}`, results[name]!, String(htmlBytes[name])));
  out(`\n${"page".padEnd(20)} ${"HTML B".padStart(8)} ${"sent gzip B".padStart(12)} ${"first-load JS gzip kB".padStart(22)}`);
  for (const name of Object.keys(htmlBytes)) out(`${name.padEnd(20)} ${String(htmlBytes[name]).padStart(8)} ${String(htmlGzipBytes[name]).padStart(12)} ${(firstLoadJs[name]! / 1000).toFixed(1).padStart(22)}`);
  out(`\nThe framework's floor (bench/floor-app: Next.js ${nextVersion} with its defaults, a blank page rendered per request, next start):`);
  out(`  GET /api/ping ${floorPing.requests.average.toFixed(0)} req/s, GET / ${floorPage.requests.average.toFixed(0)} req/s: a blank dynamic page is ${floorRatio.toFixed(2)}× its bare route; first-load JS ${(floorJs / 1000).toFixed(1)} kB gzip`);
  if (isJson) {
    const rps = (r: AutocannonResult) => Math.round(r.requests.average);
    console.log(
      JSON.stringify({
        pages: {
          sqlite: {
            pingRps: rps(ping),
            searchRps: rps(search),
            // Page views a second (one request each).
            ...Object.fromEntries(Object.keys(pages).map((name) => [name, rps(results[name]!)])),
            ratio: Object.fromEntries(Object.keys(pages).map((name) => [name, Number(ratio(results[name]!).toFixed(2))])),
            htmlBytes,
            htmlGzipBytes,
            firstLoadJsGzipBytes: firstLoadJs,
          },
          floor: { pingRps: rps(floorPing), pageRps: rps(floorPage), ratio: Number(floorRatio.toFixed(2)), firstLoadJsGzipBytes: floorJs },
        },
      }),
    );
  }
} finally {
  server?.stop();
  floorApp?.stop();
}
process.exit(0);
