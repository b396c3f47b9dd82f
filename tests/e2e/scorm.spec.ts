import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { Module } from "@/lib/content/types";
import { readContent } from "../../server/content/read-content";
import { buildScoRuntimeFiles, scoFiles, scoLaunchPath } from "../../server/packages/sco-files";

/**
 * The SCO of a module in an LMS (issue 23, packages/runtime/): a test LMS page at http://lms.test
 * (served by page.route, no platform route involved) puts scorm-again's SCORM 1.2 run-time on
 * `window.API` and opens the SCO in an iframe, the way Moodle does. The SCO's files are the ones
 * a package holds (server/packages/sco-files.ts), built from the real content/. Time is Playwright's
 * clock: the SCO's player counts what it plays against performance.now().
 */

const MODULE_ID = "marche-vendre-sur-amazon";
const LMS = "http://lms.test";
const SCORM12_RUNTIME = readFileSync(join(process.cwd(), "node_modules", "scorm-again", "dist", "scorm12.min.js"), "utf8");

const { programme } = readContent(join(process.cwd(), "content"));
const module = programme!.modulesById.get(MODULE_ID)!;
const twin = module.neutralTwinId ? (programme!.modulesById.get(module.neutralTwinId) ?? null) : null;
const comparison = module.comparisonId ? (programme!.comparisonsById.get(module.comparisonId) ?? null) : null;
const packageFiles: Record<string, string> = {};

test.beforeAll(async () => {
  Object.assign(packageFiles, await buildScoRuntimeFiles(), scoFiles(module, twin, comparison, "Licence Ouverte 2.0 (test)"));
});

/** The test LMS: scorm-again's API (with the cmi given as `?cmi=`, for a relaunch) and the SCO in an iframe. */
const LMS_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>LMS de test</title>
<script src="/scorm12.js"></script>
<script>
  window.lmsCalls = [];
  window.API = new Scorm12API({ logLevel: 5 });
  const initial = JSON.parse(new URLSearchParams(location.search).get("cmi") ?? "null");
  if (initial) window.API.loadFromJSON(initial);
  for (const call of ["LMSInitialize", "LMSCommit", "LMSFinish"]) window.API.on(call, () => window.lmsCalls.push(call));
  // Every value the SCO sets must be one SCORM 1.2 accepts: a refusal is noted.
  const set = window.API.LMSSetValue.bind(window.API);
  window.API.LMSSetValue = (element, value) => {
    const result = set(element, value);
    if (result !== "true") window.lmsCalls.push("refused " + element + "=" + value + " (" + window.API.LMSGetLastError() + ")");
    return result;
  };
</script></head>
<body><h1>LMS de test</h1><iframe id="sco" title="Module" src="/package/${scoLaunchPath(MODULE_ID)}" width="1000" height="700"></iframe></body></html>`;

type Cmi = { status: string; raw: string; min: string; max: string; sessionTime: string; location: string; suspendData: string; calls: string[] };

/** Serves the LMS and the package under http://lms.test; any other address is refused and noted. */
async function serveLms(page: Page): Promise<string[]> {
  const elsewhere: string[] = [];
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== LMS) {
      elsewhere.push(url.href);
      return route.abort();
    }
    const types: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
    const body =
      url.pathname === "/lms.html" ? LMS_PAGE : url.pathname === "/scorm12.js" ? SCORM12_RUNTIME : url.pathname === "/left.html" ? "<!doctype html><title>Fin</title>" : packageFiles[url.pathname.replace(/^\/package\//, "")];
    if (body === undefined) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: types[url.pathname.split(".").pop() ?? ""] ?? "text/plain", body });
  });
  return elsewhere;
}

async function readCmi(page: Page): Promise<Cmi> {
  return page.evaluate(() => {
    type Core = { lesson_status: string; lesson_location: string; session_time: string; score: { raw: string; min: string; max: string } };
    // Through JSON: scorm-again's getters refuse to read a write-only element (session_time) otherwise.
    const api = (window as unknown as { API: { cmi: unknown } }).API;
    const cmi = JSON.parse(JSON.stringify(api.cmi)) as { core: Core; suspend_data: string };
    const core = cmi.core;
    return {
      status: core.lesson_status,
      raw: core.score.raw,
      min: core.score.min,
      max: core.score.max,
      sessionTime: core.session_time,
      location: core.lesson_location,
      suspendData: cmi.suspend_data,
      calls: (window as unknown as { lmsCalls: string[] }).lmsCalls,
    };
  });
}

/** Leaves the SCO the way an LMS does: its frame goes elsewhere (pagehide, then LMSFinish). */
async function leave(page: Page) {
  await page.evaluate(() => ((document.getElementById("sco") as HTMLIFrameElement).src = "/left.html"));
  await expect.poll(async () => (await readCmi(page)).calls).toContain("LMSFinish");
  expect((await readCmi(page)).calls.filter((call) => call.startsWith("refused"))).toEqual([]);
}

async function answerQuiz(page: Page, quiz: Module["quiz"]) {
  const sco = page.frameLocator("#sco");
  for (const [i, question] of quiz.entries()) await sco.locator(`#q${i}-c${question.answer}`).check();
  await sco.getByRole("button", { name: "Vérifier mes réponses" }).click();
  await expect(sco.locator("#sco-quiz-result")).toContainText(`${quiz.length} bonne(s) réponse(s) sur ${quiz.length}. Quiz réussi !`);
}

test("a SCO watched to the end at 2× and its quiz passed reports « passed », 100 and the session's time to the LMS", async ({ page }) => {
  await page.clock.install();
  const elsewhere = await serveLms(page);
  await page.goto(`${LMS}/lms.html`);
  const sco = page.frameLocator("#sco");
  await expect(sco.locator("#sco-play")).toBeEnabled();
  await expect(sco.locator("#sco-lms-status")).toHaveText("");
  expect((await readCmi(page)).status).toBe("incomplete");

  await sco.getByLabel("Vitesse de lecture").selectOption("2");
  await sco.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.clock.runFor((module.durationS / 2) * 1000 + 2000);
  await expect(sco.locator("#sco-time")).toHaveText(/^(\d+:\d\d) \/ \1$/);
  await expect(sco.locator("#sco-watched")).toHaveText("Vidéo regardée : 100 % (il faut 90 %).");
  // Saved while playing (every 10 s) and at the end, not yet passed: the quiz is to do.
  const watched = await readCmi(page);
  expect(watched.status).toBe("incomplete");
  expect(watched.calls.filter((c) => c === "LMSCommit").length).toBeGreaterThan(5);

  await answerQuiz(page, module.quiz);
  await leave(page);
  const cmi = await readCmi(page);
  expect(cmi).toMatchObject({ status: "passed", raw: "100", min: "0", max: "100" });
  expect(cmi.sessionTime).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  expect(cmi.sessionTime).not.toMatch(/^0+:00:00(\.0+)?$/);
  expect(cmi.suspendData.length).toBeLessThanOrEqual(4096);
  expect(elsewhere).toEqual([]);
});

test("a relaunched SCO resumes where the learner stopped, with what was watched", async ({ page }) => {
  await page.clock.install();
  await serveLms(page);
  await page.goto(`${LMS}/lms.html`);
  const sco = page.frameLocator("#sco");
  await sco.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.clock.runFor(47_000);
  await sco.getByRole("button", { name: "Pause", exact: true }).click();
  await leave(page);
  const first = await readCmi(page);
  expect(first.status).toBe("incomplete");
  expect(Number(first.location)).toBeGreaterThanOrEqual(46);
  expect(Number(first.location)).toBeLessThanOrEqual(48);

  // A new attempt of the same learner: the LMS hands back what it kept.
  const kept = { core: { lesson_location: first.location, lesson_status: first.status, entry: "resume" }, suspend_data: first.suspendData };
  await page.goto(`${LMS}/lms.html?cmi=${encodeURIComponent(JSON.stringify(kept))}`);
  await expect(sco.locator("#sco-play")).toBeEnabled();
  await expect(sco.locator("#sco-time")).toHaveText(/^0:4[6-8] \//);
  await expect(sco.locator("#sco-seek")).toHaveValue(/^4[6-8]$/);
  await expect(sco.locator("#sco-lms-status")).toContainText("Reprise là où vous vous étiez arrêté·e : 0:4");
  const share = Math.floor((100 * 47) / module.durationS);
  await expect(sco.locator("#sco-watched")).toHaveText(new RegExp(`^Vidéo regardée : (${share - 1}|${share}|${share + 1}) %`));
});

test("a SCO sought to the end and its quiz passed stays « incomplete »: seeking is not watching", async ({ page }) => {
  await page.clock.install();
  await serveLms(page);
  await page.goto(`${LMS}/lms.html`);
  const sco = page.frameLocator("#sco");
  const slider = sco.getByRole("slider", { name: "Position dans la vidéo" });
  await expect(slider).toBeEnabled();
  await slider.focus();
  await slider.press("End");
  await expect(sco.locator("#sco-seek")).toHaveValue(String(module.durationS));
  // The keyboard: K plays (from the start again, the end being reached), → on the slider goes 5 s on.
  await sco.getByRole("button", { name: "Lecture", exact: true }).press("k");
  await page.clock.runFor(3_000);
  await sco.getByRole("button", { name: "Pause", exact: true }).press("k");
  await slider.press("ArrowRight");
  await expect(sco.locator("#sco-time")).toHaveText(/^0:0[78] \//);

  await answerQuiz(page, module.quiz);
  await leave(page);
  const cmi = await readCmi(page);
  expect(cmi.status).toBe("incomplete");
  expect(cmi.raw).toBe("100");
});

test("the SCO's page alone (no LMS) says so discreetly, plays, and has no accessibility violation", async ({ page }) => {
  const elsewhere = await serveLms(page);
  await page.goto(`${LMS}/package/${scoLaunchPath(MODULE_ID)}`);
  await expect(page).toHaveTitle(`${module.title.fr} — Accélérateur libre`);
  await expect(page.locator("#sco-lms-status")).toContainText("aucune plateforme de formation n’est reliée à cette page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(module.title.fr);
  await expect(page.locator("#comparison table")).toBeVisible();
  await expect(page.locator(".transcript li")).toHaveCount(module.cues.length);
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(violations.map((v) => `${width}px ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
  expect(elsewhere).toEqual([]);
});
