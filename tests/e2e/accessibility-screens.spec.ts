import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FIXTURE_BASE_URL } from "../../playwright.config";
import { AXE_TAGS, demoAccount, signInAs } from "./support";

// Each role's own screens, axe-checked on the second server (the test content fixture, with the
// same demo accounts, group and live sessions): they do not depend on the programme's content, and
// the first server's project is the end-to-end tests' longest. The programme's pages are checked on
// the first server (tests/e2e/accessibility.spec.ts).
test.use({ baseURL: FIXTURE_BASE_URL });

/** Each role's own screens, on the demo data (a living cohort: overdue work, progress, notifications). */
const SCREENS_BY_ROLE: [role: "merchant" | "trainer" | "admin", paths: string[]][] = [
  ["trainer", ["/cohorts", "/cohorts/cohorte-demo", "/cohorts/cohorte-demo?status=overdue&sort=name", "/cohorts/cohorte-demo/assignments", "/cohorts/cohorte-demo/members", "/cohorts/cohorte-demo/invitation", "/cohorts/cohorte-demo/live-sessions", "/cohorts/cohorte-demo/live-sessions/session-demo-passee", "/account", "/notifications"]],
  ["merchant", ["/", "/progress", "/notifications", "/account", "/live-sessions/session-demo-passee", "/join/MARCHE26", "/join?code=zz", "/join/ZZZZZZZZ"]],
  ["admin", ["/admin/outbox", "/admin/freshness", "/admin/stats", "/admin/stats/funnel", "/admin/stats/retention", "/admin/stats/retention?module=no-such-module", "/admin/stats/paths", "/admin/stats/profiles", "/admin/audit", "/admin/audit?action=learner.viewed&from=2026-01-01", "/admin/audit?from=2026-02-30&who=" + "x".repeat(101)]],
];

for (const [role, paths] of SCREENS_BY_ROLE) {
  test(`the ${role}'s cohort screens have no automatically detectable accessibility violation`, async ({ browser }) => {
    // Up to ten screens, each analysed by axe: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    const context = await browser.newContext({ baseURL: FIXTURE_BASE_URL, locale: "fr-FR" });
    const page = await context.newPage();
    await signInAs(page, demoAccount(role));
    for (const path of paths) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    }
    // The learner page, reached from the dashboard as a trainer would.
    if (role === "trainer") {
      await page.goto("/cohorts/cohorte-demo");
      await page.getByRole("link", { name: "Librairie Les Mots Passants" }).click();
      await expect(page.getByText(/journal d’audit/)).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(violations.map((v) => `learner page ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    }
    await context.close();
  });
}

/** Screens with wide tables, as the admin and the trainer see them on a phone. */
const PHONE_TABLE_SCREENS: [role: "trainer" | "admin", paths: string[]][] = [
  ["admin", ["/admin/users", "/admin/audit", "/admin/stats/funnel", "/admin/freshness"]],
  ["trainer", ["/cohorts/cohorte-demo", "/cohorts/cohorte-demo/members", "learner page"]],
];

for (const [role, paths] of PHONE_TABLE_SCREENS) {
  test(`on a phone, the ${role}'s table screens do not scroll sideways, their tables scroll in a frame the keyboard reaches`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: FIXTURE_BASE_URL, locale: "fr-FR", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInAs(page, demoAccount(role));
    for (const path of paths) {
      if (path === "learner page") {
        await page.goto("/cohorts/cohorte-demo");
        await page.getByRole("link", { name: "Librairie Les Mots Passants" }).click();
        await expect(page.getByText(/journal d’audit/)).toBeVisible();
      } else await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path}: the page's width`).toBeLessThanOrEqual(390);
      const unreachable = await page.evaluate(() =>
        [...document.querySelectorAll("main *")].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "auto" && (e as HTMLElement).tabIndex < 0).map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(unreachable, `${path}: frames that scroll but the keyboard cannot reach`).toEqual([]);
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    }
    await context.close();
  });
}
