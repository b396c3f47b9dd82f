import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { FIXTURE_BASE_URL } from "../../playwright.config";
import { signInAs, signInWithForm } from "./support";

// On the second server (24-second modules): a learner earns an attestation quickly, then uses their rights.
test.use({ baseURL: FIXTURE_BASE_URL });

async function passQuiz(page: Page) {
  await page.getByRole("radio", { name: "Quatre" }).check();
  await page.getByRole("radio", { name: "Bleu" }).check();
  await page.getByRole("button", { name: "Vérifier mes réponses" }).click();
  await expect(page.getByText("2 bonne(s) réponse(s) sur 2. Quiz réussi !")).toBeVisible();
}

async function download(page: Page, testId: string): Promise<unknown> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return JSON.parse(readFileSync((await file.path())!, "utf8")) as unknown;
}

test("a merchant downloads their data, withdraws their profile, deletes their account and can no longer sign in; their attestation is no longer valid", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const account = { email: `droits-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@exemple.test`, password: "mes données, mes droits" };
  const created = await page.request.post("/api/users", { data: { ...account, name: "Mercerie des Droits", sector: "mode", department: "29", sizeBand: "0" } });
  expect(created.status()).toBe(201);
  await signInAs(page, account);

  // Earn the attestation: the three steps of the fixture chapter (the Amazon step by its neutral twin).
  await page.context().route("**/media/essai-video.webm", (route) => route.fulfill({ path: "tests/fixtures/media/essai.webm", contentType: "video/webm" }));
  for (const moduleId of ["essai-premier-module", "essai-alternative", "essai-video"]) {
    await page.goto(`/modules/${moduleId}`);
    await page.getByTestId("player").getByLabel("Vitesse de lecture").selectOption("2");
    await page.getByTestId("player").getByRole("button", { name: "Lecture" }).click();
    await expect(page.getByText("Fin de la vidéo.")).toBeVisible({ timeout: 20_000 });
    await passQuiz(page);
    await expect(page.getByTestId("module-progress")).toContainText("Module terminé");
  }
  await page.goto("/progress");
  await page.getByRole("button", { name: "Obtenir mon attestation" }).click();
  const code = ((await page.getByTestId("attestation").getByText(/Code de vérification/).textContent()) ?? "").split(":").pop()!.trim();
  expect(code).toMatch(/^[0-9A-F]{16}$/);

  // Both exports, from Mon compte.
  await page.goto("/account");
  const data = (await download(page, "export-json")) as { account: { email: string }; progress: unknown[]; attestation: { code: string } | null };
  expect(data.account.email).toBe(account.email);
  expect(data.progress).toHaveLength(3);
  expect(data.attestation?.code).toBe(code);
  const statements = (await download(page, "export-xapi")) as { verb: { id: string } }[];
  expect(statements.map((s) => s.verb.id)).toEqual(expect.arrayContaining(["http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed"]));

  // Withdraw the business profile.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Retirer mon profil" }).click();
  await expect(page.getByText("Votre profil est retiré")).toBeVisible();
  await expect(page.getByText(/Vous n’avez pas renseigné de profil/)).toBeVisible();

  // Delete the account: the password and the box are both required.
  const erase = page.getByRole("region", { name: "Supprimer mon compte" });
  await erase.getByLabel("Votre mot de passe, pour confirmer").fill(account.password);
  await erase.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(erase.getByText("Cochez la case pour confirmer.")).toBeVisible();
  await erase.getByLabel("Je comprends que cette suppression est définitive.").check();
  await erase.getByLabel("Votre mot de passe, pour confirmer").fill("pas le mien");
  await erase.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(erase.getByText("Ce mot de passe n’est pas le bon.").first()).toBeVisible();
  await erase.getByLabel("Votre mot de passe, pour confirmer").fill(account.password);
  await erase.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole("heading", { name: "Votre compte est supprimé" })).toBeVisible();

  // Signed out, and the account is gone.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, account.email, account.password);
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`${FIXTURE_BASE_URL}/attestation/${code}`);
  await expect(strangerPage.getByText(/plus valable/)).toBeVisible();
  await expect(strangerPage.getByText("Mercerie des Droits")).toHaveCount(0);
  await stranger.close();
});
