import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiClientAs, demoAccount, demoMerchantUnderWay, signInAs } from "./support";

/**
 * The learner's phone (issue 20): pages arrive whole. Nothing moves once painted (cumulative
 * layout shift after load), the programme pages read right without JavaScript, and every page and
 * script is sent compressed.
 */

/** Google's "good" is ≤ 0.1; a page that arrives whole should not move at all. */
const MAX_LAYOUT_SHIFT = 0.02;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

declare global {
  interface Window {
    __layoutShift: number;
  }
}

/** Sums layout shifts not caused by input, from the very first paint (buffered entries included). */
function observeLayoutShift() {
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
}

async function layoutShiftOf(page: Page, path: string): Promise<number> {
  await page.goto(path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  return page.evaluate(() => window.__layoutShift);
}

/** The module the learner would resume: the page with their saved position. */
async function resumeModulePath(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.getByRole("link", { name: /^Reprendre/ }).getAttribute("href");
  expect(href).toMatch(/^\/modules\//);
  return href!;
}

async function newPageAs(browser: Browser, role: "visitor" | "merchant" | "trainer" | "admin", viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(observeLayoutShift);
  if (role !== "visitor") await signInAs(page, role === "merchant" ? demoMerchantUnderWay() : demoAccount(role));
  return { context, page };
}

const FIRST_PAGES: Record<"visitor" | "merchant" | "trainer" | "admin", (page: Page) => Promise<string[]>> = {
  visitor: async () => ["/", "/chapters/place-de-marche", "/modules/marche-vendre-sur-amazon", "/sign-in"],
  // A merchant with progress (a saved position), a group and an overdue assignment (the demo data).
  merchant: async (page) => ["/", "/chapters/transition-numerique", await resumeModulePath(page), "/progress", "/account", "/notifications"],
  trainer: async () => ["/", "/cohorts", "/cohorts/cohorte-demo", "/cohorts/cohorte-demo/members", "/account"],
  admin: async () => ["/", "/admin/stats", "/admin/stats/funnel", "/admin/users", "/account"],
};

for (const viewport of VIEWPORTS) {
  for (const role of ["visitor", "merchant", "trainer", "admin"] as const) {
    test(`${role}'s first pages at ${viewport.width} px do not move once painted`, async ({ browser }) => {
      const { context, page } = await newPageAs(browser, role, viewport);
      const shifts: string[] = [];
      for (const path of await FIRST_PAGES[role](page)) {
        const shift = await layoutShiftOf(page, path);
        if (shift > MAX_LAYOUT_SHIFT) shifts.push(`${path}: ${shift.toFixed(3)}`);
      }
      expect(shifts).toEqual([]);
      await context.close();
    });
  }
}

test("without JavaScript, the programme pages show the learner's progress, resume line and « À faire »; the player says it needs JavaScript", async ({ browser }) => {
  const merchant = demoMerchantUnderWay();
  // Signed in with JavaScript (the sign-in form needs it), then the same session without.
  const signedIn = await browser.newContext();
  await signInAs(await signedIn.newPage(), merchant);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  await signedIn.close();
  const page = await context.newPage();

  await page.goto("/");
  await expect(page.getByText(`Bonjour ${merchant.name} !`)).toBeVisible();
  await expect(page.getByRole("link", { name: /^Reprendre/ })).toBeVisible();
  await expect(page.getByTestId("home-todo").getByRole("heading", { name: "À faire" })).toBeVisible();
  await expect(page.getByTestId("home-todo")).toContainText("En retard");
  await expect(page.locator(".mod-list .status[data-status=in-progress]").first()).toBeVisible();
  await expect(page.locator(".chapters [role=progressbar]").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon parcours" })).toBeVisible();

  await page.goto("/chapters/transition-numerique");
  await expect(page.getByTestId("chapter-progress").getByRole("progressbar")).toBeVisible();
  await expect(page.locator(".mod-list .status").first()).toHaveText(/Terminé|En cours|Pas commencé/);

  await page.goto("/progress");
  const overall = page.getByTestId("overall-progress");
  await expect(overall).toContainText(/\d+ étapes terminées sur \d+/);
  await expect(overall.getByRole("link", { name: /^Reprendre/ })).toBeVisible();
  await expect(page.getByTestId("todo")).toContainText("En retard");
  await expect(page.locator(".progress-chapters [role=progressbar]").first()).toBeVisible();

  const modulePath = (await overall.getByRole("link", { name: /^Reprendre/ }).getAttribute("href"))!;
  await page.goto(modulePath);
  await expect(page.getByTestId("player-needs-javascript")).toBeVisible();
  await expect(page.getByTestId("player")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Transcription" })).toBeVisible();
  await expect(page.getByTestId("module-progress")).toContainText("Votre progression");
  await expect(page.getByText(/^Reprise là où vous vous étiez arrêté·e/)).toBeVisible();
  await context.close();
});

test("every page and every script is sent compressed to a browser that accepts it", async ({ baseURL }) => {
  const merchant = await apiClientAs("merchant", baseURL!);
  const uncompressed: string[] = [];
  for (const path of ["/", "/chapters/place-de-marche", "/modules/marche-vendre-sur-amazon", "/progress", "/account", "/search?q=marque"]) {
    const response = await merchant.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-encoding"], path).toMatch(/^(gzip|br|deflate)$/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const src of scripts) {
      const script = await merchant.get(src.replaceAll("&amp;", "&"), { headers: { "accept-encoding": "gzip, deflate, br" } });
      const encoding = script.headers()["content-encoding"] ?? "";
      if (script.status() !== 200 || !/^(gzip|br|deflate)$/.test(encoding)) uncompressed.push(`${path}: ${src} ${script.status()} ${encoding}`);
    }
  }
  expect(uncompressed).toEqual([]);
  await merchant.dispose();
});

test("a normal visit asks for nothing that is not there (icons included)", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/", { waitUntil: "networkidle" });
  await signInAs(page, demoAccount("merchant"));
  for (const path of ["/", "/chapters/place-de-marche", "/modules/marche-vendre-sur-amazon", "/progress", "/account"]) await page.goto(path, { waitUntil: "networkidle" });
  expect(missing).toEqual([]);
  const icon = await page.request.get((await page.locator("link[rel=icon]").first().getAttribute("href"))!);
  expect(icon.status()).toBe(200);
});
