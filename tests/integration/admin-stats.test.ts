import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTranslator } from "@/lib/i18n";
import { cellText } from "@/lib/stats/csv";
import type { StatTable } from "@/lib/stats/tables";
import { getProgramme } from "@/server/content";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { getBreakdownStats, getFunnelStats, getLiveSessionStats, getOverviewStats, getPathStats, getRetentionStats, getStatTable } from "@/server/data/admin-stats";
import { createCohort, getCohortForTrainer } from "@/server/data/cohorts";
import { cancelLiveSession, markAttendance, registerForLiveSession, scheduleLiveSession } from "@/server/data/live-sessions";
import { joinCohort } from "@/server/data/memberships";
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
  liveSessions: () => getLiveSessionStats(admin, t, NOW),
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

  it("counts live sessions held, registrations and presences by month, in one query, small cells hidden", { timeout: 120_000 }, async () => {
    const admin = { ...(await createAccount("admin")), role: "admin" as const };
    const trainer = await createAccount("trainer");
    const { id: cohortId } = await createCohort(trainer, { name: "Groupe suivi", description: "", reminderDaysBefore: 3 });
    const { joinCode } = await getCohortForTrainer(trainer, cohortId);
    const learners = [];
    for (let i = 0; i < 14; i++) {
      const learner = await createAccount("merchant", `Présence ${i}`);
      await joinCohort(learner, joinCode!, new Date("2026-10-01T09:00:00Z"));
      learners.push(learner);
    }
    const early = new Date("2026-10-02T09:00:00Z");
    const schedule = async (day: string) => (await scheduleLiveSession(trainer, cohortId, liveSessionSchema.parse({ title: `Session ${day}`, day, time: "18:00", durationMin: 60, placeKind: "in-person", address: "CCI Nantes" }), early)).id;
    const before = await countQueries(() => getLiveSessionStats(admin, t, NOW));

    // November: 12 registered, 10 present, 2 absent; another session of 3 registered, attendance not marked.
    const marked = await schedule("2026-11-17");
    for (const learner of learners.slice(0, 12)) await registerForLiveSession(learner, marked, early);
    await markAttendance(trainer, cohortId, marked, { entries: learners.slice(0, 12).map((l, i) => ({ userId: l.id, attended: i < 10 })), replayUrl: null, notes: "" }, new Date("2026-11-17T18:00:00Z"));
    const unmarked = await schedule("2026-11-24");
    for (const learner of learners.slice(0, 3)) await registerForLiveSession(learner, unmarked, early);
    // October: 4 registered, 3 present. Not counted: a cancelled session, one still to come.
    const small = await schedule("2026-10-20");
    for (const learner of learners.slice(0, 4)) await registerForLiveSession(learner, small, early);
    await markAttendance(trainer, cohortId, small, { entries: learners.slice(0, 4).map((l, i) => ({ userId: l.id, attended: i < 3 })), replayUrl: null, notes: "" }, new Date("2026-10-20T18:00:00Z"));
    const cancelled = await schedule("2026-11-10");
    for (const learner of learners) await registerForLiveSession(learner, cancelled, early);
    await cancelLiveSession(trainer, cohortId, cancelled, early);
    const upcoming = await schedule("2026-12-10");
    for (const learner of learners) await registerForLiveSession(learner, upcoming, early);

    const { result: table, count } = await countQueries(() => getLiveSessionStats(admin, t, NOW));
    expect(count).toBe(before.count);
    expect(count).toBe(1);
    const month = (key: string) => table.rows.find((r) => r.key === key)!.cells.map((c) => cellText(c, "fr", "csv"));
    // 10 present of the 12 registered at the marked session (the unmarked one is not in the rate).
    expect(month("2026-11")).toEqual(["2", "15", "10", "83,3"]);
    expect(month("2026-10")).toEqual(["1", "< 10", "< 10", ""]);
    expect(month("2026-12")).toEqual(["0", "< 10", "< 10", ""]);
    expect(month("total")).toEqual(["3", "19", "13", "81,3"]);
    // The CSV route's table is the same.
    expect(await getStatTable(admin, "live-sessions", "fr", t, NOW)).toEqual(table);
  });

  it("refuses every page and table to a merchant and a trainer", async () => {
    for (const role of ["merchant", "trainer"] as const) {
      const actor = await createAccount(role);
      for (const load of Object.values(pages(actor as never))) await expect(load()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getStatTable(actor, "by-region", "fr", t, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getStatTable(actor, "live-sessions", "fr", t, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
