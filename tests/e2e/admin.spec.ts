import { expect, test } from "@playwright/test";
import { demoAccount, signInAs, uniqueEmail } from "./support";

test("a merchant opening an admin page is refused", async ({ page }) => {
  const merchant = demoAccount("merchant");
  await signInAs(page, merchant);
  await expect(page).toHaveURL("/");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
});

test("a visitor without a session is sent to sign-in, then back to the admin page", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
  const admin = demoAccount("admin");
  await page.getByLabel("Adresse e-mail").fill(admin.email);
  await page.getByLabel("Mot de passe").fill(admin.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByRole("heading", { name: "Utilisateurs et rôles" })).toBeVisible();
});

test("an admin changes a user's role, and the log records it", async ({ page, request }) => {
  const email = uniqueEmail("fleuriste");
  const created = await request.post("/api/users", {
    data: { email, password: "bouquets de saison", name: "Fleuriste Pivoine", sector: "commerce-de-detail", department: "13", sizeBand: "1-9" },
  });
  expect(created.status()).toBe(201);

  const admin = demoAccount("admin");
  await signInAs(page, admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toBeVisible();
  await row.getByLabel("Rôle de Fleuriste Pivoine").selectOption("trainer");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByRole("status")).toHaveText("Rôle mis à jour.");

  await page.reload();
  await expect(page.getByTestId(`user-row-${email}`).getByLabel("Rôle de Fleuriste Pivoine")).toHaveValue("trainer");
  await expect(page.getByText(`${admin.name} a changé le rôle de Fleuriste Pivoine : Commerçant·e → Formateur·rice`)).toBeVisible();
});

test("the last admin cannot remove their own admin role", async ({ page }) => {
  const admin = demoAccount("admin");
  await signInAs(page, admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`);
  const row = page.getByTestId(`user-row-${admin.email}`);
  await row.getByLabel(`Rôle de ${admin.name}`).selectOption("merchant");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByRole("alert")).toContainText("Il doit toujours rester au moins un·e administrateur·rice");
  await page.reload();
  await expect(page.getByTestId(`user-row-${admin.email}`).getByLabel(`Rôle de ${admin.name}`)).toHaveValue("admin");
});
