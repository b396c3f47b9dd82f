// npm run bench (offline part) — « Garder ce chapitre hors ligne » on a phone: a new merchant keeps
// chapter 1 in Debian's Chromium at 390 px under Lighthouse's mobile profile applied by DevTools
// (its mobileSlow4G figures: 562.5 ms request latency, 1.47 Mbit/s down, 675 kbit/s up, 4× CPU
// slowdown), from the click to « Gardé hors ligne ». Prints the time, the bytes the chapter's pages
// and captions take on the device, the build's files kept with them (scripts, style sheets, font:
// shared by every kept chapter), and the service worker's script. Numbers, not pass/fail.
// `--json` prints one last line: {"offline":{"keepMs","keptBytes","estimatedBytes","buildFileBytes","serviceWorkerBytes","serviceWorkerGzipBytes"}}.
// Traffic goes to 127.0.0.1 only. The build is rebuilt when a source is newer than it.
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { throttling } from "lighthouse/core/config/constants.js";
import { chromium } from "playwright";
import { signUpAndSignInOverHttp } from "../tests/support/http-sign-in";
import { startPageServer, type PageServer } from "./support/page-server";

const PORT = Number(process.env.BENCH_PORT ?? 3297);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const distDir = process.env.BENCH_OFFLINE_DIST_DIR ?? ".next-bench";
const CHAPTER_PATH = "/chapters/transition-numerique";
const isJson = process.argv.includes("--json");
const profile = throttling.mobileSlow4G;

type KeptEntry = { bytes: number; buildFileBytes: number; urls: string[] };

let server: PageServer | null = null;
const browser = existsSync(CHROME_PATH) ? await chromium.launch({ executablePath: CHROME_PATH, args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic"] }) : null;
try {
  if (!browser) throw new Error(`no Chromium at ${CHROME_PATH}: apt-get install -y chromium (or set CHROME_PATH)`);
  server = await startPageServer({ name: "offline", port: PORT, distDir, forceBuild: process.env.BENCH_OFFLINE_REBUILD === "1", withDemo: false });
  const { cookie } = await signUpAndSignInOverHttp(ORIGIN, { email: "bench-hors-ligne@exemple.test", password: "banc d'essai hors ligne", name: "Atelier du banc", department: "26" });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "fr-FR" });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: ORIGIN };
    }),
  );
  const page = await context.newPage();
  await page.goto(`${ORIGIN}${CHAPTER_PATH}`);
  // The worker installed and in control, as after a learner's first page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let i = 0; i < 40 && !(await page.evaluate(() => navigator.serviceWorker.controller !== null)); i++) await page.waitForTimeout(250);

  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.requestLatencyMs,
    downloadThroughput: (profile.downloadThroughputKbps * 1024) / 8,
    uploadThroughput: (profile.uploadThroughputKbps * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdownMultiplier });
  const box = page.getByTestId("keep-offline");
  const started = performance.now();
  await box.getByRole("button", { name: "Garder ce chapitre hors ligne" }).click();
  await box.getByText(/^Gardé hors ligne le/).waitFor({ timeout: 180_000 });
  const keepMs = Math.round(performance.now() - started);
  const kept = await page.evaluate(() => (JSON.parse(window.localStorage.getItem("accelerateur.kept")!) as { chapters: KeptEntry[] }).chapters[0]!);

  const worker = Buffer.from(await (await fetch(`${ORIGIN}/serwist/sw.js`)).arrayBuffer());
  // What the box said it would take, before the click: the content's estimate (GET /api/offline/chapters).
  const plans = ((await (await fetch(`${ORIGIN}/api/offline/chapters`)).json()) as { chapters: { chapterId: string; estimatedBytes: number }[] }).chapters;
  const estimatedBytes = plans.find((plan) => CHAPTER_PATH.endsWith(`/${plan.chapterId}`))!.estimatedBytes;
  const figures = {
    keepMs,
    keptBytes: kept.bytes,
    estimatedBytes,
    buildFileBytes: kept.buildFileBytes,
    serviceWorkerBytes: worker.length,
    serviceWorkerGzipBytes: gzipSync(worker).length,
  };
  console.log(`\nkeeping ${CHAPTER_PATH} (${kept.urls.length} pages and captions) at 390 px, Lighthouse's mobileSlow4G by DevTools, 4× CPU slowdown`);
  console.log(`  time from the click to « Gardé hors ligne »   ${(keepMs / 1000).toFixed(1)} s`);
  console.log(`  the chapter's pages and captions on the device ${(kept.bytes / 1e6).toFixed(2)} MB (estimated before: ${(estimatedBytes / 1e6).toFixed(2)} MB)`);
  console.log(`  the build's files kept with them (shared)     ${(kept.buildFileBytes / 1e6).toFixed(2)} MB`);
  console.log(`  the service worker's script                   ${(worker.length / 1000).toFixed(1)} kB (${(figures.serviceWorkerGzipBytes / 1000).toFixed(1)} kB gzip)`);
  if (isJson) console.log(JSON.stringify({ offline: figures }));
  await context.close();
} finally {
  await browser?.close();
  server?.stop();
}
process.exit(0);
