import { expect, test } from "@playwright/test";
import { FIXTURE_BASE_URL } from "../../playwright.config";
import { demoAccount, signInAs } from "./support";

// On the second server: the fixture's comparison has one stale fact on purpose (a price grid of
// March 2019), one « non communiqué » cell, one fresh fact and one illustrative value.
test.use({ baseURL: FIXTURE_BASE_URL });

test("a stale fact is flagged « à revérifier » with its date on the module page, and listed first on « Fraîcheur des contenus » and in its CSV", async ({ page }) => {
  await page.goto("/modules/essai-vendre-sur-amazon");
  const comparison = page.getByTestId("comparison");
  // The wide table (the phone's cards hold the same cells).
  const table = comparison.getByRole("table");
  const stale = table.getByTestId("stale-fact");
  await expect(stale).toHaveCount(1);
  await expect(stale).toHaveText("⚠ À revérifier : information de plus de 18 mois (mars 2019)");
  await expect(table.locator('[data-stale="true"]')).toContainText("Commission de 15 % par vente");
  await expect(table.locator('[data-cell-kind="notDisclosed"]')).toContainText("Non communiqué par le fournisseur");
  await expect(table.locator('[data-cell-kind="notDisclosed"]').getByRole("link")).toHaveText("Cherché sur : vendeur.exemple.test");
  await expect(comparison.getByTestId("comparison-checked")).toHaveText("Comparatif vérifié le 24 novembre 2026.");

  await signInAs(page, demoAccount("admin"));
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Fraîcheur des contenus" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fraîcheur des contenus");
  await expect(page.getByTestId("freshness-totals")).toHaveText("Faits sourcés : 2 · cases « non communiqué » : 1 · à revérifier : 1 · options comparées : 2.");
  const rows = page.getByTestId("freshness-rows").locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute("data-state", "stale");
  await expect(rows.first()).toHaveAttribute("data-option", "vendeur");
  await expect(rows.first()).toContainText("À revérifier");
  await expect(rows.first().getByRole("link", { name: "Vendre sur Amazon (essai)" })).toHaveAttribute("href", "/modules/essai-vendre-sur-amazon");
  await expect(rows.last()).toHaveAttribute("data-state", "undated");
  const byComparison = page.getByRole("region", { name: "Par comparatif" }).locator("tbody tr");
  await expect(byComparison).toHaveCount(1);
  await expect(byComparison).toContainText("Comparaison d'essai");

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-csv-link="freshness"]').click()]);
  expect(download.suggestedFilename()).toBe("fraicheur-des-contenus.csv");
  const text = await (await page.request.get("/api/admin/freshness")).text();
  const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("État;Âge (mois);Vérifié le;Date donnée par la source;Comparatif;Option;Critère;Type de case;Ce que dit la case;Source (ou page consultée);Modules");
  expect(lines).toHaveLength(5);
  expect(lines[1]).toMatch(/^À revérifier;\d+;2026-11-24;2019-03;Comparaison d'essai;Offre du vendeur;Frais et commissions;Fait sourcé;/);
});
