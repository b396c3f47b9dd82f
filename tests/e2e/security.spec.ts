import { expect, test } from "@playwright/test";
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
