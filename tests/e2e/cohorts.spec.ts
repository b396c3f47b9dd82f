import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { FIXTURE_BASE_URL } from "../../playwright.config";
import { demoAccount, parisDay, setClockOffsetDays, signInAs, uniqueEmail } from "./support";

// The whole trainer ↔ learner loop, on the fixture server (24-second modules, one 3-step chapter
// "Chapitre d'essai"). Its clock is moved forward through TEST_CLOCK_FILE (never slept); its
// scheduler runs a reminder round every 2 s.
test.use({ baseURL: FIXTURE_BASE_URL });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: FIXTURE_BASE_URL, locale: "fr-FR" });
  return context.newPage();
}

async function playToTheEndAndPassQuiz(page: Page, moduleId: string) {
  await page.goto(`/modules/${moduleId}`);
  const player = page.getByTestId("player");
  await player.getByLabel("Vitesse de lecture").selectOption("2");
  await player.getByRole("button", { name: "Lecture" }).click();
  await expect(page.getByText("Fin de la vidéo.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("radio", { name: "Quatre" }).check();
  await page.getByRole("radio", { name: "Bleu" }).check();
  await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
  await expect(page.getByTestId("module-progress")).toContainText("Module terminé");
}

test.afterEach(() => setClockOffsetDays(FIXTURE_BASE_URL, 0));

test("a trainer creates a cohort, a merchant joins by the link, progress, overdue, reminder, CSV", async ({ page: trainer, browser }) => {
  test.setTimeout(120_000);
  const cohortName = `Atelier e2e ${Date.now().toString(36)}`;

  // 1. The trainer creates a cohort and reads its join link.
  await signInAs(trainer, demoAccount("trainer"));
  await trainer.goto("/cohorts");
  await trainer.getByLabel("Nom du groupe").fill(cohortName);
  await trainer.getByRole("button", { name: "Créer le groupe" }).click();
  await trainer.waitForURL(/\/cohorts\/[^/]+$/);
  const cohortId = new URL(trainer.url()).pathname.split("/").pop()!;
  await trainer.getByRole("link", { name: "Membres et invitation", exact: true }).click();
  const joinUrl = (await trainer.getByText(/\/join\/[A-Z0-9]{8}$/).first().textContent())!.trim();
  expect(joinUrl).toMatch(/\/join\/[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  await expect(trainer.getByRole("img", { name: /QR/ }).or(trainer.locator("figure svg")).first()).toBeVisible();

  // 2. A new merchant opens the link, signs up, comes back to it and joins.
  const merchant = await newPage(browser);
  const account = { email: uniqueEmail("groupe"), password: "rejoindre le groupe" };
  await merchant.goto(new URL(joinUrl).pathname);
  await expect(merchant.getByText(cohortName)).toBeVisible();
  await expect(merchant.getByText(/jamais les informations sur votre entreprise/)).toBeVisible();
  const created = await merchant.request.post("/api/users", {
    data: { ...account, name: "Épicerie Test e2e", sector: "alimentation", department: "44", sizeBand: "1-9" },
  });
  expect(created.status()).toBe(201);
  await merchant.getByRole("link", { name: "J’ai déjà un compte" }).click();
  await merchant.getByLabel("Adresse e-mail").fill(account.email);
  await merchant.getByLabel("Mot de passe").fill(account.password);
  await merchant.getByRole("button", { name: "Se connecter" }).click();
  await merchant.waitForURL(/\/join\//);
  await merchant.getByRole("button", { name: "Rejoindre le groupe" }).click();
  await expect(merchant.getByText(/vous faites partie du groupe/)).toBeVisible();
  const { userId } = (await (await merchant.request.get("/api/auth/session")).json()) as { userId: string };

  // 3. The trainer assigns the chapter, due in 3 days.
  const dueOn = parisDay(3);
  await trainer.goto(`/cohorts/${cohortId}/assignments`);
  await trainer.getByLabel("Chapitre ou module").selectOption({ label: "Tout le chapitre « Chapitre d'essai »" });
  await trainer.getByRole("radio", { name: "À une date précise" }).check();
  await trainer.getByLabel("Date d’échéance").fill(dueOn);
  await trainer.getByRole("button", { name: "Affecter", exact: true }).click();
  await expect(trainer.getByRole("status").filter({ hasText: "Affectation créée" })).toBeVisible();

  // 4. The merchant finishes one of the three steps and sees it in "À faire".
  await playToTheEndAndPassQuiz(merchant, "essai-premier-module");
  await merchant.goto("/progress");
  const todo = merchant.getByTestId("todo-list");
  await expect(todo).toContainText("Chapitre d'essai");
  await expect(todo).toContainText("33 % fait");
  await expect(todo).toContainText(cohortName);
  await expect(todo).not.toContainText("En retard");

  // 5. The trainer's dashboard shows it.
  await trainer.goto(`/cohorts/${cohortId}`);
  const row = trainer.getByTestId(`dashboard-row-${userId}`);
  await expect(row).toContainText("Épicerie Test e2e");
  await expect(row).toContainText("33 %");
  await expect(row).toContainText("En cours");

  // 6. Five days later (injected clock): overdue for both, and a reminder e-mail in the outbox.
  setClockOffsetDays(FIXTURE_BASE_URL, 5);
  await trainer.reload();
  await expect(row).toContainText("En retard");
  await merchant.reload();
  await expect(todo).toContainText("En retard de 2 jours");
  const admin = await newPage(browser);
  await signInAs(admin, demoAccount("admin"));
  await expect
    .poll(
      async () => {
        await admin.goto("/admin/outbox");
        return admin.getByTestId("outbox-list").getByRole("listitem").filter({ hasText: account.email }).filter({ hasText: /en retard/ }).count();
      },
      { timeout: 20_000, intervals: [1000] },
    )
    .toBeGreaterThan(0);
  await merchant.goto("/notifications");
  await expect(merchant.getByRole("main")).toContainText("Chapitre d'essai");

  // 7. The CSV downloads and parses back to the dashboard's figures.
  await trainer.goto(`/cohorts/${cohortId}`);
  const [download] = await Promise.all([trainer.waitForEvent("download"), trainer.getByRole("link", { name: "Télécharger le tableau (CSV)" }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse(bytes.toString("utf8"), { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    "Apprenant·e": "Épicerie Test e2e",
    "E-mail": account.email,
    "Élément assigné": "Chapitre d'essai",
    Échéance: dueOn,
    Statut: "En retard",
    "Avancement (%)": "33",
  });
  expect(records[0]!["Temps regardé (min)"]).toMatch(/^0,\d$/);
});
