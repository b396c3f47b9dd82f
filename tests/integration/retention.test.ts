import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Interval } from "@/lib/progress";
import { watchedSlices } from "@/lib/stats/retention";
import { getModule } from "@/server/content";
import { recordProgressReport } from "@/server/data/progress";
import { getDb } from "@/server/db";
import { createPlaybackSession } from "@/server/playback-session";
import { createAccount } from "../support/accounts";
import { seededRandom } from "@/lib/seeded-random";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const T0 = Date.parse("2026-11-24T10:00:00Z");
const module = getModule("marche-comprendre-les-places-de-marche")!;

const random = seededRandom;

/** What the counters must say: every learner's stored intervals, recounted from scratch. */
async function recount(): Promise<Map<number, number>> {
  const rows = await getDb().moduleProgress.findMany({ where: { moduleId: module.id }, select: { intervals: true } });
  const counts = new Map<number, number>();
  for (const row of rows) for (const slice of watchedSlices(JSON.parse(row.intervals) as Interval[], module.durationS)) counts.set(slice, (counts.get(slice) ?? 0) + 1);
  return counts;
}

async function counters(): Promise<Map<number, number>> {
  const rows = await getDb().moduleSliceStat.findMany({ where: { moduleId: module.id } });
  return new Map(rows.filter((r) => r.watchedCount > 0).map((r) => [r.slice, r.watchedCount]));
}

describe(`retention counters on ${engine}`, () => {
  it("stay equal to a full recount after random reports, replays and concurrent writers", async () => {
    const next = random(2026);
    const learners = await Promise.all(Array.from({ length: 5 }, (_, i) => createAccount("merchant", `Rétention ${i}`)));
    const sent: { learnerIndex: number; input: Parameters<typeof recordProgressReport>[1] }[] = [];
    const reportFor = (learnerIndex: number) => {
      const learner = learners[learnerIndex]!;
      const startS = Math.floor(next() * (module.durationS - 5));
      const endS = Math.min(module.durationS, startS + 1 + Math.floor(next() * 40));
      const input = { reportId: randomUUID(), moduleId: module.id, session: createPlaybackSession(learner.id, module.id, T0), intervals: [[startS, endS]] as [number, number][], positionS: endS };
      sent.push({ learnerIndex, input });
      return recordProgressReport(learner, input, new Date(T0 + 3_600_000));
    };
    for (let round = 0; round < 6; round++) {
      // Every learner reports at once (concurrent transactions), and one learner twice at once.
      await Promise.all([...learners.map((_, i) => reportFor(i)), reportFor(round % learners.length)]);
      // Replays of earlier reports (same id) change nothing.
      const replay = sent[Math.floor(next() * sent.length)]!;
      await recordProgressReport(learners[replay.learnerIndex]!, replay.input, new Date(T0 + 3_600_000));
      expect(await counters()).toEqual(await recount());
    }
    expect((await counters()).size).toBeGreaterThan(3);
  });
});
