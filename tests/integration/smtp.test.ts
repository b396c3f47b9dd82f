import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getModule } from "@/server/content";
import { createAssignment } from "@/server/data/assignments";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { joinCohort } from "@/server/data/memberships";
import { listOutbox } from "@/server/data/outbox";
import { getEnv } from "@/server/env";
import { deliverPendingEmails, MAX_SEND_ATTEMPTS } from "@/server/mail";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { registerForLiveSession, scheduleLiveSession } from "@/server/data/live-sessions";
import { getDb } from "@/server/db";
import { runReminderRound } from "@/server/reminders";
import { createAccount as createUser } from "../support/accounts";
import { uniqueEmail } from "../support/factories";
import { parseMail, type ParsedMail } from "../support/mime";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const PLATFORM = "https://formation.exemple.test";
const INTRO = "transition-pourquoi-vendre-en-ligne";

type Received = { envelopeTo: string[]; mail: ParsedMail; raw: string };
const received: Received[] = [];
let server: SMTPServer;

// server/env.ts reads the environment once per process (per test file here): SMTP_URL must be set
// before anything calls getEnv(), hence the server starts first and getEnv() is checked below.
beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refuse")) {
        const error = new Error("Boîte inconnue") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail: parseMail(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.NEXTAUTH_URL = PLATFORM;
  expect(getEnv().SMTP_URL).toBe(`smtp://127.0.0.1:${port}`);
  expect(getEnv().NEXTAUTH_URL).toBe(PLATFORM);
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.NEXTAUTH_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

async function overdueLearner(email: string) {
  const [trainer, learner] = await Promise.all([
    createUser("trainer", "Alice"),
    createUser("merchant", "Zoé <Épicerie>", email),
  ]);
  const { id } = await createCohort(trainer, { name: "Groupe du mardi", description: "", reminderDaysBefore: 3 });
  const { joinCode } = await getCohortForTrainer(trainer, id);
  await joinCohort(learner, joinCode!, new Date("2026-12-01T09:00:00Z"));
  await createAssignment(trainer, id, { itemKind: "module", itemId: INTRO, dueKind: "fixed", dueOn: "2026-12-10", dueDays: null });
  return { trainer, learner };
}

describe(`e-mail over SMTP on ${engine}`, () => {
  it("a reminder reaches the SMTP server: recipient, French subject, text and HTML with the link back", async () => {
    const admin = await createUser("admin");
    const email = uniqueEmail("apprenante");
    await overdueLearner(email);
    const round = await runReminderRound(new Date("2026-12-11T08:00:00Z"));
    expect(round).toMatchObject({ recorded: 1, emails: 1, digests: 1, sent: 2, kept: 0, failed: 0 });

    const toLearner = received.filter((r) => r.envelopeTo.includes(email));
    expect(toLearner).toHaveLength(1);
    const { mail } = toLearner[0]!;
    expect(mail.to).toContain(email);
    expect(mail.from).toContain("Accélérateur libre");
    expect(mail.subject).toBe("Rappel : 1 élément en retard dans votre formation");
    expect(mail.text).toContain("Bonjour Zoé <Épicerie>,");
    expect(mail.text).toContain(`En retard : ${getModule(INTRO)!.title.fr} (groupe Groupe du mardi), à terminer pour le 10 décembre 2026`);
    expect(mail.text).toContain(`${PLATFORM}/progress#a-faire`);
    expect(mail.text).toContain(`${PLATFORM}/account`);
    expect(mail.html).toContain(`href="${PLATFORM}/progress#a-faire"`);
    expect(mail.html).toContain("Bonjour Zoé &lt;Épicerie&gt;,");
    expect(mail.html).not.toContain("<Épicerie>");

    // The trainer's digest went out too.
    expect(received.filter((r) => !r.envelopeTo.includes(email)).map((r) => r.mail.subject)).toEqual(["Vos apprenant·e·s en retard (1)"]);

    const { emails } = await listOutbox(admin);
    expect(emails).toHaveLength(2);
    for (const row of emails) {
      expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    // Nothing is sent twice.
    expect(await runReminderRound(new Date("2026-12-11T15:00:00Z"))).toMatchObject({ sent: 0, failed: 0 });
    expect(received).toHaveLength(2);
  });

  it("a live session's invitation reaches the SMTP server with its calendar (text/calendar; method=REQUEST), read back by mailparser and ical.js", async () => {
    const email = uniqueEmail("invitee");
    const { trainer, learner } = await overdueLearner(email);
    const cohortId = (await getDb().cohortMember.findFirstOrThrow({ where: { userId: learner.id } })).cohortId;
    const session = await scheduleLiveSession(
      trainer,
      cohortId,
      liveSessionSchema.parse({ title: "Questions, réponses; et frais", day: "2026-12-10", time: "18:00", durationMin: 45, placeKind: "in-person", address: "CCI, 16 quai Ernest-Renaud, Nantes" }),
      new Date("2026-12-02T09:00:00Z"),
    );
    await registerForLiveSession(learner, session.id, new Date("2026-12-02T09:00:00Z"));
    await deliverPendingEmails(new Date("2026-12-02T09:00:01Z"));
    const toLearner = received.filter((r) => r.envelopeTo.includes(email));
    expect(toLearner).toHaveLength(1);
    const mail = await simpleParser(toLearner[0]!.raw);
    expect(mail.subject).toBe("Inscription confirmée : Questions, réponses; et frais");
    const calendarPart = /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i.test(toLearner[0]!.raw);
    expect(calendarPart).toBe(true);
    const attachment = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.contentType === "application/ics");
    expect(attachment).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString("utf8")));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent("vtimezone")!);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Questions, réponses; et frais");
    expect(event.location).toBe("CCI, 16 quai Ernest-Renaud, Nantes");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-10T17:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-10T17:45:00.000Z");
    expect(String(event.attendees[0]!.getFirstValue()).toLowerCase()).toBe(`mailto:${email.toLowerCase()}`);
  });

  it("a refused e-mail stays pending with the error and is retried, then fails after the last attempt", async () => {
    const admin = await createUser("admin");
    const email = uniqueEmail("refuse");
    await overdueLearner(email);
    const rowOf = async () => (await listOutbox(admin)).emails.find((e) => e.toAddress === email)!;

    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      const round = await runReminderRound(new Date(`2026-12-11T${String(8 + attempt).padStart(2, "0")}:00:00Z`));
      expect(round.failed).toBe(1);
      const row = await rowOf();
      expect(row).toMatchObject({ status: "pending", attempts: attempt, sentAt: null });
      expect(row.lastError).toMatch(/550/);
    }
    expect(await runReminderRound(new Date("2026-12-11T20:00:00Z"))).toMatchObject({ failed: 1 });
    expect(await rowOf()).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS, sentAt: null });
    // Given up: no further attempt.
    expect(await runReminderRound(new Date("2026-12-11T21:00:00Z"))).toMatchObject({ failed: 0, sent: 0 });
    expect(await rowOf()).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS });
    expect(received.filter((r) => r.envelopeTo.includes(email))).toEqual([]);
    // The trainer's digest, to a good address, went out the first time.
    expect(received.map((r) => r.mail.subject)).toEqual(["Vos apprenant·e·s en retard (1)"]);
  });
});
