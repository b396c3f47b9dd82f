import "server-only";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { getDb } from "../db";

/**
 * The completion counters kept at write time by server/data/progress.ts: three small tables, read
 * whole (a few dozen rows), never a scan of progress rows. Small-cell suppression for display
 * belongs to the dashboards.
 */
export async function getCompletionCounters(actor: Actor) {
  if (!can(actor, "stats:view")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const [modules, chapters, programme] = await Promise.all([
    db.moduleStat.findMany({ select: { moduleId: true, chapterId: true, startedCount: true, completedCount: true } }),
    db.chapterStat.findMany({ select: { chapterId: true, startedCount: true, completedCount: true } }),
    db.programmeStat.findUnique({ where: { id: "programme" }, select: { startedCount: true, completedCount: true } }),
  ]);
  return {
    modules: new Map(modules.map((m) => [m.moduleId, m])),
    chapters: new Map(chapters.map((c) => [c.chapterId, c])),
    programme: programme ?? { startedCount: 0, completedCount: 0 },
  };
}
