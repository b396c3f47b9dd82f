import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { parisLocalToInstant } from "../../lib/live/paris-time";
import { FIXTURE_BASE_URL } from "../../playwright.config";
import { demoAccount, demoMerchantUnderWay, parisDay, setClockOffsetDays, signInAs } from "./support";

// Issue 24's loop on the fixture server, whose clock is moved through TEST_CLOCK_FILE (never slept)
// and whose scheduler runs a round every 2 s: Karim schedules a live session for the demo group, a
// merchant registers (calendar file, invitation e-mail), the 1 h reminder goes once, the join link
// shows 15 minutes before for her only, Karim moves the session (a higher SEQUENCE), then marks
// attendance, which the dashboard and its CSV show.
test.use({ baseURL: FIXTURE_BASE_URL });
test.afterEach(() => setClockOffsetDays(FIXTURE_BASE_URL, 0));

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: FIXTURE_BASE_URL, locale: "fr-FR" });
  return context.newPage();
}

/** Moves the server's clock so that it reads `instant` (give or take the test's own seconds). */
function setServerClockTo(instant: Date) {
  setClockOffsetDays(FIXTURE_BASE_URL, (instant.getTime() - Date.now()) / 86_400_000);
}

function instantOf(day: string, time: string): Date {
  const local = parisLocalToInstant(day, time);
  if (!local.ok) throw new Error(`${day} ${time}: ${local.reason}`);
  return local.instant;
}

function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent("vtimezone");
  if (zone) ICAL.TimezoneService.register(zone);
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
}

async function outboxCount(admin: Page, to: string, subject: string): Promise<number> {
  await admin.goto("/admin/outbox");
  return admin.getByTestId("outbox-list").getByRole("listitem").filter({ hasText: to }).filter({ hasText: subject }).count();
}

test("Karim schedules a live session; a merchant registers, gets the calendar file and the invitation, the 1 h reminder once, the join link 15 min before; Karim moves it, then marks attendance", async ({ page: karim, browser }) => {
  test.setTimeout(180_000);
  const title = `Questions-réponses e2e ${Date.now().toString(36)}`;
  const day = parisDay(2);
  const starts = instantOf(day, "18:00");

  // 1. Karim schedules it for his demo group.
  await signInAs(karim, demoAccount("trainer"));
  await karim.goto("/cohorts/cohorte-demo");
  await karim.getByRole("link", { name: "Sessions en direct", exact: true }).click();
  await karim.getByLabel("Titre").fill(title);
  await karim.getByLabel("Jour").fill(day);
  await karim.getByLabel("Heure de début").fill("18:00");
  await karim.getByLabel("Durée (minutes)").fill("60");
  await karim.getByLabel("Adresse de la visioconférence").fill("https://meet.jit.si/accelerateur-e2e");
  await karim.getByLabel("Nombre de places (facultatif)").fill("10");
  await karim.getByRole("button", { name: "Programmer la session" }).click();
  await karim.waitForURL(/\/cohorts\/cohorte-demo\/live-sessions\/[^/]+$/);
  const sessionId = new URL(karim.url()).pathname.split("/").pop()!;
  await expect(karim.getByRole("heading", { level: 2, name: title })).toBeVisible();

  // 2. A merchant of the group sees it in « À faire », registers and downloads the .ics.
  const merchant = await newPage(browser);
  const her = demoMerchantUnderWay();
  await signInAs(merchant, her);
  await merchant.goto("/progress");
  const sessions = merchant.getByTestId("learner-live-sessions");
  await expect(sessions.locator(`[data-session="${sessionId}"]`)).toContainText(title);
  await expect(sessions.locator(`[data-session="${sessionId}"]`)).toContainText("Vous n’êtes pas inscrit·e");
  await sessions.getByRole("link", { name: title }).click();
  await merchant.getByRole("button", { name: "M’inscrire" }).click();
  await expect(merchant.getByTestId("registration-status")).toHaveText("✓ Vous êtes inscrit·e à cette session.");
  const [download] = await Promise.all([merchant.waitForEvent("download"), merchant.getByTestId("ics-link").click()]);
  const first = readCalendar(readFileSync((await download.path())!, "utf8"));
  expect(first.event.summary).toBe(title);
  expect(first.event.sequence).toBe(0);
  expect(first.event.startDate.toJSDate().toISOString()).toBe(starts.toISOString());

  // The invitation e-mail, with its calendar (delivered over SMTP: tests/integration/smtp.test.ts).
  const admin = await newPage(browser);
  await signInAs(admin, demoAccount("admin"));
  expect(await outboxCount(admin, her.email, `Inscription confirmée : ${title}`)).toBe(1);

  // 3. 59 minutes before: the 1 h reminder, once, whatever the number of scheduler rounds.
  setServerClockTo(new Date(starts.getTime() - 59 * 60_000));
  const reminder = `Dans une heure : ${title}`;
  await expect.poll(() => outboxCount(admin, her.email, reminder), { timeout: 20_000, intervals: [1000] }).toBe(1);
  await admin.waitForTimeout(5_000); // two more rounds at least
  expect(await outboxCount(admin, her.email, reminder)).toBe(1);

  // 4. 14 minutes before: the join link shows for her, not for a merchant of the group who did not register.
  setServerClockTo(new Date(starts.getTime() - 14 * 60_000));
  await merchant.goto(`/live-sessions/${sessionId}`);
  await expect(merchant.getByTestId("join-link")).toHaveAttribute("href", `/api/live-sessions/${sessionId}/join`);
  const joined = await merchant.request.get(`/api/live-sessions/${sessionId}/join`, { maxRedirects: 0 });
  expect(joined.status()).toBe(303);
  expect(joined.headers().location).toBe("https://meet.jit.si/accelerateur-e2e");
  const other = await newPage(browser);
  await signInAs(other, { email: "boulangerie@demo.test", password: demoAccount("merchant").password });
  await other.goto(`/live-sessions/${sessionId}`);
  await expect(other.getByTestId("registration-status")).toContainText("Vous n’êtes pas inscrit·e");
  await expect(other.getByTestId("join-link")).toHaveCount(0);
  expect((await other.request.get(`/api/live-sessions/${sessionId}/join`, { maxRedirects: 0 })).status()).toBe(409);

  // 5. Karim moves it to the next day, 19:00: she gets the update, her calendar file has a higher SEQUENCE.
  const nextDay = parisDay(3);
  await karim.reload();
  await karim.getByRole("region", { name: "Modifier la session" }).getByLabel("Jour").fill(nextDay);
  await karim.getByRole("region", { name: "Modifier la session" }).getByLabel("Heure de début").fill("19:00");
  await karim.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(karim.getByText("Modifications enregistrées")).toBeVisible();
  expect(await outboxCount(admin, her.email, `Session modifiée : ${title}`)).toBe(1);
  const moved = readCalendar(await (await merchant.request.get(`/api/live-sessions/${sessionId}/calendar`)).text());
  expect(moved.event.sequence).toBe(1);
  expect(moved.event.uid).toBe(first.event.uid);
  const newStart = instantOf(nextDay, "19:00");
  expect(moved.event.startDate.toJSDate().toISOString()).toBe(newStart.toISOString());

  // 6. After the session, Karim marks her present; the dashboard and its CSV count it.
  setServerClockTo(new Date(newStart.getTime() + 2 * 3_600_000));
  const { userId } = (await (await merchant.request.get("/api/auth/session")).json()) as { userId: string };
  const liveCell = karim.getByTestId(`dashboard-row-${userId}`).getByTestId("dashboard-live-sessions");
  const countsOnDashboard = async () => {
    await karim.goto("/cohorts/cohorte-demo");
    const [attended, held] = (await liveCell.locator("[aria-hidden=true]").textContent())!.split("/").map((n) => Number(n.trim()));
    return { attended: attended!, held: held! };
  };
  const before = await countsOnDashboard();

  await karim.goto(`/cohorts/cohorte-demo/live-sessions/${sessionId}`);
  const attendance = karim.getByRole("region", { name: "Présence, replay et notes" });
  await attendance.getByRole("group", { name: `Présence de ${her.name}` }).getByLabel("Présent·e").check();
  await attendance.getByLabel("Lien du replay (facultatif, https://)").fill("https://peertube.example.org/w/replay-e2e");
  await attendance.getByRole("button", { name: "Enregistrer la présence" }).click();
  await expect(attendance.getByText("Présence enregistrée.")).toBeVisible();
  await merchant.goto(`/live-sessions/${sessionId}`);
  await expect(merchant.getByText("Vous étiez présent·e.")).toBeVisible();
  await expect(merchant.getByRole("link", { name: "Voir le replay" })).toHaveAttribute("href", "https://peertube.example.org/w/replay-e2e");

  const after = await countsOnDashboard();
  expect(after).toEqual({ attended: before.attended + 1, held: before.held });
  const [csv] = await Promise.all([karim.waitForEvent("download"), karim.getByRole("link", { name: "Télécharger le tableau (CSV)" }).click()]);
  const records = parse(readFileSync((await csv.path())!, "utf8"), { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
  const hers = records.filter((r) => r["E-mail"] === her.email);
  expect(hers.length).toBeGreaterThan(0);
  for (const record of hers) {
    expect(record["Sessions en direct suivies"]).toBe(String(after.attended));
    expect(record["Sessions en direct tenues"]).toBe(String(after.held));
  }
});
