import { expect, test, type Browser } from "@playwright/test";
import { demoAccount, formAlert, signInAs, signInWithForm } from "./support";

test("pages carry a self-only Content-Security-Policy and the usual headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  const policy = headers["content-security-policy"];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/https?:\/\//);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("browsing the platform makes no request to another origin and breaks no CSP rule", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const cspErrors: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  for (const path of ["/", "/sign-up", "/sign-in"]) await page.goto(path);
  const admin = demoAccount("admin");
  await signInAs(page, admin);
  await expect(page.getByText(`Bonjour ${admin.name} !`)).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Utilisateurs et rôles" })).toBeVisible();
  expect(foreign).toEqual([]);
  expect(cspErrors).toEqual([]);
});

test("a mutating request from another site is refused with a code", async ({ request }) => {
  const response = await request.post("/api/locale", { data: { locale: "en" }, headers: { origin: "https://evil.example" } });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("BAD_ORIGIN");
});

test("a body that is not JSON is a 400 with a code, not a 500", async ({ request }) => {
  const response = await request.post("/api/users", { data: Buffer.from("{pas du json"), headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.code).toBe("INVALID_JSON");
});

test("repeated failed sign-ins on one account are throttled, with a French message", async ({ page, request }) => {
  const email = `verrou-${Date.now()}@exemple.test`;
  const created = await request.post("/api/users", {
    data: { email, password: "le bon mot de passe", name: "Caviste", sector: "alimentation", department: "33", sizeBand: "0" },
  });
  expect(created.status()).toBe(201);
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, email, "mauvais mot de passe");
    await expect(formAlert(page)).toBeVisible();
  }
  await signInWithForm(page, email, "le bon mot de passe");
  await expect(formAlert(page)).toHaveText(/Trop de tentatives de connexion/);
});

/** A browser context whose every request says it comes from `address` (next start keeps a client's X-Forwarded-For). */
async function contextFrom(browser: Browser, baseURL: string, address: string) {
  return browser.newContext({ baseURL, locale: "fr-FR", extraHTTPHeaders: { "x-forwarded-for": address } });
}

test("an attacker's address throttled on a merchant's account does not keep the merchant out", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000); // a dozen form sign-ins, each hashing a password, on a loaded machine
  const email = `cible-${Date.now()}@exemple.test`;
  const password = "le bon mot de passe";
  const created = await request.post("/api/users", { data: { email, password, name: "Fromagère Visée", sector: "alimentation", department: "44", sizeBand: "0" } });
  expect(created.status()).toBe(201);

  const attacker = await contextFrom(browser, baseURL!, "203.0.113.66");
  const attackerPage = await attacker.newPage();
  for (let i = 0; i < 5; i++) {
    await signInWithForm(attackerPage, email, `essai ${i}`);
    await expect(formAlert(attackerPage)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
  await signInWithForm(attackerPage, email, "encore un essai");
  await expect(formAlert(attackerPage)).toHaveText("Trop de tentatives de connexion. Par sécurité, attendez 15 min avant de réessayer.");

  // The merchant, from their own address, signs in through the form.
  const victim = await contextFrom(browser, baseURL!, "198.51.100.23");
  const victimPage = await victim.newPage();
  await signInAs(victimPage, { email, password });
  const session = (await (await victimPage.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);

  // The attacker's address stays refused, even with the right password, and is told how long to wait.
  await signInWithForm(attackerPage, email, password);
  await expect(formAlert(attackerPage)).toHaveText(/^Trop de tentatives de connexion\. Par sécurité, attendez 1[45] min avant de réessayer\.$/);
  expect(attackerPage.url()).toContain("/sign-in");
  await attacker.close();
  await victim.close();
});

test("an unknown e-mail is throttled with the same words as a merchant's", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const attacker = await contextFrom(browser, baseURL!, "203.0.113.67");
  const page = await attacker.newPage();
  const email = `personne-${Date.now()}@exemple.test`;
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, email, `essai ${i}`);
    await expect(formAlert(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
  await signInWithForm(page, email, "encore un essai");
  await expect(formAlert(page)).toHaveText("Trop de tentatives de connexion. Par sécurité, attendez 15 min avant de réessayer.");
  await attacker.close();
});
