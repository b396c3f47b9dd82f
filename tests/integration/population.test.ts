import { describe, expect, it } from "vitest";
import { makeTranslator } from "@/lib/i18n";
import type { Actor } from "@/lib/permissions";
import type { StatTable } from "@/lib/stats/tables";
import { getProgramme } from "@/server/content";
import { getBreakdownStats, getFunnelStats, getOverviewStats, getPathStats, getRetentionStats } from "@/server/data/admin-stats";
import { DEMO_EMAIL_DOMAIN, seedPopulation } from "@/scripts/population";
import { readStatTables, recountStatCounters } from "@/server/data/stat-counters";
import { createUserWithRole } from "@/server/data/users";
import { getDb } from "@/server/db";
import { resetDatabase } from "../support/database";
import { TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { completeModule, watch } from "../support/learning";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const NOW = new Date("2026-12-01T10:00:00Z");
const admin: Actor = { id: "admin", role: "admin" };
const t = makeTranslator("fr");

/** Count cells shown (not "< 10") and hidden in a table. */
function countCells(table: StatTable) {
  const cells = table.rows.flatMap((r) => r.cells).filter((c) => c.kind === "count");
  return { shown: cells.filter((c) => !c.entry.isSuppressed).length, hidden: cells.filter((c) => c.entry.isSuppressed).length };
}

describe(`synthetic population on ${engine}`, () => {
  it("writes counters equal to a full recount, the same for the same seed, and admin tables with real figures", { timeout: 180_000 }, async () => {
    const first = await seedPopulation({ learners: 300, seed: 1, now: NOW });
    const tables = await readStatTables();
    expect(tables).toEqual(await recountStatCounters());
    expect(first.tally).toEqual(tables);

    // The rows: what the summary says, marked as demo data, no event after `now`.
    const db = getDb();
    expect(await db.user.count({ where: { role: "merchant" } })).toBe(300);
    expect(await db.user.count({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } } })).toBe(300 + first.trainers);
    expect(await db.moduleProgress.count()).toBe(first.progressRows);
    expect(await db.quizAttempt.count()).toBe(first.quizAttempts);
    expect(await db.attestation.count()).toBe(first.attestations);
    expect(await db.cohortMember.count({ where: { role: "learner" } })).toBe(first.cohortLearners);
    expect(first.progressRows).toBeGreaterThan(300 * 8);
    expect(await db.moduleProgress.count({ where: { OR: [{ updatedAt: { gt: NOW } }, { completedAt: { gt: NOW } }] } })).toBe(0);
    const sample = await db.moduleProgress.findFirst({ where: { completedAt: { not: null } }, orderBy: { id: "asc" } });
    expect(sample?.watchedS).toBeGreaterThanOrEqual(0.9 * getProgramme().modulesById.get(sample!.moduleId)!.durationS - 0.05);
    const attestation = await db.attestation.findFirst();
    if (attestation) expect(attestation.code).toMatch(/^[0-9A-F]{16}$/);

    // The admin pages: real shapes, with both shown and hidden cells.
    const overview = await getOverviewStats(admin, t, NOW);
    expect(countCells(overview.overview).shown).toBeGreaterThanOrEqual(6);
    expect(countCells(overview.weekly).shown).toBeGreaterThanOrEqual(10);
    const funnel = await getFunnelStats(admin, "fr", t);
    expect(countCells(funnel.chapters).shown).toBeGreaterThanOrEqual(10);
    expect(countCells(funnel.modules).shown).toBeGreaterThanOrEqual(60);
    const firstModule = getProgramme().chapters[0]!.modules[0]!;
    const retention = await getRetentionStats(admin, "fr", t, firstModule.id);
    const retained = retention.rows.map((r) => {
      const viewers = r.cells[2]!;
      return viewers.kind === "count" ? viewers.entry.value : 0;
    });
    expect(countCells(retention).shown).toBe(retention.rows.length * 2);
    expect(retained[0]!).toBeGreaterThan(retained.at(-1)!); // people leave along the way
    const paths = await getPathStats(admin, "fr", t);
    expect(countCells(paths.paths).shown).toBeGreaterThanOrEqual(8);
    expect(countCells(paths.neutralPath).shown).toBe(2);
    const breakdowns = await getBreakdownStats(admin, t);
    for (const table of [breakdowns.bySector, breakdowns.byRegion, breakdowns.bySize]) {
      expect(countCells(table).shown, table.id).toBeGreaterThanOrEqual(3);
    }
    expect(countCells(breakdowns.byRegion).hidden).toBeGreaterThan(0);

    // Deterministic: the same seed writes the same counters; another seed, others.
    await resetDatabase(process.env.DATABASE_URL!);
    const again = await seedPopulation({ learners: 300, seed: 1, now: NOW });
    expect(again.tally).toEqual(first.tally);
    expect(await readStatTables()).toEqual(tables);
    await resetDatabase(process.env.DATABASE_URL!);
    const other = await seedPopulation({ learners: 300, seed: 2, now: NOW, counters: "none" });
    expect(other.tally).not.toEqual(first.tally);
  });

  it("adds its counters to those of learners already there (written through the player's path)", { timeout: 60_000 }, async () => {
    const [first, second] = getProgramme().chapters[0]!.modules;
    // Counted at sign-up, like the demo accounts (tests/support/accounts.ts skips the counters).
    const merchant = await createUserWithRole({ email: uniqueEmail("merchant"), password: TEST_PASSWORD, name: "Boutique", role: "merchant", sector: "mode", department: "69", sizeBand: "0" });
    await completeModule(merchant, first!.id);
    await watch(merchant, second!.id, 30);
    await seedPopulation({ learners: 120, seed: 7, now: NOW, counters: "add" });
    expect(await readStatTables()).toEqual(await recountStatCounters());
  });
});
