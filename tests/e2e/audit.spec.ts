import { expect, test } from "@playwright/test";
import { demoAccount, signInAs } from "./support";

const LEARNER = "Boulangerie Maison Riou";

test("a trainer's opening of a learner's page shows in the admin's audit log, filtered by action", async ({ browser }) => {
  const trainer = demoAccount("trainer");
  const admin = demoAccount("admin");

  // The demo trainer opens a learner's page from the cohort's dashboard.
  const trainerContext = await browser.newContext();
  const trainerPage = await trainerContext.newPage();
  await signInAs(trainerPage, trainer);
  await trainerPage.goto("/cohorts/cohorte-demo");
  await trainerPage.getByRole("link", { name: LEARNER }).click();
  await expect(trainerPage.getByRole("heading", { level: 1, name: LEARNER })).toBeVisible();
  await trainerContext.close();

  // The admin reaches the log from the users page and filters it by action.
  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInAs(page, admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Journal d’audit" }).click();
  await expect(page).toHaveURL("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Journal d’audit" })).toBeVisible();
  await page.getByLabel("Quoi").selectOption({ label: "Consultation de la progression d’un·e apprenant·e" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/[?&]action=learner\.viewed/);
  await expect(page.getByLabel("Quoi")).toHaveValue("learner.viewed");

  const rows = page.getByTestId("audit-log").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")));
  expect(new Set(actions)).toEqual(new Set(["learner.viewed"]));
  const row = rows.filter({ hasText: `${trainer.name} (Formateur·rice)` }).filter({ hasText: LEARNER }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText("Consultation de la progression d’un·e apprenant·e");
  await expect(row).toContainText(/Groupe : .+/);

  // Whose data, by part of the e-mail.
  await page.getByLabel("Données de (nom ou e-mail)").fill("boulangerie@");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(rows.first()).toContainText(LEARNER);
  expect(await rows.filter({ hasNotText: LEARNER }).count()).toBe(0);
  await adminContext.close();
});

test("bad filters get a French message and no list, never an error page", async ({ page }) => {
  await signInAs(page, demoAccount("admin"));
  const response = await page.goto("/admin/audit?from=2026-02-30&to=2026-01-01&action=tout-effacer");
  expect(response?.status()).toBe(200);
  const alert = page.locator("form [role=alert]");
  await expect(alert).toContainText("Certains filtres ne sont pas valides");
  await expect(alert).toContainText("Saisissez une date valide");
  await expect(alert).toContainText("Choisissez une action de la liste.");
  await expect(page.getByLabel("Du (jour inclus)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("audit-log")).toHaveCount(0);
  // The link in the summary takes the keyboard to the field.
  await alert.getByRole("link", { name: /date valide/ }).click();
  await expect(page.getByLabel("Du (jour inclus)")).toBeFocused();
});

test("keyboard only: the filters, the submit button and the table's frame are reachable in order", async ({ page }) => {
  await signInAs(page, demoAccount("admin"));
  await page.goto("/admin/users");
  await page.goto("/admin/audit");
  await page.getByLabel("Qui (nom ou e-mail)").focus();
  await page.keyboard.type("Claire");
  // Chromium's date fields take one Tab per part (day, month, year): count each control once.
  const order: string[] = [];
  for (let i = 0; i < 20 && order.at(-1) !== "Effacer les filtres"; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.activeElement?.getAttribute("name") || document.activeElement?.textContent?.trim() || "");
    if (order.at(-1) !== name) order.push(name);
  }
  expect(order).toEqual(["whose", "action", "from", "to", "Filtrer", "Effacer les filtres"]);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/who=Claire/);
  await expect(page.getByTestId("audit-log")).toContainText("Consultation de la liste des comptes");
  // The table scrolls inside a frame that the keyboard reaches next.
  await page.getByRole("link", { name: "Effacer les filtres" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: "Entrées du journal, de la plus récente à la plus ancienne" })).toBeFocused();
});
