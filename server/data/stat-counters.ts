import "server-only";
import { counterId, emptyTally, mergeDeltas, tallyLearner, type Delta, type LearnerRecord, type Metric, type Tally } from "@/lib/stats/counters";
import { parseIntervals } from "@/lib/progress";
import type { StatChanges } from "@/lib/progress-report-plan";
import { getProgramme } from "../content";
import { getDb, type Db, type Tx } from "../db";

/** A transaction client or the client itself: the counters are changed inside the caller's transaction. */
type Client = Pick<Tx, "statCounter">;

/**
 * Applies counter changes inside the caller's transaction (in a stable order, so that two
 * transactions touching the same rows take them in the same order).
 */
export async function applyDeltas(client: Client, deltas: readonly Delta[]): Promise<void> {
  const merged = mergeDeltas(deltas).sort((a, b) => (a.metric + a.key < b.metric + b.key ? -1 : 1));
  for (const d of merged) {
    await client.statCounter.upsert({
      where: { metric_key: { metric: d.metric, key: d.key } },
      create: { metric: d.metric, key: d.key, value: d.delta },
      update: { value: { increment: d.delta } },
    });
  }
}

/** The module's, its chapter's and the programme's counters of a progress write (planned by lib/progress-report-plan.ts). */
export async function applyStatChanges(client: Pick<Tx, "moduleStat" | "chapterStat" | "programmeStat">, module: { id: string; chapterId: string }, stats: StatChanges): Promise<void> {
  const { started, completed } = stats.module;
  await client.moduleStat.upsert({
    where: { moduleId: module.id },
    create: { moduleId: module.id, chapterId: module.chapterId, startedCount: started, completedCount: completed },
    update: { startedCount: { increment: started }, completedCount: { increment: completed } },
  });
  if (stats.chapter.started || stats.chapter.completed) {
    const { started, completed } = stats.chapter;
    await client.chapterStat.upsert({
      where: { chapterId: module.chapterId },
      create: { chapterId: module.chapterId, startedCount: started, completedCount: completed },
      update: { startedCount: { increment: started }, completedCount: { increment: completed } },
    });
  }
  if (stats.programme.started || stats.programme.completed) {
    const { started, completed } = stats.programme;
    await client.programmeStat.upsert({
      where: { id: "programme" },
      create: { id: "programme", startedCount: started, completedCount: completed },
      update: { startedCount: { increment: started }, completedCount: { increment: completed } },
    });
  }
}

/** The counters of some metrics (one query). */
export async function readCounters(metrics: readonly Metric[]): Promise<{ metric: string; key: string; value: number }[]> {
  return getDb().statCounter.findMany({ where: { metric: { in: [...metrics] } }, select: { metric: true, key: true, value: true } });
}

const PAGE = 500;

/**
 * What every counter table must hold, recounted from the rows, learner by learner (pages of 500).
 * The reference of the integration tests, and what `rebuildStatCounters` writes.
 */
export async function recountStatCounters(db: Db = getDb()): Promise<Tally> {
  const programme = getProgramme();
  const tally = emptyTally();
  for (let cursor: string | undefined; ; ) {
    const users = await db.user.findMany({
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
      select: { id: true, role: true, createdAt: true, sector: true, department: true, sizeBand: true, prefersNeutralPath: true, lastActiveOn: true },
    });
    if (users.length === 0) break;
    cursor = users.at(-1)!.id;
    const ids = users.map((u) => u.id);
    const [progress, attempts, attestations, memberships] = await Promise.all([
      db.moduleProgress.findMany({ where: { userId: { in: ids } }, select: { userId: true, moduleId: true, chapterId: true, watchedS: true, intervals: true, createdAt: true, completedAt: true, quizPassedAt: true } }),
      db.quizAttempt.findMany({ where: { userId: { in: ids } }, select: { userId: true, moduleId: true, isPassed: true, createdAt: true } }),
      db.attestation.findMany({ where: { userId: { in: ids } }, select: { userId: true, issuedAt: true } }),
      db.cohortMember.findMany({ where: { userId: { in: ids }, role: "learner" }, select: { userId: true } }),
    ]);
    const group = <T extends { userId: string }>(rows: T[]) => {
      const byUser = new Map<string, T[]>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
      return byUser;
    };
    const progressByUser = group(progress);
    const attemptsByUser = group(attempts);
    const issuedAt = new Map(attestations.map((a) => [a.userId, a.issuedAt]));
    const inCohort = new Set(memberships.map((m) => m.userId));
    for (const user of users) {
      const record: LearnerRecord = {
        user,
        progress: (progressByUser.get(user.id) ?? []).map((p) => ({ ...p, intervals: parseIntervals(p.intervals) })),
        quizAttempts: attemptsByUser.get(user.id) ?? [],
        attestationIssuedAt: issuedAt.get(user.id) ?? null,
        isCohortLearner: inCohort.has(user.id),
      };
      tallyLearner(tally, record, programme);
    }
  }
  return tally;
}

/** The counter tables as they are (zero rows left out), in the recount's shape, to compare the two. */
export async function readStatTables(db: Db = getDb()): Promise<Tally> {
  const [counters, modules, chapters, programme, slices] = await Promise.all([
    db.statCounter.findMany(),
    db.moduleStat.findMany(),
    db.chapterStat.findMany(),
    db.programmeStat.findUnique({ where: { id: "programme" } }),
    db.moduleSliceStat.findMany(),
  ]);
  const nonZero = <T extends { startedCount: number; completedCount: number }>(s: T) => s.startedCount !== 0 || s.completedCount !== 0;
  return {
    counters: new Map(counters.filter((c) => c.value !== 0).map((c) => [counterId(c.metric, c.key), c.value])),
    modules: new Map(modules.filter(nonZero).map((m) => [m.moduleId, { chapterId: m.chapterId, startedCount: m.startedCount, completedCount: m.completedCount }])),
    chapters: new Map(chapters.filter(nonZero).map((c) => [c.chapterId, { startedCount: c.startedCount, completedCount: c.completedCount }])),
    programme: { startedCount: programme?.startedCount ?? 0, completedCount: programme?.completedCount ?? 0 },
    slices: new Map(slices.filter((s) => s.watchedCount !== 0).map((s) => [`${s.moduleId}\t${s.slice}`, s.watchedCount])),
  };
}

/**
 * Replaces every counter by the recount, in one transaction: after a bulk import (the demo
 * population, the benchmark's generator), or by an operator who doubts them (`npm run stats:rebuild`).
 */
export async function rebuildStatCounters(db: Db = getDb()): Promise<Tally> {
  const tally = await recountStatCounters(db);
  await writeStatTables(tally, db);
  return tally;
}

/** Replaces every counter table by a tally (one transaction). A generator that tallied its learners as it wrote them calls this directly. */
export async function writeStatTables(tally: Tally, db: Db = getDb()): Promise<void> {
  const chunk = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / 200) }, (_, i) => rows.slice(i * 200, i * 200 + 200));
  await db.$transaction(
    async (tx) => {
      await tx.statCounter.deleteMany();
      await tx.moduleStat.deleteMany();
      await tx.chapterStat.deleteMany();
      await tx.programmeStat.deleteMany();
      await tx.moduleSliceStat.deleteMany();
      for (const rows of chunk([...tally.counters].map(([id, value]) => ({ metric: id.split("\t")[0]!, key: id.split("\t")[1]!, value })))) await tx.statCounter.createMany({ data: rows });
      for (const rows of chunk([...tally.modules].map(([moduleId, s]) => ({ moduleId, ...s })))) await tx.moduleStat.createMany({ data: rows });
      for (const rows of chunk([...tally.chapters].map(([chapterId, s]) => ({ chapterId, ...s })))) await tx.chapterStat.createMany({ data: rows });
      await tx.programmeStat.create({ data: { id: "programme", ...tally.programme } });
      for (const rows of chunk([...tally.slices].map(([id, watchedCount]) => ({ moduleId: id.split("\t")[0]!, slice: Number(id.split("\t")[1]), watchedCount })))) await tx.moduleSliceStat.createMany({ data: rows });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/**
 * Takes one learner's whole contribution out of every counter (their account is being erased):
 * the negative of their recount, inside the erasure's transaction, so the counters stay equal to a
 * recount of what remains. A learner counts at most once in a module, chapter or slice, so each is
 * one decrement of 1 (one statement per table, or per module for the slices).
 */
export async function subtractLearnerTally(tx: Tx, tally: Tally): Promise<void> {
  await applyDeltas(
    tx,
    [...tally.counters].map(([id, value]) => {
      const [metric, key] = id.split("\t") as [Metric, string];
      return { metric, key, delta: -value };
    }),
  );
  const modules = [...tally.modules];
  const started = modules.filter(([, s]) => s.startedCount > 0).map(([id]) => id);
  const completed = modules.filter(([, s]) => s.completedCount > 0).map(([id]) => id);
  if (started.length > 0) await tx.moduleStat.updateMany({ where: { moduleId: { in: started } }, data: { startedCount: { decrement: 1 } } });
  if (completed.length > 0) await tx.moduleStat.updateMany({ where: { moduleId: { in: completed } }, data: { completedCount: { decrement: 1 } } });
  const chapters = [...tally.chapters];
  const chaptersStarted = chapters.filter(([, s]) => s.startedCount > 0).map(([id]) => id);
  const chaptersCompleted = chapters.filter(([, s]) => s.completedCount > 0).map(([id]) => id);
  if (chaptersStarted.length > 0) await tx.chapterStat.updateMany({ where: { chapterId: { in: chaptersStarted } }, data: { startedCount: { decrement: 1 } } });
  if (chaptersCompleted.length > 0) await tx.chapterStat.updateMany({ where: { chapterId: { in: chaptersCompleted } }, data: { completedCount: { decrement: 1 } } });
  if (tally.programme.startedCount > 0 || tally.programme.completedCount > 0) {
    await tx.programmeStat.update({
      where: { id: "programme" },
      data: { startedCount: { decrement: tally.programme.startedCount }, completedCount: { decrement: tally.programme.completedCount } },
    });
  }
  const slicesByModule = new Map<string, number[]>();
  for (const id of tally.slices.keys()) {
    const [moduleId, slice] = id.split("\t") as [string, string];
    slicesByModule.set(moduleId, [...(slicesByModule.get(moduleId) ?? []), Number(slice)]);
  }
  for (const [moduleId, slices] of slicesByModule) {
    await tx.moduleSliceStat.updateMany({ where: { moduleId, slice: { in: slices } }, data: { watchedCount: { decrement: 1 } } });
  }
}
