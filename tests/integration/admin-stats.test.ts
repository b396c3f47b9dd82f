import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTranslator } from "@/lib/i18n";
import { cellText } from "@/lib/stats/csv";
import type { StatTable } from "@/lib/stats/tables";
import { getProgramme } from "@/server/content";
import { getBreakdownStats, getFunnelStats, getOverviewStats, getPathStats, getRetentionStats, getStatTable } from "@/server/data/admin-stats";
import { recordProgressReport, recordQuizAttempt } from "@/server/data/progress";
import { createMerchant } from "@/server/data/users";
import { countQueries, enableQueryCounting } from "@/server/db";
import { createPlaybackSession } from "@/server/playback-session";
import { createAccount } from "../support/accounts";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const t = makeTranslator("fr");
const NOW = new Date("2026-12-01T10:00:00Z");
const module = getProgramme().chapters[0]!.modules[0]!;

beforeAll(() => enableQueryCounting());

async function addLearners(count: number, from: number) {
  for (let i = from; i < from + count; i++) {
    const learner = await createMerchant({ email: `stats-${i}-${randomUUID()}@example.test`, password: "mot-de-passe-solide-2026", name: `Stats ${i}`, sector: "artisanat", department: "44", sizeBand: "0" });
    const session = createPlaybackSession(learner.id, module.id, NOW.getTime() - 3_600_000);
    await recordProgressReport(learner, { reportId: randomUUID(), moduleId: module.id, session, intervals: [[0, module.durationS]], positionS: module.durationS }, NOW);
    await recordQuizAttempt(learner, { moduleId: module.id, answers: module.quiz.map((q) => (i % 3 === 0 ? (q.answer + 1) % q.choices.length : q.answer)) }, NOW);
  }
}

const pages = (admin: { id: string; role: "admin" }) => ({
  overview: () => getOverviewStats(admin, t, NOW),
  funnel: () => getFunnelStats(admin, "fr", t),
  retention: () => getRetentionStats(admin, "fr", t, module.id),
  paths: () => getPathStats(admin, "fr", t),
  breakdowns: () => getBreakdownStats(admin, t),
});

const text = (table: StatTable, rowKey: string, cell = 0) => cellText(table.rows.find((r) => r.key === rowKey)!.cells[cell]!, "fr", "csv");

describe(`admin statistics on ${engine}`, () => {
  it("each page runs the same few queries for 3 learners and for 15, and its figures follow the writes at once", { timeout: 120_000 }, async () => {
    const admin = { ...(await createAccount("admin")), role: "admin" as const };
    const counts = async () => Object.fromEntries(await Promise.all(Object.entries(pages(admin)).map(async ([name, load]) => [name, (await countQueries(load as () => Promise<unknown>)).count] as const)));

    await addLearners(3, 0);
    const few = await counts();
    expect((await getOverviewStats(admin, t, NOW)).overview.rows.find((r) => r.key === "registered")!.cells[0]).toEqual({ kind: "count", entry: { value: 3, isSuppressed: true } });

    await addLearners(12, 3);
    const many = await counts();
    expect(many).toEqual(few);
    expect(Math.max(...Object.values(many))).toBeLessThanOrEqual(3);

    // Fresh: the figures already count the learners just written, with no refresh step.
    const { overview } = await getOverviewStats(admin, t, NOW);
    expect(text(overview, "registered")).toBe("15");
    expect(text(overview, "started")).toBe("15");
    expect(text(overview, "active7")).toBe("15");
    const { modules } = await getFunnelStats(admin, "fr", t);
    // started, watched enough, quiz passed (10 of 15 answered right), completed; 10 of 15 at the first try
    expect(modules.rows.find((r) => r.key === module.id)!.cells.slice(1, 7).map((c) => cellText(c, "fr", "csv"))).toEqual(["15", "15", "10", "10", "66,7", "1"]);
    const { bySector, byRegion } = await getBreakdownStats(admin, t);
    expect(text(bySector, "artisanat")).toBe("15");
    expect(text(byRegion, "52")).toBe("15"); // Loire-Atlantique is in Pays de la Loire
    const retention = await getRetentionStats(admin, "fr", t, module.id);
    expect(retention.rows.every((r) => cellText(r.cells[2]!, "fr", "csv") === "15")).toBe(true);
  });

  it("refuses every page and table to a merchant and a trainer", async () => {
    for (const role of ["merchant", "trainer"] as const) {
      const actor = await createAccount(role);
      for (const load of Object.values(pages(actor as never))) await expect(load()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getStatTable(actor, "by-region", "fr", t, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
