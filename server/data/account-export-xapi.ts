import "server-only";
import type { Localized } from "@/lib/content/types";
import type { Actor } from "@/lib/permissions";
import { parseIntervals } from "@/lib/progress";
import { buildXapiStatements, type XapiModuleInfo, type XapiStatement } from "@/lib/xapi";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { platformUrl, requireAccount } from "./account-export";
import { recordAudit } from "./audit";

/** The learner's learning record as xAPI 1.0.3 statements (lib/xapi.ts), oldest first. */
export async function exportLearnerStatements(actor: Actor, now: Date): Promise<XapiStatement[]> {
  const user = await requireAccount(actor);
  const db = getDb();
  const [progress, attempts] = await db.$transaction([
    db.moduleProgress.findMany({
      where: { userId: user.id },
      select: { moduleId: true, chapterId: true, intervals: true, watchedS: true, lastReportAt: true, completedAt: true, createdAt: true },
    }),
    db.quizAttempt.findMany({ where: { userId: user.id }, select: { id: true, moduleId: true, score: true, total: true, isPassed: true, createdAt: true } }),
    recordAudit(db, { action: "account.exported", actorId: user.id, targetUserId: user.id, details: { format: "xapi" }, createdAt: now }),
  ]);
  const programme = getProgramme();
  const chapters = new Map<string, Localized>(programme.chapters.map((c) => [c.id, c.title]));
  const modules = new Map<string, XapiModuleInfo>([...programme.modulesById.values()].map((m) => [m.id, { title: m.title, durationS: m.durationS }]));
  return buildXapiStatements({
    publicUrl: platformUrl(),
    userId: user.id,
    locale: user.locale,
    progress: progress.map((row) => ({ ...row, intervals: parseIntervals(row.intervals) })),
    quizAttempts: attempts,
    modules,
    chapters,
  });
}
