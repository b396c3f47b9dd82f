import { expect, test } from "@playwright/test";
import { apiClientAs, demoAccount, signInAs } from "./support";

test("the programme home lists the seven chapters with their modules and total duration", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("programme-summary")).toHaveText(/7 chapitres · \d+ modules · \d+ h \d+ min de vidéo/);
  for (const title of ["Préparer sa transition numérique", "Ouvrir une boutique en ligne", "Se lancer sur une place de marché", "Construire sa marque", "Augmenter son trafic", "Assurer la logistique", "Démarrer les ventes"]) {
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  }
});

test("open a chapter, open an Amazon module, see its neutral twin and the comparison side by side", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByRole("link", { name: "Se lancer sur une place de marché" }).click();
  await expect(page).toHaveURL("/chapters/place-de-marche");
  await expect(page.getByRole("heading", { level: 1, name: "Se lancer sur une place de marché" })).toBeVisible();

  const vendorItem = page.locator("li[data-module-id=marche-vendre-sur-amazon]");
  await expect(vendorItem.getByText("Service Amazon")).toBeVisible();
  await expect(vendorItem.getByText("Tutoriel")).toBeVisible();
  await vendorItem.getByRole("link", { name: "Vendre sur Amazon" }).click();

  await expect(page).toHaveURL("/modules/marche-vendre-sur-amazon");
  await expect(page.getByRole("heading", { level: 1, name: "Vendre sur Amazon" })).toBeVisible();
  const twin = page.getByTestId("neutral-twin");
  const comparison = page.getByTestId("comparison");
  await expect(twin.getByText("Choisir sa place de marché")).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: /Cdiscount/ })).toBeVisible();
  await expect(comparison.getByRole("rowheader", { name: "Frais et commissions" })).toBeVisible();
  await expect(comparison.getByRole("link", { name: /Source : marketplace\.cdiscount\.com/ }).first()).toBeVisible();

  const twinBox = (await twin.boundingBox())!;
  const comparisonBox = (await comparison.boundingBox())!;
  expect(twinBox.x + twinBox.width).toBeLessThanOrEqual(comparisonBox.x + 1);
  expect(Math.abs(twinBox.y - comparisonBox.y)).toBeLessThan(40);

  // The transcript is readable in full; the quiz is graded for signed-in learners only.
  await expect(page.getByRole("heading", { name: "Transcription" })).toBeVisible();
  // The answers and explanations are not in the page before grading.
  expect(await page.content()).not.toContain("un seul est mis en avant dans l'encadré d'achat principal");
  await expect(page.getByText("Connectez-vous pour valider le quiz")).toBeVisible();
  await expect(page.getByRole("button", { name: "Vérifier mes réponses" })).toBeDisabled();

  await twin.getByRole("link", { name: "Suivre l’alternative neutre" }).click();
  await expect(page).toHaveURL("/modules/marche-choisir-sa-place-de-marche");
  await expect(page.getByTestId("replaces-notice")).toContainText("Vendre sur Amazon");
});

test("on a phone, the neutral twin and the comparison are stacked", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/modules/logistique-expedie-par-amazon");
  await expect(page.getByTestId("player")).toBeVisible();
  const twinBox = (await page.getByTestId("neutral-twin").boundingBox())!;
  const comparisonBox = (await page.getByTestId("comparison").boundingBox())!;
  expect(comparisonBox.y).toBeGreaterThanOrEqual(twinBox.y + twinBox.height);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(390);
});

test("the parcours neutre swaps each Amazon module for its twin, and the original stays reachable", async ({ page }) => {
  await page.goto("/chapters/place-de-marche");
  const list = page.getByRole("list").filter({ has: page.locator("li[data-module-id]") });
  await expect(list.locator("li[data-module-id=marche-vendre-sur-amazon]")).toHaveCount(1);

  const toggle = page.getByRole("switch", { name: "Parcours neutre" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("Parcours neutre activé")).toBeVisible();

  await expect(list.locator("li[data-module-id=marche-vendre-sur-amazon]")).toHaveCount(0);
  await expect(list.locator("li[data-module-id=marche-outils-vendeur-amazon]")).toHaveCount(0);
  const twinItem = list.locator("li[data-module-id=marche-choisir-sa-place-de-marche]");
  await expect(twinItem).toContainText("Remplace « Vendre sur Amazon »");
  const ids = await list.locator("li[data-module-id]").evaluateAll((items) => items.map((li) => li.getAttribute("data-module-id")));
  expect(ids.indexOf("marche-choisir-sa-place-de-marche")).toBe(1);

  await page.goto("/");
  await expect(page.locator("li[data-module-id*=amazon]")).toHaveCount(0);

  await page.goto("/chapters/place-de-marche");
  await twinItem.getByRole("link", { name: "Voir le module d’origine" }).click();
  await expect(page).toHaveURL("/modules/marche-vendre-sur-amazon");
  await expect(page.getByRole("heading", { level: 1, name: "Vendre sur Amazon" })).toBeVisible();

  await page.goto("/chapters/place-de-marche");
  await page.getByRole("switch", { name: "Parcours neutre" }).click();
  await expect(page.locator("li[data-module-id=marche-vendre-sur-amazon]")).toHaveCount(1);
});

test("search finds modules across titles and transcripts, ignoring accents and plurals", async ({ page }) => {
  await page.goto("/search");
  await page.getByLabel("Mots à rechercher").fill("depot marques");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/search\?q=depot\+marques/);
  await expect(page.getByRole("main").getByRole("link", { name: /Déposer sa marque/ })).toBeVisible();
  await page.goto("/search?q=zzzzqx");
  await expect(page.getByText("Aucun module ne correspond à « zzzzqx »")).toBeVisible();
});

test("titles and summaries switch to English", async ({ page }) => {
  await page.goto("/chapters/logistique");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handling logistics");
  await page.getByRole("button", { name: "Passer en français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assurer la logistique");
});

test("a signed-in learner's parcours neutre is kept in the account, on any device", async ({ page, browser, request }) => {
  const email = `parcours-${Date.now()}@exemple.test`;
  const password = "un parcours bien neutre";
  expect((await request.post("/api/users", { data: { email, password, name: "Mercerie Fil", sector: "commerce-de-detail", department: "59", sizeBand: "0" } })).status()).toBe(201);
  await signInAs(page, { email, password });
  await page.goto("/chapters/logistique");
  await page.getByRole("switch", { name: "Parcours neutre" }).click();
  await expect(page.getByRole("switch", { name: "Parcours neutre" })).toHaveAttribute("aria-checked", "true");

  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await signInAs(otherPage, { email, password });
  await otherPage.goto("/chapters/logistique");
  await expect(otherPage.getByRole("switch", { name: "Parcours neutre" })).toHaveAttribute("aria-checked", "true");
  await expect(otherPage.locator("li[data-module-id=logistique-expedie-par-amazon]")).toHaveCount(0);
  await otherDevice.close();
});

test("the programme pages hold each learner's own part in their HTML, under a per-request nonce policy", async ({ baseURL }) => {
  const merchant = await apiClientAs("merchant", baseURL!);
  const trainer = await apiClientAs("trainer", baseURL!);
  for (const path of ["/", "/chapters/place-de-marche", "/modules/marche-vendre-sur-amazon", "/progress"]) {
    const [a, b] = await Promise.all([merchant.get(path), trainer.get(path)]);
    expect(a.status(), path).toBe(200);
    // Rendered per request for the person viewing it: each one's name in their own header.
    expect(await a.text(), path).toContain(demoAccount("merchant").name);
    expect(await b.text(), path).toContain(demoAccount("trainer").name);
    expect(await b.text(), path).not.toContain(demoAccount("merchant").name);
    expect(a.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    expect(a.headers()["content-security-policy"], path).not.toContain("unsafe-inline' 'nonce");
  }
  // The merchant's statuses are in the home page's HTML.
  expect(await (await merchant.get("/")).text()).toMatch(/data-status="(completed|in-progress)"/);
  await merchant.dispose();
  await trainer.dispose();
});

test("a learner's programme pages run under their policy: no CSP error, the player and the statuses appear", async ({ page }) => {
  const cspErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await signInAs(page, demoAccount("merchant"));
  await expect(page.getByText(`Bonjour ${demoAccount("merchant").name} !`)).toBeVisible();
  await expect(page.locator(".mod-list .status").first()).toHaveText(/Terminé|En cours|Pas commencé/);
  await page.getByRole("link", { name: "Se lancer sur une place de marché" }).first().click();
  await expect(page.getByTestId("chapter-progress")).toBeVisible();
  await page.goto("/modules/marche-vendre-sur-amazon");
  await expect(page.getByTestId("player")).toBeVisible();
  await page.goto("/progress");
  await expect(page.getByTestId("overall-progress")).toContainText("étapes terminées sur");
  expect(cspErrors).toEqual([]);
});

test("the heartbeat is answered before Next.js's router (instrumentation.ts handed the route over to scripts/server.mjs)", async ({ request }) => {
  // Next.js adds its router's Vary header to every answer it gives; the direct route does not.
  const heartbeat = await request.post("/api/progress", { data: {} });
  expect(heartbeat.status()).toBe(401);
  expect(heartbeat.headers()["vary"]).toBeUndefined();
  expect(heartbeat.headers()["x-frame-options"]).toBe("DENY");
  const throughNext = await request.post("/api/quiz-attempts", { data: {} });
  expect(throughNext.status()).toBe(401);
  expect(throughNext.headers()["vary"]).toContain("rsc");
});
