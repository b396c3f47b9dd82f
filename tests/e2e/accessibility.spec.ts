import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { AXE_TAGS, demoAccount, demoMerchantUnderWay, signInAs } from "./support";

// Each role's own screens (cohorts, live sessions, admin pages) are checked on the second server:
// tests/e2e/accessibility-screens.spec.ts.


// Automatic WCAG checks (axe-core, bundled in the npm package: nothing fetched) on the main screens.
const PUBLIC_PAGES = ["/", "/sign-in", "/sign-up", "/chapters/place-de-marche", "/modules/marche-vendre-sur-amazon", "/search?q=marque", "/offline", "/reuse"];

for (const path of PUBLIC_PAGES) {
  test(`${path} has no automatically detectable accessibility violation`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    await context.close();
  });
}

test("signed-in screens have no automatically detectable accessibility violation", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, demoAccount("admin"));
  for (const path of ["/progress", "/admin/users", "/modules/marche-choisir-sa-place-de-marche"]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
  await context.close();
});

test("a module with a saved position (the highlighted transcript cue) has no automatically detectable accessibility violation", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, demoMerchantUnderWay());
  await page.goto("/");
  await page.getByRole("link", { name: /^Reprendre/ }).click();
  await expect(page.getByText(/^Reprise là où vous vous étiez arrêté·e/)).toBeVisible();
  await expect(page.locator("[aria-current=true]").first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  await context.close();
});
