import { readFileSync } from "node:fs";
import { expect, test, type Locator } from "@playwright/test";
import { demoAccount, signInAs } from "./support";

/** The text of every cell of a statistics table on the page, row by row (the label first). */
async function pageRows(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent ?? "")));
}

/** A page figure as the CSV writes it: no thousands separator, no "%" sign, "—" (hidden) empty. */
function asCsv(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "—") return "";
  if (trimmed === "< 10") return trimmed;
  return trimmed.replace(/[\s\u202f\u00a0]/g, "").replace(/%$/, "");
}

/** Our CSV files: BOM, ";" between fields, CRLF; a field is quoted when it holds ";" or a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") record.push(field), (field = "");
    else if (c === "\r" && body[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += c;
  }
  if (field || record.length) record.push(field), records.push(record);
  return records;
}

test("an admin reads every statistics page on the demo population, and a CSV holds the page's figures", async ({ page }) => {
  await signInAs(page, demoAccount("admin"));
  await page.getByRole("link", { name: "Statistiques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vue d’ensemble" })).toBeVisible();
  // The demo population (a few hundred synthetic learners) gives real figures, not a page of "< 10".
  const registered = page.locator('[data-row-key="registered"] dd');
  expect(Number((await registered.textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(100);
  await expect(page.getByRole("img", { name: /Courbes par semaine/ })).toBeVisible();

  for (const [link, heading, table] of [
    ["Entonnoir", "Entonnoir", "funnel-modules"],
    ["Rétention dans les modules", "Rétention dans les modules", "retention"],
    ["Parcours", "Parcours", "paths"],
    ["Profils des entreprises", "Profils des entreprises", "by-region"],
  ] as const) {
    await page.getByRole("navigation", { name: "Pages de statistiques" }).getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.locator(`[data-stat-table="${table}"] tbody tr`).first()).toBeVisible();
  }

  // Profiles: the régions' table, its CSV downloaded and read back, figure by figure.
  const regions = page.locator('[data-stat-table="by-region"]');
  const shown = await pageRows(regions);
  expect(shown).toHaveLength(20); // 18 régions, "profil non renseigné", the total
  expect(shown.flat()).toContain("< 10"); // some régions have fewer than 10 demo learners
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-csv-link="by-region"]').click()]);
  expect(download.suggestedFilename()).toBe("statistiques-by-region.csv");
  const csv = parseCsv(readFileSync((await download.path())!, "utf8"));
  expect(csv[0]).toEqual(["Région", "Inscrit·e·s", "Ont terminé le programme", "Taux de complétion (%)"]);
  expect(csv.slice(1)).toEqual(shown.map((row) => [row[0]!.trim(), ...row.slice(1).map(asCsv)]));
  expect(csv.slice(1).flat()).toContain("< 10");

  // Retention: another module picked with the form, its curve drawn.
  await page.getByRole("navigation", { name: "Pages de statistiques" }).getByRole("link", { name: "Rétention dans les modules" }).click();
  const select = page.getByRole("combobox", { name: "Module", exact: true });
  const second = await select.locator("option").nth(1).getAttribute("value");
  await select.selectOption(second!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`module=${second}`));
  await expect(page.getByRole("img", { name: /Courbe de rétention/ })).toBeVisible();
});

test("nothing on the statistics pages names a learner", async ({ page }) => {
  await signInAs(page, demoAccount("admin"));
  for (const path of ["/admin/stats", "/admin/stats/funnel", "/admin/stats/retention", "/admin/stats/paths", "/admin/stats/profiles"]) {
    await page.goto(path);
    const text = await page.locator("main").textContent();
    // The demo merchants' names and e-mails, and the synthetic learners' ones.
    expect(text).not.toMatch(/@|Librairie Les Mots Passants|Boulangerie Maison Riou|Démo \d/);
  }
});
