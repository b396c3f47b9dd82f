// The demo data of `npm start` (server/data/demo.ts, run by scripts/seed.mts): the demo cohort has
// one past live session with its attendance marked and one to come, and its dashboard shows them.
import { describe, expect, it } from "vitest";
import { makeTranslator } from "@/lib/i18n";
import { cellText } from "@/lib/stats/csv";
import { getLiveSessionStats } from "@/server/data/admin-stats";
import { getCohortDashboard } from "@/server/data/cohort-dashboard";
import { DEMO_COHORT_ID, DEMO_PAST_SESSION_ID, seedDemoCohorts } from "@/server/data/demo";
import { listLearnerLiveSessions } from "@/server/data/live-sessions";
import { getDb } from "@/server/db";
import { createAccount } from "../support/accounts";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
/** The seed's clock: 15 December 2026, 11:00 in Paris. */
const NOW = new Date("2026-12-15T10:00:00Z");

async function seed() {
  const trainer = await createAccount("trainer", "Karim Benali");
  const otherTrainer = await createAccount("trainer", "Sophie Leroy");
  const merchants = [];
  for (const name of ["Librairie Les Mots Passants", "Boulangerie Maison Riou", "Atelier Terre et Feu", "Chaussures Vidal", "Fromagerie du Marché"]) merchants.push(await createAccount("merchant", name));
  await seedDemoCohorts({ trainer, otherTrainer, merchants, now: NOW });
  return { trainer, merchants };
}

describe(`the demo data on ${engine}`, () => {
  it("has one past live session with attendance marked and one upcoming session in the demo group", { timeout: 120_000 }, async () => {
    const { trainer, merchants } = await seed();
    const sessions = await getDb().liveSession.findMany({
      where: { cohortId: DEMO_COHORT_ID },
      orderBy: { startsAt: "asc" },
      include: { registrations: { select: { userId: true, attended: true } } },
    });
    expect(sessions).toHaveLength(2);
    const [past, next] = sessions as [(typeof sessions)[number], (typeof sessions)[number]];

    // Four days before, 18:00 in Paris; online; four registered, three present and one absent; replay and notes.
    expect(past).toMatchObject({ id: DEMO_PAST_SESSION_ID, title: "Questions-réponses : chapitre 1", placeKind: "online", cancelledAt: null, registeredCount: 4 });
    expect(past.startsAt.toISOString()).toBe("2026-12-11T17:00:00.000Z");
    expect(past.attendanceMarkedAt!.getTime()).toBeGreaterThan(past.startsAt.getTime());
    expect(past.attendanceMarkedAt!.getTime()).toBeLessThan(NOW.getTime());
    expect(past.replayUrl).toMatch(/^https:\/\//);
    expect(past.notes).not.toBe("");
    const attendedOf = new Map(past.registrations.map((r) => [r.userId, r.attended]));
    expect(merchants.map((m) => attendedOf.get(m.id))).toEqual([true, true, true, false, undefined]);

    // In ten days, 18:00 in Paris; a capacity, an address; two registered, attendance not marked.
    expect(next).toMatchObject({ title: "Atelier : photographier ses produits", placeKind: "in-person", capacity: 12, registeredCount: 2, cancelledAt: null, attendanceMarkedAt: null });
    expect(next.startsAt.toISOString()).toBe("2026-12-25T17:00:00.000Z");
    expect(next.address).toContain("Nantes");
    expect(next.registrations.map((r) => [r.userId, r.attended]).sort()).toEqual(merchants.slice(0, 2).map((m) => [m.id, null]).sort());

    // Karim's dashboard: each merchant's sessions attended out of the one held.
    const dashboard = await getCohortDashboard(trainer, DEMO_COHORT_ID, NOW);
    expect(dashboard.liveHeldCount).toBe(1);
    const attendance = new Map(dashboard.rows.map((r) => [r.userId, `${r.liveSessions.attendedCount} / ${r.liveSessions.heldCount}`]));
    expect(merchants.map((m) => attendance.get(m.id))).toEqual(["1 / 1", "1 / 1", "1 / 1", "0 / 1", "0 / 1"]);

    // A merchant sees both: present at the past one, registered for the next.
    const seen = await listLearnerLiveSessions(merchants[0]!, NOW, { includePast: true });
    expect(seen.map((s) => [s.title, s.isRegistered, s.attended])).toEqual([
      ["Questions-réponses : chapitre 1", true, true],
      ["Atelier : photographier ses produits", true, null],
    ]);

    // The admin's statistics count the held session, its registrations and presences too small to show.
    const admin = await createAccount("admin");
    const table = await getLiveSessionStats({ ...admin, role: "admin" }, makeTranslator("fr"), NOW);
    expect(table.rows.find((r) => r.key === "2026-12")!.cells.map((c) => cellText(c, "fr", "csv"))).toEqual(["1", "< 10", "< 10", ""]);
  });
});
