import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import validateStatement from "xapi-validation";
import type { Module } from "@/lib/content/types";
import { isCmi5Satisfied } from "@/lib/packages/cmi5-outcome";
import { cmi5Id } from "@/lib/packages/manifests";
import { masteryScoreOf } from "@/lib/packages/course";
import { passingScore } from "@/lib/quiz";
import { readContent } from "../../server/content/read-content";
import { buildScoRuntimeFiles, scoFiles, scoLaunchPath } from "../../server/packages/sco-files";

/**
 * The AU of a module launched by a cmi5 LMS (issue 23, packages/runtime/cmi5.ts): the package's files
 * (server/packages/sco-files.ts, built from the real content/) and a small test LRS, each on its own
 * plain HTTP server on 127.0.0.1 (two origins, so CORS and preflights are real). Not page.route:
 * Playwright does not see the keepalive requests a page sends while it goes away, and "terminated"
 * is one of them. The LRS answers the `fetch` URL with an auth token (once), holds LMS.LaunchData
 * (contextTemplate with the session id, launchMode Normal, moveOn CompletedAndPassed, the module's
 * masteryScore) and the AU's own state document, and records the statements. Time is Playwright's
 * clock, at 2× like tests/e2e/scorm.spec.ts.
 */

const MODULE_ID = "marche-vendre-sur-amazon";
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

const { programme } = readContent(join(process.cwd(), "content"));
const module = programme!.modulesById.get(MODULE_ID)!;
const twin = module.neutralTwinId ? (programme!.modulesById.get(module.neutralTwinId) ?? null) : null;
const comparison = module.comparisonId ? (programme!.comparisonsById.get(module.comparisonId) ?? null) : null;
const masteryScore = masteryScoreOf(module);
const packageFiles: Record<string, string> = {};

test.beforeAll(async () => {
  Object.assign(packageFiles, await buildScoRuntimeFiles(), scoFiles(module, twin, comparison, "Licence Ouverte 2.0 (test)"));
});

type Statement = {
  id?: string;
  object?: { id?: string };
  verb: { id: string };
  result?: { success?: boolean; completion?: boolean; score?: { scaled?: number; raw?: number; min?: number; max?: number } };
  context?: { registration?: string; contextActivities?: { category?: { id: string }[]; grouping?: { id: string }[] }; extensions?: Record<string, unknown> };
};

type Lrs = { states: Map<string, string>; statements: Statement[]; fetchCalls: number; refused: string[]; elsewhere: string[]; registration: string; sessionId: string; launchUrl: string };

const CORS = {
  "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Experience-API-Version",
  "Access-Control-Expose-Headers": "ETag, X-Experience-API-Version",
};

type Answer = { status: number; headers?: Record<string, string>; body?: string };
type Handler = (method: string, url: URL, headers: IncomingHttpHeaders, body: string) => Answer;

/** A plain HTTP server on a free port of 127.0.0.1 (page.route does not see the keepalive requests a page sends while it goes away). */
async function listen(handle: () => Handler): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = handle()(req.method ?? "GET", new URL(req.url ?? "/", "http://127.0.0.1"), req.headers, Buffer.concat(chunks).toString("utf8"));
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let lmsServer: { origin: string; server: Server };
let lrsServer: { origin: string; server: Server };
let lrsHandler: Handler = () => ({ status: 503 });

test.beforeAll(async () => {
  lmsServer = await listen(() => (_method, url) => {
    const types: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
    const body = url.pathname === "/left.html" ? "<!doctype html><title>Fin</title>" : packageFiles[url.pathname.replace(/^\/package\//, "")];
    if (body === undefined) return { status: 404 };
    return { status: 200, headers: { "Content-Type": types[url.pathname.split(".").pop() ?? ""] ?? "text/plain" }, body };
  });
  // Another origin than the package's, as an LMS's LRS usually is: CORS, preflights and all.
  lrsServer = await listen(() => lrsHandler);
});

test.afterAll(async () => {
  for (const { server } of [lmsServer, lrsServer]) await new Promise((resolve) => server?.close(resolve));
});

/** The test LRS for one launch (a new registration and session), and the launch URL with cmi5's parameters. */
async function serve(page: Page, previous?: Lrs): Promise<Lrs> {
  const LRS = `${lrsServer.origin}/xapi/`;
  const token = Buffer.from(`au:${randomUUID()}`).toString("base64");
  // A relaunch in the same registration: a new session, the same state documents.
  const registration = previous?.registration ?? randomUUID();
  const sessionId = randomUUID();
  const actor = { objectType: "Agent", account: { homePage: "https://lms.exemple.fr", name: "apprenant-42" }, name: "Apprenant de test" };
  const activityId = cmi5Id("au", MODULE_ID);
  const launchData = {
    contextTemplate: { contextActivities: { grouping: [{ id: activityId }] }, extensions: { [SESSION_ID]: sessionId } },
    launchMode: "Normal",
    moveOn: "CompletedAndPassed",
    masteryScore,
  };
  const states = previous?.states ?? new Map<string, string>();
  const lrs: Lrs = {
    states,
    statements: [],
    fetchCalls: 0,
    refused: [],
    elsewhere: [],
    registration,
    sessionId,
    launchUrl:
      `${lmsServer.origin}/package/${scoLaunchPath(MODULE_ID)}?` +
      new URLSearchParams({ endpoint: LRS, fetch: `${LRS}fetch?session=${sessionId}`, registration, activityId, actor: JSON.stringify(actor) }).toString(),
  };
  page.on("request", (request) => {
    const origin = new URL(request.url()).origin;
    if (origin !== lmsServer.origin && origin !== lrsServer.origin) lrs.elsewhere.push(request.url());
  });

  lrsHandler = (method, url, headers, body) => {
    const cors = { ...CORS, "Access-Control-Allow-Origin": String(headers.origin ?? "*") };
    if (method === "OPTIONS") return { status: 204, headers: cors };
    const json = (status: number, value: unknown): Answer => ({ status, headers: { ...cors, "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" }, body: JSON.stringify(value) });
    if (!url.pathname.startsWith("/xapi/")) return json(404, {});
    const resource = url.pathname.slice("/xapi/".length);
    if (resource === "fetch") {
      lrs.fetchCalls += 1;
      if (method !== "POST") return json(405, {});
      return json(200, lrs.fetchCalls === 1 ? { "auth-token": token } : { "error-code": "1", "error-text": "fetch URL already used" });
    }
    if (headers.authorization !== `Basic ${token}`) {
      lrs.refused.push(`${method} ${resource}: no auth token`);
      return json(401, {});
    }
    if (resource === "activities/state") {
      const q = url.searchParams;
      if (q.get("activityId") !== activityId || q.get("registration") !== registration || JSON.parse(q.get("agent") ?? "null")?.account?.name !== actor.account.name) {
        lrs.refused.push(`${method} state: wrong activity, registration or agent`);
        return json(400, {});
      }
      const stateId = q.get("stateId") ?? "";
      if (stateId === "LMS.LaunchData") {
        if (method !== "GET") lrs.refused.push(`${method} LMS.LaunchData`);
        return json(method === "GET" ? 200 : 403, launchData);
      }
      if (method === "PUT" || method === "POST") {
        states.set(stateId, body);
        return { status: 204, headers: cors };
      }
      const doc = states.get(stateId);
      return doc === undefined ? json(404, {}) : { status: 200, headers: { ...cors, "Content-Type": "application/json" }, body: doc };
    }
    if (resource === "agents/profile") return json(404, {});
    if (resource === "statements" && (method === "POST" || method === "PUT")) {
      const parsed = JSON.parse(body) as Statement | Statement[];
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      lrs.statements.push(...batch);
      return json(200, batch.map((s) => s.id ?? randomUUID()));
    }
    lrs.refused.push(`${method} ${resource}`);
    return json(404, {});
  };
  return lrs;
}

const verbs = (lrs: Lrs) => lrs.statements.map((s) => s.verb.id.replace("http://adlnet.gov/expapi/verbs/", ""));

/** Leaves the AU the way a learner does: the window goes elsewhere (pagehide, then "terminated"). */
async function leave(page: Page, lrs: Lrs) {
  await page.goto(`${lmsServer.origin}/left.html`);
  await expect.poll(() => verbs(lrs)).toContain("terminated");
}

async function answerQuiz(page: Page, quiz: Module["quiz"], rightAnswers: number) {
  for (const [i, question] of quiz.entries()) {
    const choice = i < rightAnswers ? question.answer : (question.answer + 1) % question.choices.length;
    await page.locator(`#q${i}-c${choice}`).check();
  }
  await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
  await expect(page.locator("#sco-quiz-result")).toContainText(`${rightAnswers} bonne(s) réponse(s) sur ${quiz.length}.`);
}

/** Every statement: valid xAPI, this registration and session; the cmi5-defined ones with the cmi5 category (and moveOn where the spec says). */
function checkStatements(lrs: Lrs) {
  for (const statement of lrs.statements) {
    const verb = statement.verb.id;
    const warnings = validateStatement(JSON.parse(JSON.stringify(statement)));
    expect(warnings.map((w) => `${w.path.join(".")}: ${w.constructor.name}`), verb).toEqual([]);
    expect(statement.object?.id, verb).toBe(cmi5Id("au", MODULE_ID));
    expect(statement.context?.registration, verb).toBe(lrs.registration);
    expect(statement.context?.extensions?.[SESSION_ID], verb).toBe(lrs.sessionId);
    expect(statement.context?.contextActivities?.grouping?.map((a) => a.id), verb).toEqual([cmi5Id("au", MODULE_ID)]);
    const categories = statement.context?.contextActivities?.category?.map((c) => c.id) ?? [];
    expect(categories, verb).toContain(CMI5_CATEGORY);
    const isMoveOn = [VERB("completed"), VERB("passed"), VERB("failed")].includes(verb);
    expect(categories.includes(MOVEON_CATEGORY), verb).toBe(isMoveOn);
  }
  expect(lrs.refused).toEqual([]);
  expect(lrs.elsewhere).toEqual([]);
  expect(lrs.fetchCalls).toBe(1);
}

async function launch(page: Page, previous?: Lrs) {
  if (!previous) await page.clock.install();
  const lrs = await serve(page, previous);
  await page.goto(lrs.launchUrl);
  await expect(page.locator("#sco-play")).toBeEnabled();
  await expect.poll(() => verbs(lrs)).toEqual(["initialized"]);
  if (!previous) await expect(page.locator("#sco-lms-status")).toHaveText("");
  return lrs;
}

test("an AU watched to the end at 2× and its quiz passed sends initialized, completed, passed, terminated with cmi5's context", async ({ page }) => {
  const lrs = await launch(page);
  await page.getByLabel("Vitesse de lecture").selectOption("2");
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.clock.runFor((module.durationS / 2) * 1000 + 2000);
  await expect(page.locator("#sco-watched")).toHaveText("Vidéo regardée : 100 % (il faut 90 %).");
  await expect.poll(() => verbs(lrs)).toEqual(["initialized", "completed"]);

  await answerQuiz(page, module.quiz, module.quiz.length);
  await expect.poll(() => verbs(lrs)).toEqual(["initialized", "completed", "passed"]);
  await leave(page, lrs);
  expect(verbs(lrs)).toEqual(["initialized", "completed", "passed", "terminated"]);
  checkStatements(lrs);
  const [, completed, passed] = lrs.statements;
  expect(completed!.result).toMatchObject({ completion: true });
  expect(passed!.result).toMatchObject({ success: true, score: { scaled: 1, raw: module.quiz.length, min: 0, max: module.quiz.length } });
  expect(passed!.result!.score!.scaled).toBeGreaterThanOrEqual(masteryScore);
  expect(passed!.context?.extensions?.[MASTERY_SCORE]).toBe(masteryScore);
});

test("an AU sought to the end and its quiz passed sends passed but not completed: not satisfied under CompletedAndPassed", async ({ page }) => {
  const lrs = await launch(page);
  const slider = page.getByRole("slider", { name: "Position dans la vidéo" });
  await slider.focus();
  await slider.press("End");
  await expect(page.locator("#sco-seek")).toHaveValue(String(module.durationS));
  await answerQuiz(page, module.quiz, module.quiz.length);
  await leave(page, lrs);
  expect(verbs(lrs)).toEqual(["initialized", "passed", "terminated"]);
  checkStatements(lrs);
  expect(isCmi5Satisfied("CompletedAndPassed", { completed: false, passed: true, failed: false })).toBe(false);
});

test("an AU whose quiz is failed sends failed when the learner leaves, with success false and the score under the mastery score", async ({ page }) => {
  const lrs = await launch(page);
  const right = passingScore(module.quiz.length) - 1;
  await answerQuiz(page, module.quiz, right);
  // Not yet: the learner may try again in this session (cmi5 allows one of passed/failed per session).
  await page.clock.runFor(2_000);
  expect(verbs(lrs)).toEqual(["initialized"]);
  await leave(page, lrs);
  expect(verbs(lrs)).toEqual(["initialized", "failed", "terminated"]);
  checkStatements(lrs);
  const failed = lrs.statements[1]!;
  expect(failed.result).toMatchObject({ success: false, score: { raw: right, min: 0, max: module.quiz.length } });
  expect(failed.result!.score!.scaled).toBeLessThan(masteryScore);
});

test("a relaunch in the same registration resumes what was watched and does not send completed twice", async ({ page }) => {
  const first = await launch(page);
  await page.getByLabel("Vitesse de lecture").selectOption("2");
  await page.getByRole("button", { name: "Lecture", exact: true }).click();
  await page.clock.runFor((module.durationS / 2) * 1000 + 2000);
  await expect.poll(() => verbs(first)).toEqual(["initialized", "completed"]);
  await leave(page, first);
  expect(verbs(first)).toEqual(["initialized", "completed", "terminated"]);
  checkStatements(first);

  const second = await launch(page, first);
  await expect(page.locator("#sco-lms-status")).toContainText("Reprise là où vous vous étiez arrêté·e");
  await expect(page.locator("#sco-watched")).toHaveText("Vidéo regardée : 100 % (il faut 90 %).");
  await answerQuiz(page, module.quiz, module.quiz.length);
  await leave(page, second);
  expect(verbs(second)).toEqual(["initialized", "passed", "terminated"]);
  checkStatements(second);
  expect(second.sessionId).not.toBe(first.sessionId);
  // Across the two sessions: completed and passed, what moveOn CompletedAndPassed asks.
  const sent = { completed: verbs(first).includes("completed"), passed: verbs(second).includes("passed"), failed: false };
  expect(isCmi5Satisfied("CompletedAndPassed", sent)).toBe(true);
});
