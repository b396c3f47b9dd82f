import { statSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { FIXTURE_BASE_URL } from "../../playwright.config";
import { signInAs } from "./support";

// These tests run against the second server, on the test-only content fixture (24-second modules).
test.use({ baseURL: FIXTURE_BASE_URL });

async function newLearner(page: Page) {
  const account = { email: `lecture-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@exemple.test`, password: "regarder jusqu'au bout" };
  const response = await page.request.post("/api/users", {
    data: { ...account, name: "Librairie Lecture", sector: "librairie", department: "44", sizeBand: "1-9" },
  });
  expect(response.status()).toBe(201);
  await signInAs(page, account);
  return account;
}

const playerTimeS = async (page: Page) => {
  const text = (await page.getByTestId("player-time").textContent()) ?? "0:00";
  const [m = "0", s = "0"] = text.split("/")[0]!.trim().split(":");
  return Number(m) * 60 + Number(s);
};

/**
 * The fixture's video module names /media/essai-video.webm. The platform ships no video, so the test
 * serves a 24-second WebM made for it (tests/fixtures/media, 4 KB) at that address.
 */
async function serveFixtureVideo(page: Page) {
  // On the context, not the page: the service worker asks for videos itself (app/sw.ts), and only the context's routes see its requests.
  await page.context().route("**/media/essai-video.webm", (route) =>
    route.fulfill({ path: join(__dirname, "..", "fixtures", "media", "essai.webm"), contentType: "video/webm" }),
  );
}

async function passQuiz(page: Page) {
  await page.getByRole("radio", { name: "Quatre" }).check();
  await page.getByRole("radio", { name: "Bleu" }).check();
  await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
  await expect(page.getByText("2 bonne(s) réponse(s) sur 2. Quiz réussi !")).toBeVisible();
}

test("play at 2×, reload, resume at the right place, finish with the quiz, see the progress move", async ({ page }) => {
  await newLearner(page);
  await page.goto("/modules/essai-premier-module");
  const player = page.getByTestId("player");
  await player.getByLabel("Vitesse de lecture").selectOption("2");
  await player.getByRole("button", { name: "Lecture" }).click();
  await expect(page.getByTestId("caption")).toBeVisible();
  await expect.poll(() => playerTimeS(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);

  // Leaving the page sends what was watched (sendBeacon on pagehide); the server keeps the position.
  await page.reload();
  await expect(page.getByText(/Reprise là où vous vous étiez arrêté·e/)).toBeVisible();
  const resumedAtS = await playerTimeS(page);
  expect(resumedAtS).toBeGreaterThanOrEqual(7);
  expect(resumedAtS).toBeLessThan(20);
  await expect(page.getByTestId("module-progress")).toContainText("En cours");

  await page.getByTestId("player").getByLabel("Vitesse de lecture").selectOption("2");
  await page.getByTestId("player").getByRole("button", { name: "Lecture" }).click();
  await expect(page.getByText("Fin de la vidéo.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("module-progress")).toContainText("Vidéo vue à 100 %");
  await expect(page.getByTestId("module-progress")).toContainText("Quiz à réussir");

  await passQuiz(page);
  await expect(page.getByTestId("module-progress")).toContainText("Module terminé");

  await page.goto("/progress");
  await expect(page.getByTestId("overall-progress")).toContainText("1 étapes terminées sur 3");
  await expect(page.locator("li[data-module-id=essai-premier-module]").getByText("Terminé")).toBeVisible();
  await expect(page.getByRole("link", { name: "Reprendre : Vendre sur Amazon (essai)" }).or(page.getByRole("link", { name: /^(Reprendre|Commencer) :/ }))).toBeVisible();

  await page.goto("/chapters/essai");
  await expect(page.getByTestId("chapter-progress")).toContainText("1/3 étapes terminées");
});

test("seeking to the end does not complete a module, even with the quiz passed", async ({ page }) => {
  await newLearner(page);
  await page.goto("/modules/essai-alternative");
  const player = page.getByTestId("player");
  await player.getByLabel("Position dans la vidéo").fill("22");
  await player.getByRole("button", { name: "Lecture" }).click();
  await expect(page.getByText("Fin de la vidéo.")).toBeVisible({ timeout: 10_000 });
  await passQuiz(page);
  const panel = page.getByTestId("module-progress");
  await expect(panel).toContainText("Quiz réussi");
  await expect(panel).toContainText("En cours");
  await expect(panel).not.toContainText("Module terminé");
  await page.reload();
  await expect(page.getByTestId("module-progress")).toContainText("En cours");
});

test("the player is keyboard-operable and the transcript seeks", async ({ page }) => {
  await newLearner(page);
  await page.goto("/modules/essai-premier-module");
  const player = page.getByTestId("player");
  // The player's code loads in its own chunk after the page's; its controls are disabled (and its
  // keys do nothing) until it has run, as a user sees.
  await expect(player.getByRole("button", { name: "Lecture" })).toBeEnabled();
  await player.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => playerTimeS(page)).toBe(10);
  await page.keyboard.press("c");
  await expect(player.getByRole("button", { name: "Sous-titres" })).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Space");
  await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(player.getByRole("button", { name: "Lecture" })).toBeVisible();
  await page.getByRole("button", { name: /Merci de votre attention/ }).click();
  await expect.poll(() => playerTimeS(page)).toBeGreaterThanOrEqual(17);
  await expect(page.getByRole("button", { name: /Merci de votre attention/ })).toHaveAttribute("aria-current", "true");
});

test("completing every step earns an attestation that anyone can verify", async ({ page, browser }) => {
  // Three modules played through (about 40 s of video at 2×) before anything is checked.
  test.setTimeout(120_000);
  await newLearner(page);
  await serveFixtureVideo(page);
  for (const moduleId of ["essai-premier-module", "essai-alternative", "essai-video"]) {
    await page.goto(`/modules/${moduleId}`);
    await page.getByTestId("player").getByLabel("Vitesse de lecture").selectOption("2");
    await page.getByTestId("player").getByRole("button", { name: "Lecture" }).click();
    await expect(page.getByText("Fin de la vidéo.")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("module-progress")).toContainText("Vidéo vue à 100 %");
    await passQuiz(page);
    await expect(page.getByTestId("module-progress")).toContainText("Module terminé");
  }
  await page.goto("/progress");
  await expect(page.getByText("Bravo, vous avez terminé tout le programme !")).toBeVisible();
  await page.getByRole("button", { name: "Obtenir mon attestation" }).click();
  await expect(page).toHaveURL("/progress/attestation");
  const attestation = page.getByTestId("attestation");
  await expect(attestation).toContainText("Librairie Lecture");
  await expect(attestation).toContainText("Chapitre d'essai");
  const code = ((await attestation.getByText(/Code de vérification/).textContent()) ?? "").split(":").pop()!.trim();
  expect(code).toMatch(/^[0-9A-F]{16}$/);

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`${FIXTURE_BASE_URL}/attestation/${code}`);
  await expect(strangerPage.getByText("Attestation authentique")).toBeVisible();
  await expect(strangerPage.getByText(/Librairie Lecture/)).toBeVisible();
  await strangerPage.goto(`${FIXTURE_BASE_URL}/attestation/0000000000000000`);
  await expect(strangerPage.getByText("Aucune attestation ne correspond à ce code.")).toBeVisible();
  await stranger.close();
});

test("reports that fail while offline are kept on the device and sent when the connection is back", async ({ page, context }) => {
  await newLearner(page);
  await page.goto("/modules/essai-premier-module");
  const player = page.getByTestId("player");
  await player.getByLabel("Vitesse de lecture").selectOption("2");
  await player.getByRole("button", { name: "Lecture" }).click();
  await expect.poll(() => playerTimeS(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  await context.setOffline(true);
  await expect.poll(() => playerTimeS(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(14);
  await player.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText(/Connexion perdue/)).toBeVisible();
  const queued = await page.evaluate(() => window.localStorage.getItem("accelerateur.progress-outbox"));
  expect(queued).toContain("essai-premier-module");
  await context.setOffline(false);
  await expect(page.getByText(/Connexion perdue/)).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId("module-progress")).toContainText(/Vidéo vue à (5[0-9]|6[0-9]) %/);
  expect(await page.evaluate(() => window.localStorage.getItem("accelerateur.progress-outbox"))).toBeNull();
});

test("the progress API refuses bad reports with a 400 and a code, and writes nothing", async ({ page }) => {
  await newLearner(page);
  // The module page carries the player's signed playback session (in its props, in the HTML).
  const html = await (await page.request.get("/modules/essai-premier-module")).text();
  const session = /session\\?":\\?"(\d{13}\.[A-Za-z0-9_-]{43})/.exec(html)?.[1];
  expect(session, "the module page carries a signed playback session").toMatch(/^\d{13}\.[A-Za-z0-9_-]{43}$/);
  const base = { moduleId: "essai-premier-module", session, intervals: [[0, 2]], positionS: 2 };
  const cases: [Record<string, unknown>, string][] = [
    [{ moduleId: "no-such-module" }, "UNKNOWN_MODULE"],
    [{ intervals: [[-1, 2]] }, "NEGATIVE_INTERVAL"],
    [{ intervals: [[5, 2]] }, "REVERSED_INTERVAL"],
    [{ intervals: [[0, 99]] }, "INTERVAL_PAST_DURATION"],
    [{ intervals: Array.from({ length: 51 }, (_, i) => [i * 0.4, i * 0.4 + 0.2]) }, "TOO_MANY_INTERVALS"],
    [{ session: "1.forged" }, "INVALID_PLAYBACK_SESSION"],
    [{ intervals: "0-2" }, "VALIDATION_FAILED"],
  ];
  for (const [change, code] of cases) {
    const response = await page.request.post("/api/progress", { data: { ...base, reportId: crypto.randomUUID(), ...change } });
    expect(response.status(), code).toBe(400);
    expect((await response.json()).error.code).toBe(code);
  }
  await page.goto("/progress");
  await expect(page.locator("li[data-module-id=essai-premier-module]").getByText("Pas commencé")).toBeVisible();

  // A valid report, sent twice with the same id, is recorded once.
  const report = { ...base, reportId: crypto.randomUUID() };
  const first = await page.request.post("/api/progress", { data: report });
  expect(first.status()).toBe(200);
  const again = await (await page.request.post("/api/progress", { data: report })).json();
  expect(again.isReplay).toBe(true);
  expect(again.progress.watchedS).toBe(2);
});

test("a module with a real video file plays it in a <video> element with the transcript as captions, tracked the same way", async ({ page }) => {
  await newLearner(page);
  await serveFixtureVideo(page);
  await page.goto("/modules/essai-video");
  const video = page.getByTestId("player").locator("video");
  await expect(video).toHaveAttribute("src", "/media/essai-video.webm");
  await expect(video.locator("track[kind=captions]")).toHaveAttribute("src", "/api/modules/essai-video/captions");
  const captions = await page.request.get("/api/modules/essai-video/captions");
  expect(captions.headers()["content-type"]).toContain("text/vtt");
  expect(await captions.text()).toMatch(/^WEBVTT\n\n1\n00:00:01\.000 --> /);

  await page.getByTestId("player").getByLabel("Vitesse de lecture").selectOption("2");
  await page.getByTestId("player").getByRole("button", { name: "Lecture" }).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(6);
  await page.getByTestId("player").getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("module-progress")).toContainText(/Vidéo vue à ([2-9][0-9]|100) %/);
  await expect(page.getByTestId("module-progress")).toContainText("En cours");
});

test("a module's video file, kept with its chapter, plays offline from the device, by the ranges the player asks for", async ({ page }) => {
  await newLearner(page);
  await serveFixtureVideo(page);
  await page.goto("/chapters/essai");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const box = page.getByTestId("keep-offline");
  await box.getByRole("button", { name: "Garder ce chapitre hors ligne" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Gardé hors ligne le /, { timeout: 30_000 });
  // Kept whole on the device; from now on, nobody serves it but the device.
  const size = statSync(join(__dirname, "..", "fixtures", "media", "essai.webm")).size;
  expect(await page.evaluate(async () => (await (await (await caches.open("accelerateur-kept")).match("/media/essai-video.webm"))?.blob())?.size)).toBe(size);
  await page.context().unroute("**/media/essai-video.webm");
  await page.context().setOffline(true);

  const part = await page.evaluate(async () => {
    const response = await fetch("/media/essai-video.webm", { headers: { range: "bytes=100-199" } });
    return { status: response.status, range: response.headers.get("content-range"), bytes: (await response.arrayBuffer()).byteLength };
  });
  expect(part).toEqual({ status: 206, range: `bytes 100-199/${size}`, bytes: 100 });
  await page.goto("/modules/essai-video");
  const video = page.getByTestId("player").locator("video");
  await page.getByTestId("player").getByLabel("Vitesse de lecture").selectOption("2");
  await page.getByTestId("player").getByRole("button", { name: "Lecture" }).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(4);
  expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
});
