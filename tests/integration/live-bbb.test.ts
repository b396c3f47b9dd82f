import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as join } from "@/app/api/live-sessions/[sessionId]/join/route";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { getLiveSessionForTrainer, isBbbConfigured, registerForLiveSession, scheduleLiveSession } from "@/server/data/live-sessions";
import { joinCohort } from "@/server/data/memberships";
import { getEnv } from "@/server/env";
import { getDb } from "@/server/db";
import { meetingIdOf } from "@/server/live/rooms";
import { runReminderRound } from "@/server/reminders";
import { createAccount } from "../support/accounts";
import { startFakeBbb, type FakeBbb } from "../support/bbb-server";

// The platform with the operator's BigBlueButton (BBB_URL, BBB_SECRET): a session's room is made at
// the first join, each participant gets their own signed link for their role, and the scheduler
// marks registrants seen in the room present until a trainer confirms. The fake server checks every
// checksum as BigBlueButton does (tests/support/bbb-server.ts).
const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const SECRET = "secret-partage-du-serveur-bbb-de-test";
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: string; name: string; email: string } }));
vi.mock("@/server/auth", async () => {
  const { can } = await import("@/lib/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    getSessionUser: async () => session.user,
    requireApiPermission: async (permission: Parameters<typeof can>[1]) => {
      if (!session.user) throw new AppError("UNAUTHENTICATED");
      if (!can(session.user as never, permission)) throw new AppError("FORBIDDEN");
      return session.user;
    },
  };
});
vi.mock("@/server/clock", () => ({ now: () => clock.now }));
const clock = vi.hoisted(() => ({ now: new Date() }));

let bbb: FakeBbb;

beforeAll(async () => {
  bbb = await startFakeBbb({ secret: SECRET, algorithm: "sha256" });
  process.env.BBB_URL = bbb.url;
  process.env.BBB_SECRET = SECRET;
  process.env.BBB_CHECKSUM = "sha256";
  expect(getEnv().BBB_URL).toBe(bbb.url);
  expect(isBbbConfigured()).toBe(true);
});

afterAll(async () => {
  delete process.env.BBB_URL;
  delete process.env.BBB_SECRET;
  delete process.env.BBB_CHECKSUM;
  await bbb.stop();
});

const STARTS = new Date("2026-12-10T17:00:00Z");

async function joinAs(user: { id: string; role: string; name: string; email: string }, sessionId: string) {
  session.user = user;
  const response = await join(new Request(`http://localhost:3000/api/live-sessions/${sessionId}/join`), { params: Promise.resolve({ sessionId }) });
  return response;
}

describe(`live sessions on BigBlueButton on ${engine}`, () => {
  it("makes the room at the first join, gives the trainer a moderator link and the learner an attendee link, and pre-fills attendance from the room", async () => {
    const trainer = await createAccount("trainer", "Karim Formateur");
    const learner = await createAccount("merchant", "Atelier Terre et Feu");
    const absent = await createAccount("merchant", "Boulangerie Riou");
    const { id: cohortId } = await createCohort(trainer, { name: "Atelier Nantes", description: "", reminderDaysBefore: 3 });
    const { joinCode } = await getCohortForTrainer(trainer, cohortId);
    for (const m of [learner, absent]) await joinCohort(m, joinCode!, new Date("2026-12-01T09:00:00Z"));
    const now = new Date("2026-12-02T09:00:00Z");
    const { id } = await scheduleLiveSession(trainer, cohortId, liveSessionSchema.parse({ title: "Atelier frais de port", day: "2026-12-10", time: "18:00", durationMin: 60, placeKind: "online", usesBbb: true }), now);
    for (const m of [learner, absent]) await registerForLiveSession(m, id, now);

    clock.now = new Date(STARTS.getTime() - 10 * 60_000);
    const trainerJoin = await joinAs(trainer, id);
    expect(trainerJoin.status).toBe(303);
    const learnerJoin = await joinAs(learner, id);
    expect(learnerJoin.status).toBe(303);
    expect(bbb.meetings.get(meetingIdOf(id))).toMatchObject({ name: "Atelier frais de port" });
    expect(bbb.requests.filter((r) => r.callName === "create").every((r) => r.isChecksumValid)).toBe(true);

    // Each link is signed for its person and role: the fake server accepts it and records who entered.
    const entered = await bbb.join(learnerJoin.headers.get("location")!);
    expect(entered.joined).toMatchObject({ userId: learner.id, role: "VIEWER", fullName: "Atelier Terre et Feu" });
    expect((await bbb.join(trainerJoin.headers.get("location")!)).joined).toMatchObject({ userId: trainer.id, role: "MODERATOR" });
    expect(bbb.requests.filter((r) => r.callName === "join").every((r) => r.isChecksumValid)).toBe(true);

    // During the session, the scheduler reads the room: the learner seen there is pre-filled present.
    clock.now = new Date(STARTS.getTime() + 20 * 60_000);
    await runReminderRound(clock.now);
    const { registrants } = await getLiveSessionForTrainer(trainer, cohortId, id, clock.now);
    expect(registrants.map((r) => [r.name, r.attended])).toEqual([
      ["Atelier Terre et Feu", true],
      ["Boulangerie Riou", null],
    ]);
    expect(await getDb().liveSession.count({ where: { id, attendanceMarkedAt: null } })).toBe(1);
  });

  it("a server that refuses answers 503 LIVE_ROOM_UNAVAILABLE, not a 500", async () => {
    const trainer = await createAccount("trainer", "Sophie");
    const { id: cohortId } = await createCohort(trainer, { name: "Atelier Rennes", description: "", reminderDaysBefore: 3 });
    const { id } = await scheduleLiveSession(trainer, cohortId, liveSessionSchema.parse({ title: "Atelier", day: "2026-12-10", time: "18:00", durationMin: 60, placeKind: "online", usesBbb: true }), new Date("2026-12-02T09:00:00Z"));
    clock.now = new Date(STARTS.getTime() - 5 * 60_000);
    bbb.answerNext({ body: "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey><message>x</message></response>", contentType: "text/xml" }, "create");
    const response = await joinAs(trainer, id);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "LIVE_ROOM_UNAVAILABLE" } });
  });
});
