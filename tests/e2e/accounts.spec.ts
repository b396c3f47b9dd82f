import { expect, test } from "@playwright/test";
import { formAlert, signInAs, signInWithForm, uniqueEmail } from "./support";

test("a merchant signs up, signs out, signs in and sees the programme home", async ({ page }) => {
  const email = uniqueEmail("atelier");
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Créer un compte" })).toBeVisible();
  await expect(page.getByText("uniquement à produire des statistiques globales")).toBeVisible();

  await page.getByLabel("Nom affiché").fill("Atelier Céramique Lune");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("terre cuite et émail");
  await page.getByLabel("Secteur d’activité").selectOption("artisanat");
  await page.getByLabel("Département").selectOption("26");
  await page.getByLabel("Nombre de salariés").selectOption("0");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page).toHaveURL("/");
  await expect(page.getByText("Bonjour Atelier Céramique Lune !")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Le programme" })).toBeVisible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expect(page.getByText("Bonjour Atelier Céramique Lune !")).toHaveCount(0);

  await signInWithForm(page, email, "terre cuite et émail");
  await expect(page).toHaveURL("/");
  await expect(page.getByText("Bonjour Atelier Céramique Lune !")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Préparer sa transition numérique" })).toBeVisible();
});

test("sign-up explains each invalid field in French and creates nothing", async ({ page, request }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Le formulaire contient des erreurs")).toBeVisible();
  await expect(page.getByText("Saisissez une adresse e-mail valide")).toBeVisible();
  await expect(page.getByText("Le mot de passe doit faire au moins 10 caractères.")).toBeVisible();
  await expect(page.getByText("Choisissez un secteur dans la liste.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");

  const response = await request.post("/api/users", { data: { email: "x@exemple.test", password: "0123456789", name: "X", sector: "banque", department: "35", sizeBand: "0" } });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(body.error.fields.sector).toBe("Choisissez un secteur dans la liste.");
});

test("signing up twice with one e-mail says so, in French", async ({ request }) => {
  const data = { email: uniqueEmail("double"), password: "0123456789ab", name: "Double", sector: "services", department: "75", sizeBand: "1-9" };
  expect((await request.post("/api/users", { data })).status()).toBe(201);
  const second = await request.post("/api/users", { data });
  expect(second.status()).toBe(409);
  expect((await second.json()).error).toMatchObject({ code: "EMAIL_TAKEN" });
});

test("wrong credentials get one French message, whether or not the e-mail exists", async ({ page }) => {
  await signInWithForm(page, "librairie@demo.test", "mauvais mot de passe");
  await expect(formAlert(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await signInWithForm(page, uniqueEmail("personne"), "mauvais mot de passe");
  await expect(formAlert(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
});

test("the interface switches to English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "The programme" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Passer en français" }).click();
  await expect(page.getByRole("heading", { name: "Le programme" })).toBeVisible();
});

test("changing one's password ends the account's other sessions; this one goes on", async ({ browser, request }) => {
  const account = { email: uniqueEmail("motdepasse"), password: "ancien mot de passe de la boutique" };
  const created = await request.post("/api/users", { data: { ...account, name: "Quincaillerie Nouvelle Clé", sector: "services", department: "35", sizeBand: "1-9" } });
  expect(created.status()).toBe(201);
  const [here, elsewhere] = [await browser.newContext(), await browser.newContext()];
  const [page, other] = [await here.newPage(), await elsewhere.newPage()];
  await signInAs(page, account);
  await signInAs(other, account);
  await other.goto("/account");
  await expect(other.getByRole("heading", { level: 1 })).toBeVisible();

  // A second later, so that the change is strictly after the other session's sign-in (known to the second).
  await page.waitForTimeout(1100);
  await page.goto("/account");
  const form = page.getByRole("region", { name: "Votre mot de passe" });
  await form.getByLabel("Mot de passe actuel").fill(account.password);
  await form.getByLabel("Nouveau mot de passe").fill("nouveau mot de passe de la boutique");
  await form.getByRole("button", { name: "Changer de mot de passe" }).click();
  await expect(form.getByText("Votre mot de passe est changé. Vos autres sessions (autres navigateurs, autres appareils) sont fermées.")).toBeVisible();

  // This session goes on, the other one has ended; the old password no longer opens the account.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  expect((await other.request.post("/api/progress", { data: {} })).status()).toBe(401);
  await signInWithForm(other, account.email, account.password);
  await expect(formAlert(other)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await signInAs(other, { email: account.email, password: "nouveau mot de passe de la boutique" });
  await here.close();
  await elsewhere.close();
});
