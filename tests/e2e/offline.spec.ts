import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { demoAccount, signInAs, uniqueEmail } from "./support";

/**
 * Offline use (issue 22: app/sw.ts, lib/offline-policy.ts, lib/offline-keep.ts): a page that cannot
 * be fetched shows the offline page instead of the browser's error, styled by what the worker kept
 * at install; the worker itself keeps no page and no API answer; the header says « Hors ligne »
 * with the reports waiting, and sends them when the connection comes back; a chapter the learner
 * keeps opens offline as they saw it; « Retirer », sign-out and another account delete it.
 */

const OUTBOX_KEY = "accelerateur.progress-outbox";
const KEPT_KEY = "accelerateur.kept";
const VERSIONS_KEY = "accelerateur.content-versions";

type KeptEntry = { chapterId: string; version: string; keptAt: number; bytes: number; urls: string[] };
type Plan = { chapterId: string; version: string; pages: string[]; estimatedBytes: number };

/** What this device lists as kept (components/programme/kept-chapters.ts). */
async function keptEntries(page: Page): Promise<KeptEntry[]> {
  return page.evaluate((key) => (JSON.parse(window.localStorage.getItem(key) ?? "null") as { chapters: KeptEntry[] } | null)?.chapters ?? [], KEPT_KEY);
}

/** The answers of a module's quiz, from its content file. */
function quizOf(file: string) {
  return (parse(readFileSync(file, "utf8")) as { quiz: { choices: string[]; answer: number }[] }).quiz;
}

/** Answers a quiz right on the module page open (its code loads as it comes near the screen: a click during the swap may be lost). */
async function answerQuiz(page: Page, quiz: { choices: string[]; answer: number }[]) {
  for (const question of quiz) {
    const radio = page.getByRole("radio", { name: question.choices[question.answer]!, exact: true });
    await expect(async () => {
      await radio.check();
      await expect(radio).toBeChecked({ timeout: 500 });
    }).toPass();
  }
  await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
}

async function waitForWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // clientsClaim: the page that registered it is controlled without a reload.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Every URL path the platform's caches hold on this device. */
async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    return paths.sort();
  });
}

/** A new merchant, signed up through the form and on the home page. */
async function signUp(page: Page, name: string) {
  const email = uniqueEmail("hors-ligne");
  await page.goto("/sign-up");
  await page.getByLabel("Nom affiché").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("un mot de passe assez long");
  await page.getByLabel("Secteur d’activité").selectOption("artisanat");
  await page.getByLabel("Département").selectOption("26");
  await page.getByLabel("Nombre de salariés").selectOption("0");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL("/");
  return email;
}

/** Clicks « Garder ce chapitre hors ligne » on the chapter page open and waits until it is kept. */
async function keepThisChapter(page: Page) {
  const box = page.getByTestId("keep-offline");
  await box.getByRole("button", { name: "Garder ce chapitre hors ligne" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Gardé hors ligne le /, { timeout: 30_000 });
}

/** Every cache name on this device. */
function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** A report as the player queues it (its playback session is not valid: the server will refuse it, and it is dropped). */
function queuedReport(moduleId: string) {
  return JSON.stringify([{ id: crypto.randomUUID(), moduleId, session: "x".repeat(40), intervals: [[0, 5]], positionS: 5 }]);
}

test("without a connection, a page opens as the offline page, in the platform's styles, and says what works", async ({ page, context }) => {
  await page.goto("/");
  await waitForWorker(page);
  // Kept at install: the offline page, the style sheets and the font.
  await expect.poll(() => cachedPaths(page)).toEqual(expect.arrayContaining(["/offline"]));
  const kept = await cachedPaths(page);
  expect(kept.some((path) => path.endsWith(".css"))).toBe(true);
  expect(kept.some((path) => path.endsWith(".woff2"))).toBe(true);

  await context.setOffline(true);
  const response = await page.goto("/chapters/marque");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ce qui marche sans connexion" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Réessayer" })).toBeVisible();
  // The style sheet came from the device: Tailwind's classes apply (the heading is bold).
  expect(await page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).fontWeight)).toBe("700");
  // The address bar keeps the page asked for: « Réessayer » opens it once the network is back.
  expect(new URL(page.url()).pathname).toBe("/chapters/marque");

  await context.setOffline(false);
  await page.getByRole("link", { name: "Réessayer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Construire sa marque" })).toBeVisible();
});

test("the worker keeps no page of an account and no API answer", async ({ page }) => {
  await signInAs(page, { email: "ceramique@demo.test", password: "demo-commercant-2026" });
  await waitForWorker(page);
  for (const path of ["/", "/progress", "/account", "/chapters/marque", "/modules/marque-identite-de-marque"]) await page.goto(path);
  await page.evaluate(() => fetch("/api/viewer").catch(() => null));
  const paths = await cachedPaths(page);
  expect(paths.length).toBeGreaterThan(0);
  const personal = paths.filter((path) => !(path === "/offline" || path.startsWith("/_next/static/") || path.startsWith("/icons/") || path === "/manifest.webmanifest" || path === "/icon.svg"));
  expect(personal).toEqual([]);
});

test("offline, the header says so with the reports waiting; back online, they are sent; sign-out empties the queue", async ({ page, context }) => {
  await signUp(page, "Atelier hors ligne");
  await page.goto("/chapters/marque");
  await waitForWorker(page);

  const status = page.getByTestId("offline-status");
  await expect(status).toHaveText("");
  await context.setOffline(true);
  await expect(status).toHaveText("Hors ligne · rien en attente d’envoi");
  await page.evaluate(([key, value]) => window.localStorage.setItem(key!, value!), [OUTBOX_KEY, queuedReport("marque-identite-de-marque")]);
  await expect(status).toHaveText("Hors ligne · 1 envoi en attente (progression ou quiz)", { timeout: 10_000 });
  // Fixed over the page: the bar moves nothing. Readable (contrast) with the page under it.
  expect(await status.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  const sent = page.waitForRequest((request) => request.url().endsWith("/api/progress") && request.method() === "POST");
  await context.setOffline(false);
  await sent;
  await expect(status).toHaveText("");
  // Refused (its session is not a real one) and so dropped: the queue is empty. (The page tries when
  // the browser says it is online and 3 s later: the worker's own requests may lag behind.)
  await expect.poll(() => page.evaluate((key) => window.localStorage.getItem(key), OUTBOX_KEY), { timeout: 10_000 }).toBeNull();

  await page.evaluate(([key, value]) => window.localStorage.setItem(key!, value!), [OUTBOX_KEY, queuedReport("marque-identite-de-marque")]);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL("/");
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect(await page.evaluate((key) => window.localStorage.getItem(key), OUTBOX_KEY)).toBeNull();
});

test("a merchant keeps chapter 1 on a phone; offline, its chapter and module pages open, as they saw them; « Retirer » and sign-out delete them", async ({ page, context }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signUp(page, "Atelier du village");
  await page.goto("/chapters/transition-numerique");
  await waitForWorker(page);
  const box = page.getByTestId("keep-offline");
  await expect(box.getByRole("status")).toHaveText(/^Il faudra environ [\d,]+\s(ko|Mo) · espace libre sur cet appareil : [\d,]+\s(ko|Mo|Go)\.$/);
  await box.getByRole("button", { name: "Garder ce chapitre hors ligne" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Gardé hors ligne le .+ · [\d,]+\s(ko|Mo)\. Plus [\d,]+\s(ko|Mo) de fichiers de l’application, gardés une fois pour tous les chapitres\.$/, { timeout: 30_000 });
  await expect(box.getByRole("button", { name: "Retirer" })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Préparer sa transition numérique" })).toBeVisible();
  // As this learner saw it: their name in the header, their progress bar.
  await expect(page.getByText("Connecté·e : Atelier du village")).toBeVisible();
  await expect(page.getByTestId("chapter-progress")).toBeVisible();
  await page.goto("/modules/transition-pourquoi-vendre-en-ligne");
  await expect(page.getByRole("heading", { level: 1, name: "Pourquoi (et quand) vendre en ligne" })).toBeVisible();
  // Its scripts ran from the device: the player, loaded on demand, is there.
  await expect(page.getByTestId("player").getByRole("button", { name: "Lecture" })).toBeVisible();
  // Its captions too.
  const captions = await page.evaluate(async () => {
    const response = await fetch("/api/modules/transition-pourquoi-vendre-en-ligne/captions");
    return { status: response.status, text: await response.text() };
  });
  expect(captions.status).toBe(200);
  expect(captions.text).toMatch(/^WEBVTT/);
  // A chapter not kept: the offline page.
  await page.goto("/chapters/marque");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/chapters/transition-numerique");
  await box.getByRole("button", { name: "Retirer" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Il faudra environ /);
  await context.setOffline(true);
  await page.goto("/modules/transition-pourquoi-vendre-en-ligne");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/chapters/transition-numerique");
  await box.getByRole("button", { name: "Garder ce chapitre hors ligne" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Gardé hors ligne le /, { timeout: 30_000 });
  expect(await cacheNames(page)).toContain("accelerateur-kept");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect(await cacheNames(page)).not.toContain("accelerateur-kept");
  expect(await page.evaluate(() => window.localStorage.getItem("accelerateur.kept"))).toBeNull();
  await context.setOffline(true);
  await page.goto("/chapters/transition-numerique");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
});

test("a second account signing in on the same browser finds nothing the first one kept, even when the first never signed out", async ({ page, context }) => {
  await signUp(page, "Premier compte");
  await page.goto("/chapters/logistique");
  await waitForWorker(page);
  await keepThisChapter(page);

  // The first session simply ends (expired cookie), and someone else signs in.
  await context.clearCookies();
  await signInAs(page, { email: "ceramique@demo.test", password: "demo-commercant-2026" });
  await expect.poll(() => cacheNames(page)).not.toContain("accelerateur-kept");
  await page.goto("/chapters/logistique");
  await expect(page.getByTestId("keep-offline").getByRole("status")).toHaveText(/^Il faudra environ /);
  await context.setOffline(true);
  await page.goto("/chapters/logistique");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
});

test("erasing the account removes from the device what it kept and queued", async ({ page, context }) => {
  await signUp(page, "Atelier effacé");
  await page.goto("/chapters/ventes");
  await waitForWorker(page);
  await keepThisChapter(page);
  await page.goto("/account");
  // Once the page has sent what was waiting (on load), something waits again, as if answered offline.
  await page.waitForTimeout(2000);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key!, value!), [OUTBOX_KEY, queuedReport("marque-identite-de-marque")]);
  await page.evaluate(() => window.localStorage.setItem("accelerateur.quiz-outbox", JSON.stringify([{ attemptId: crypto.randomUUID(), moduleId: "marque-identite-de-marque", answers: [0] }])));
  const erase = page.getByRole("region", { name: "Supprimer mon compte" });
  await erase.getByLabel("Je comprends que cette suppression est définitive.").check();
  await erase.getByLabel("Votre mot de passe, pour confirmer").fill("un mot de passe assez long");
  await erase.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("heading", { name: "Votre compte est supprimé" })).toBeVisible();
  expect(await cacheNames(page)).not.toContain("accelerateur-kept");
  expect(await page.evaluate(() => ["accelerateur.kept", "accelerateur.progress-outbox", "accelerateur.quiz-outbox"].map((key) => window.localStorage.getItem(key)))).toEqual([null, null, null]);
  await context.setOffline(true);
  await page.goto("/chapters/ventes");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
});

test("done means 1: kept chapter 1, offline, a module played 20 s and its quiz answered; back online, the server has both and the trainer's pages show them", async ({ page, context, browser }) => {
  test.setTimeout(150_000);
  const moduleId = "transition-pourquoi-vendre-en-ligne";
  const quiz = quizOf(`content/chapters/01-transition-numerique/01-${moduleId}.yaml`);
  await page.setViewportSize({ width: 390, height: 800 });
  await signUp(page, "Atelier sans réseau");
  await page.goto("/join/MARCHE26");
  await page.getByRole("button", { name: "Rejoindre le groupe" }).click();
  await expect(page.getByText(/vous faites partie du groupe/)).toBeVisible();
  const { userId } = (await (await page.request.get("/api/auth/session")).json()) as { userId: string };

  await page.goto("/chapters/transition-numerique");
  await waitForWorker(page);
  await keepThisChapter(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Préparer sa transition numérique" })).toBeVisible();
  await page.goto(`/modules/${moduleId}`);
  const player = page.getByTestId("player");
  await player.getByRole("button", { name: "Lecture" }).click();
  await page.waitForTimeout(20_500);
  await player.getByRole("button", { name: "Pause" }).click();
  await answerQuiz(page, quiz);
  await expect(page.getByTestId("quiz-queued")).toHaveText("Pas de connexion : vos réponses sont gardées sur cet appareil. Le quiz sera corrigé à la reconnexion.");
  expect(await page.evaluate(() => JSON.parse(window.localStorage.getItem("accelerateur.quiz-outbox") ?? "[]").length)).toBe(1);

  await context.setOffline(false);
  // Sent by the page when the connection is back; nothing left waiting.
  await expect
    .poll(() => page.evaluate(() => [window.localStorage.getItem("accelerateur.progress-outbox"), window.localStorage.getItem("accelerateur.quiz-outbox")]), { timeout: 30_000 })
    .toEqual([null, null]);

  const trainer = await browser.newPage();
  await signInAs(trainer, demoAccount("trainer"));
  await trainer.goto(`/cohorts/cohorte-demo/learners/${userId}`);
  const row = trainer.getByRole("row").filter({ hasText: "Pourquoi (et quand) vendre en ligne" });
  await expect(row).toContainText(`${quiz.length}/${quiz.length}`);
  // The seconds watched offline, within the budget (20 s of wall clock: no more than that, a little less for the start).
  const watched = Number(/(\d+) s \//.exec((await row.textContent()) ?? "")?.[1] ?? NaN);
  expect(watched).toBeGreaterThanOrEqual(15);
  expect(watched).toBeLessThanOrEqual(22);
  await trainer.close();
});

test("Mon parcours keeps the whole programme at once, with the space it takes, lists what is kept with « Retirer » for each; the estimate holds", async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await signUp(page, "Atelier tout terrain");
  await page.goto("/progress");
  await waitForWorker(page);
  const section = page.getByTestId("kept-programme");
  await expect(section.getByRole("heading", { name: "Hors ligne sur cet appareil" })).toBeVisible();
  await expect(section.getByRole("status")).toHaveText(/^Il faudra environ [\d,]+\s(ko|Mo) · espace libre sur cet appareil : [\d,]+\s(ko|Mo|Go)\.$/);
  await expect(section.getByText("Aucun chapitre gardé sur cet appareil.")).toBeVisible();
  await section.getByRole("button", { name: "Garder tout le programme" }).click();
  await expect(section.getByRole("status")).toHaveText("Tout le programme est gardé sur cet appareil, à jour.", { timeout: 150_000 });
  await expect(section.getByRole("button", { name: "Garder tout le programme" })).toBeDisabled();
  const list = section.getByTestId("kept-list").getByRole("listitem");
  await expect(list).toHaveCount(7);
  await expect(section.getByText(/^Plus [\d,]+\s(ko|Mo) de fichiers de l’application/)).toBeVisible();
  await expect(list.first()).toContainText(/Préparer sa transition numérique\s*Gardé hors ligne le .+ · [\d,]+\s(ko|Mo)\./);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="kept-programme"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  // The estimate given before keeping: within half and twice what each chapter really took.
  const { chapters: plans } = (await (await page.request.get("/api/offline/chapters")).json()) as { chapters: Plan[] };
  const keptList = await keptEntries(page);
  expect(keptList.map((k) => k.chapterId).sort()).toEqual(plans.map((p) => p.chapterId).sort());
  for (const entry of keptList) {
    const plan = plans.find((p) => p.chapterId === entry.chapterId)!;
    expect(entry.version).toBe(plan.version);
    expect(entry.bytes / plan.estimatedBytes, entry.chapterId).toBeGreaterThan(0.5);
    expect(entry.bytes / plan.estimatedBytes, entry.chapterId).toBeLessThan(2);
  }

  // The scripts' sizes the worker gives for the estimate (their revisions, app/serwist/[path]/route.ts) are the sizes kept.
  const scripts = await page.evaluate(async () => {
    const channel = new MessageChannel();
    const files = new Promise<{ url: string; bytes: number }[]>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data as { url: string; bytes: number }[])));
    (await navigator.serviceWorker.ready).active!.postMessage("build-files", [channel.port2]);
    const assets = await caches.open("accelerateur-assets");
    return Promise.all(
      (await files).filter((file) => file.url.endsWith(".js")).map(async (file) => ({ url: file.url, said: file.bytes, kept: (await (await assets.match(file.url))?.blob())?.size ?? -1 })),
    );
  });
  expect(scripts.length).toBeGreaterThan(10);
  expect(scripts.every((script) => script.kept > 0)).toBe(true);
  // All but two tiny build manifests, which the server fills in as it serves them.
  const said = scripts.reduce((sum, script) => sum + script.said, 0);
  const kept = scripts.reduce((sum, script) => sum + script.kept, 0);
  expect(Math.abs(said - kept)).toBeLessThan(0.01 * kept);

  // « Retirer » one chapter: gone from the list and from the device; the others stay.
  await section.getByRole("button", { name: "Retirer « Assurer la logistique » de cet appareil" }).click();
  await expect(list).toHaveCount(6);
  await expect(section.getByRole("status")).toHaveText(/^Il faudra environ /);
  await context.setOffline(true);
  await page.goto("/chapters/logistique");
  await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
  await page.goto("/modules/ventes-premieres-ventes");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Vous êtes hors ligne");
  await expect(page.getByTestId("kept-copy")).toHaveText(/^Vous lisez la copie gardée sur cet appareil le /);
});

test("a copy kept before the content changed says so offline, and is kept again on the next visit online", async ({ page, context }) => {
  await signUp(page, "Atelier à jour");
  await page.goto("/chapters/marque");
  await waitForWorker(page);
  await keepThisChapter(page);
  // The next page online notes the content's versions (what tells, offline, that a copy is older).
  await page.reload();
  await expect.poll(() => page.evaluate((key) => window.localStorage.getItem(key), VERSIONS_KEY)).not.toBeNull();
  const current = (JSON.parse((await page.evaluate((key) => window.localStorage.getItem(key), VERSIONS_KEY))!) as Record<string, string>).marque;
  // As if this copy had been kept before the last deployment changed the chapter.
  await page.evaluate((key) => {
    const list = JSON.parse(window.localStorage.getItem(key)!) as { chapters: { version: string }[] };
    for (const chapter of list.chapters) chapter.version = "avant";
    window.localStorage.setItem(key, JSON.stringify(list));
  }, KEPT_KEY);
  const keptAt = (await keptEntries(page))[0]!.keptAt;

  await context.setOffline(true);
  await page.goto("/modules/marque-identite-de-marque");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Vous êtes hors ligne");
  await expect(page.getByTestId("kept-copy")).toHaveText(/^Vous lisez la copie gardée le .+ : le contenu a changé depuis\. Elle sera mise à jour à votre prochaine connexion\.$/);
  expect(await page.getByTestId("offline-status").evaluate((el) => getComputedStyle(el).position)).toBe("fixed");

  await context.setOffline(false);
  await page.goto("/progress");
  await expect.poll(async () => (await keptEntries(page))[0]?.version, { timeout: 30_000 }).toBe(current);
  expect((await keptEntries(page))[0]!.keptAt).toBeGreaterThan(keptAt);
  await page.goto("/chapters/marque");
  const status = page.getByTestId("keep-offline").getByRole("status");
  await expect(status).toHaveText(/^Gardé hors ligne le .+ · [\d,]+\s(ko|Mo)\. Plus [\d,]+\s(ko|Mo) de fichiers de l’application, gardés une fois pour tous les chapitres\.$/);
  await expect(status).not.toContainText("Le contenu a changé");
});

test("a quiz answered offline reaches the server through the worker's Background Sync, even once the page has let go of it", async ({ page, context }) => {
  const moduleId = "marque-identite-de-marque";
  const quiz = quizOf("content/chapters/04-marque/01-identite-de-marque.yaml");
  await signUp(page, "Atelier en différé");
  await page.goto(`/modules/${moduleId}`);
  await waitForWorker(page);
  // The quiz's code, loaded while online (it loads as the quiz comes near the screen, and replaces the quiz's first markup).
  await expect(async () => page.getByRole("button", { name: "Vérifier mes réponses" }).scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  await answerQuiz(page, quiz);
  await expect(page.getByTestId("quiz-queued")).toBeVisible();
  // The page's own queue goes: only the worker still has the attempt.
  await page.evaluate(() => window.localStorage.removeItem("accelerateur.quiz-outbox"));
  await context.setOffline(false);

  // What the browser does when the connection is back, asked through the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
      const ours = registrations.find((r) => !r.isDeleted && new URL(r.scopeURL).pathname === "/");
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.dispatchSyncEvent", { origin: new URL(page.url()).origin, registrationId: await registrationId, tag: "serwist-background-sync:accelerateur-reports", lastChance: false });
  await expect
    .poll(async () => ((await (await page.request.get("/api/account/export")).json()) as { quizAttempts: { moduleId: string; score: number }[] }).quizAttempts, { timeout: 20_000 })
    .toEqual([expect.objectContaining({ moduleId, score: quiz.length })]);
});
