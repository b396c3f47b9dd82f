// npm run bench:phone — the platform as a mid-range phone sees it: Lighthouse (npm `lighthouse`,
// its mobile defaults: simulated slow 4G and 4× CPU slowdown) on the pages each user reaches first,
// signed in as they would be, on the demo data:
//   the merchant under way (a saved position, a group, an overdue assignment): home, a chapter, the
//   module with their saved position, Mon parcours, Mon compte; the trainer: the cohort dashboard;
//   the admin: /admin/stats.
// Each page BENCH_PHONE_RUNS times (3), the median printed: performance score, total blocking time,
// cumulative layout shift, accessibility and best-practices scores, and the JavaScript the page
// loads (transfer size). Numbers, not pass/fail. Kept apart from `npm run bench` (a few minutes).
// Then the framework's floor the same way (bench/support/floor-app.ts: a blank page Next.js renders
// per request, with its defaults), to read the figures against.
// `--json` prints one last line: {"lighthouse":{"<page>":{"performance","tbtMs","cls","accessibility","bestPractices","scriptKb"}},
//   "frameworkFloor":{…the same figures for the blank page}}.
// Needs Debian's chromium (`apt-get install -y chromium`; CHROME_PATH for another). Traffic goes
// to 127.0.0.1 only. The build is rebuilt when a source is newer than it.
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../scripts/demo-accounts.mjs";
import { signInOverHttp } from "../tests/support/http-sign-in";
import { startFloorApp, type FloorApp } from "./support/floor-app";
import { startPageServer, type PageServer } from "./support/page-server";

const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3293);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const isJson = process.argv.includes("--json");
const distDir = process.env.BENCH_PHONE_DIST_DIR ?? ".next-bench-phone";

function account(email: string) {
  const found = DEMO_ACCOUNTS.find((a) => a.email === email)!;
  return { email, password: DEMO_PASSWORDS[found.role as keyof typeof DEMO_PASSWORDS] };
}

type Figures = { performance: number; tbtMs: number; cls: number; accessibility: number; bestPractices: number; scriptKb: number };

async function audit(url: string, cookie: string): Promise<Figures> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"], extraHeaders: cookie ? { Cookie: cookie } : {} });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const scripts = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items?.find((i) => i.resourceType === "script");
    return {
      performance: score("performance"),
      tbtMs: Math.round(numeric("total-blocking-time")),
      cls: Number(numeric("cumulative-layout-shift").toFixed(3)),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      scriptKb: Number(((scripts?.transferSize ?? 0) / 1000).toFixed(1)),
    };
  } finally {
    chrome.kill();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let server: PageServer | null = null;
let floorApp: FloorApp | null = null;
try {
  if (!existsSync(CHROME_PATH)) throw new Error(`no Chromium at ${CHROME_PATH}: apt-get install -y chromium (or set CHROME_PATH)`);
  server = await startPageServer({ name: "phone", port: PORT, distDir, forceBuild: process.env.BENCH_PHONE_REBUILD === "1", withDemo: true });

  const merchant = await signInOverHttp(ORIGIN, account("ceramique@demo.test"));
  const trainer = await signInOverHttp(ORIGIN, account("karim.formateur@demo.test"));
  const admin = await signInOverHttp(ORIGIN, account("admin@demo.test"));
  const home = await (await fetch(`${ORIGIN}/`, { headers: { cookie: merchant } })).text();
  const resume = /href="(\/modules\/[^"]+)"[^>]*>Reprendre/.exec(home)?.[1];
  if (!resume) throw new Error("the merchant under way has no module to resume");
  const pages: [name: string, path: string, cookie: string][] = [
    ["home", "/", merchant],
    ["chapter", "/chapters/transition-numerique", merchant],
    ["module", resume, merchant],
    ["progress", "/progress", merchant],
    ["account", "/account", merchant],
    ["cohort", "/cohorts/cohorte-demo", trainer],
    ["stats", "/admin/stats", admin],
  ];

  console.log(`… Lighthouse ${RUNS}× on each of ${pages.length} pages (mobile defaults), with ${CHROME_PATH}`);
  const figures: Record<string, Figures> = {};
  for (const [name, path, cookie] of pages) {
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(`${ORIGIN}${path}`, cookie));
    const pick = (key: keyof Figures) => median(runs.map((r) => r[key]));
    figures[name] = { performance: pick("performance"), tbtMs: pick("tbtMs"), cls: pick("cls"), accessibility: pick("accessibility"), bestPractices: pick("bestPractices"), scriptKb: pick("scriptKb") };
    console.log(`  ${name}: performance ${runs.map((r) => r.performance).join(", ")}; TBT ${runs.map((r) => r.tbtMs).join(", ")} ms`);
  }

  // The framework's floor (bench/support/floor-app.ts), audited the same way once the platform's server has stopped.
  server.stop();
  server = null;
  floorApp = await startFloorApp(PORT + 10);
  const floorRuns: Figures[] = [];
  for (let i = 0; i < RUNS; i++) floorRuns.push(await audit(`${floorApp.origin}/`, ""));
  const floorPick = (key: keyof Figures) => median(floorRuns.map((r) => r[key]));
  const floor: Figures = { performance: floorPick("performance"), tbtMs: floorPick("tbtMs"), cls: floorPick("cls"), accessibility: floorPick("accessibility"), bestPractices: floorPick("bestPractices"), scriptKb: floorPick("scriptKb") };
  console.log(`  Next.js alone (bench/floor-app): performance ${floorRuns.map((r) => r.performance).join(", ")}; TBT ${floorRuns.map((r) => r.tbtMs).join(", ")} ms`);

  const out = console.log;
  out(`\nnode ${process.version}, Lighthouse mobile defaults (simulated slow 4G, 4× CPU slowdown), median of ${RUNS} runs, on these machines`);
  out(`${"page".padEnd(34)} ${"perf".padStart(5)} ${"TBT ms".padStart(7)} ${"CLS".padStart(6)} ${"a11y".padStart(5)} ${"b.p.".padStart(5)} ${"JS kB".padStart(6)}`);
  for (const [name, path] of pages) {
    const f = figures[name]!;
    out(`${`${name} (${path})`.slice(0, 34).padEnd(34)} ${String(f.performance).padStart(5)} ${String(f.tbtMs).padStart(7)} ${f.cls.toFixed(3).padStart(6)} ${String(f.accessibility).padStart(5)} ${String(f.bestPractices).padStart(5)} ${f.scriptKb.toFixed(1).padStart(6)}`);
  }
  out(`${"Next.js alone: a blank page (floor)".padEnd(34)} ${String(floor.performance).padStart(5)} ${String(floor.tbtMs).padStart(7)} ${floor.cls.toFixed(3).padStart(6)} ${String(floor.accessibility).padStart(5)} ${String(floor.bestPractices).padStart(5)} ${floor.scriptKb.toFixed(1).padStart(6)}`);
  if (isJson) console.log(JSON.stringify({ lighthouse: figures, frameworkFloor: floor }));
} finally {
  server?.stop();
  floorApp?.stop();
}
process.exit(0);
