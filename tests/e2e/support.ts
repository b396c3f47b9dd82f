import { writeFileSync } from "node:fs";
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../scripts/demo-accounts.mjs";
import { e2eClockFile } from "../../scripts/lib/e2e-clock.mjs";
import type { Visitor } from "../authorization-matrix";

/** WCAG 2.1 A and AA, and axe's best practices (such as landmarks with distinct names). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** Today in Paris plus `days`, as YYYY-MM-DD (what a date input takes). */
export function parisDay(days = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function demoAccount(role: "merchant" | "trainer" | "admin") {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  return { email: account.email, password: DEMO_PASSWORDS[role], name: account.name };
}

/**
 * The demo merchant under way (server/data/demo.ts): one module opened and a third watched (a saved
 * position), in the demo group, its first assignment overdue.
 */
export function demoMerchantUnderWay() {
  const account = DEMO_ACCOUNTS.find((a) => a.email === "ceramique@demo.test")!;
  return { email: account.email, password: DEMO_PASSWORDS.merchant, name: account.name };
}

/** An HTTP client signed in as `visitor` through next-auth's own endpoints (no browser). */
export async function apiClientAs(visitor: Visitor, baseURL: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL });
  if (visitor === "anonymous") return client;
  const { email, password } = demoAccount(visitor);
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in as ${visitor}`).toBeLessThan(400);
  const session = (await (await client.get("/api/auth/session")).json()) as { userId?: string };
  expect(session.userId, `session for ${visitor}`).toMatch(/^\w{10,}$/);
  return client;
}

export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@exemple.test`;
}

/** Signs in through the form and waits until the platform has navigated away from it. */
export async function signInAs(page: Page, account: { email: string; password: string }) {
  await signInWithForm(page, account.email, account.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The alert of the form on the page (Next.js's route announcer is an empty alert too). */
export function formAlert(page: Page) {
  return page.locator("form [role=alert]");
}

/**
 * Moves the clock that due dates and reminders read on the server at `baseURL` (its
 * TEST_CLOCK_FILE, see scripts/e2e-server.mjs) by whole days; 0 puts it back.
 */
export function setClockOffsetDays(baseURL: string, days: number) {
  const port = new URL(baseURL).port;
  writeFileSync(e2eClockFile(port), String(Math.round(days * 86_400_000)));
}
