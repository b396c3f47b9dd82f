import "server-only";
import { dayOf } from "@/lib/calendar-day";
import { AppError } from "@/lib/errors";
import type { Locale, Translate } from "@/lib/i18n";
import { can, type Actor } from "@/lib/permissions";
import { METRIC } from "@/lib/stats/counters";
import {
  breakdownTable,
  funnelTables,
  LIVE_TREND_MONTHS,
  liveSessionsTable,
  overviewTables,
  pathTables,
  retentionTable,
  type StartedCompleted,
  type StatTable,
  type StatTableId,
} from "@/lib/stats/tables";
import { getProgramme } from "../content";
import { getDb } from "../db";
import { readCounters } from "./stat-counters";

/**
 * The admin statistics pages' figures: a fixed handful of reads of the counter tables (never of
 * progress rows, never of a learner), so each page costs the same few queries for ten learners or a
 * hundred thousand, and its figures are as fresh as the last committed progress write. Live sessions
 * are read from the sessions themselves (one query, counts only: see getLiveSessionStats).
 */

function requireStats(actor: Actor) {
  if (!can(actor, "stats:view")) throw new AppError("FORBIDDEN");
}

async function startedCompleted(): Promise<{ modules: Map<string, StartedCompleted>; chapters: Map<string, StartedCompleted> }> {
  const db = getDb();
  const [modules, chapters] = await Promise.all([
    db.moduleStat.findMany({ select: { moduleId: true, startedCount: true, completedCount: true } }),
    db.chapterStat.findMany({ select: { chapterId: true, startedCount: true, completedCount: true } }),
  ]);
  return { modules: new Map(modules.map((m) => [m.moduleId, m])), chapters: new Map(chapters.map((c) => [c.chapterId, c])) };
}

/** 3 queries. */
export async function getOverviewStats(actor: Actor, t: Translate, now: Date) {
  requireStats(actor);
  const db = getDb();
  const [counters, programme, cohortCount] = await Promise.all([
    readCounters([METRIC.learnersByWeek, METRIC.activeByDay, METRIC.completionsByWeek, METRIC.attestationsByWeek, METRIC.cohortLearners]),
    db.programmeStat.findUnique({ where: { id: "programme" }, select: { startedCount: true, completedCount: true } }),
    db.cohort.count(),
  ]);
  return overviewTables({ counters, programme: programme ?? { startedCount: 0, completedCount: 0 }, cohortCount, today: dayOf(now) }, t);
}

const FUNNEL_METRICS = [
  METRIC.watchedEnough,
  METRIC.quizLearners,
  METRIC.quizFirstTry,
  METRIC.quizPassed,
  METRIC.quizAttempts,
  METRIC.timeToCompleteModule,
  METRIC.timeToCompleteChapter,
] as const;

/** 3 queries. */
export async function getFunnelStats(actor: Actor, locale: Locale, t: Translate) {
  requireStats(actor);
  const [counters, { modules, chapters }] = await Promise.all([readCounters(FUNNEL_METRICS), startedCompleted()]);
  return funnelTables({ counters, modules, chapters }, getProgramme(), locale, t);
}

/** 3 queries (2 for one module). Without a module: every module's slices (the CSV). */
export async function getRetentionStats(actor: Actor, locale: Locale, t: Translate, moduleId?: string) {
  requireStats(actor);
  const db = getDb();
  const [{ modules }, slices] = await Promise.all([
    startedCompleted(),
    db.moduleSliceStat.findMany({ where: moduleId ? { moduleId } : {}, select: { moduleId: true, slice: true, watchedCount: true } }),
  ]);
  return retentionTable({ modules, slices }, getProgramme(), locale, t, moduleId);
}

/** 3 queries. */
export async function getPathStats(actor: Actor, locale: Locale, t: Translate) {
  requireStats(actor);
  const [counters, { modules }] = await Promise.all([readCounters([METRIC.learnersByWeek, METRIC.neutralPath]), startedCompleted()]);
  return pathTables({ counters, modules }, getProgramme(), locale, t);
}

const BREAKDOWN_METRICS = [
  METRIC.learnersBySector,
  METRIC.learnersByRegion,
  METRIC.learnersBySize,
  METRIC.completersBySector,
  METRIC.completersByRegion,
  METRIC.completersBySize,
] as const;

/** 1 query. */
export async function getBreakdownStats(actor: Actor, t: Translate) {
  requireStats(actor);
  const counters = await readCounters(BREAKDOWN_METRICS);
  return { bySector: breakdownTable("by-sector", counters, t), byRegion: breakdownTable("by-region", counters, t), bySize: breakdownTable("by-size", counters, t) };
}

/**
 * 1 query. Live sessions are few (a group holds a handful a month), and their registrations are
 * counted by the database: each held session of the last months with its kept registration count
 * and its number of presences, never a learner. The months and the suppression are lib/stats/tables.ts.
 */
export async function getLiveSessionStats(actor: Actor, t: Translate, now: Date) {
  requireStats(actor);
  // A little more than the table's months: the table keeps those of the last LIVE_TREND_MONTHS, in Paris.
  const from = new Date(now.getTime() - (LIVE_TREND_MONTHS + 1) * 31 * 86_400_000);
  const rows = await getDb().liveSession.findMany({
    where: { cancelledAt: null, startsAt: { gte: from, lte: now } },
    select: { startsAt: true, registeredCount: true, attendanceMarkedAt: true, _count: { select: { registrations: { where: { attended: true } } } } },
  });
  const sessions = rows.map((r) => ({
    startsAt: r.startsAt,
    isCancelled: false,
    registrationCount: r.registeredCount,
    presentCount: r._count.registrations,
    isAttendanceMarked: r.attendanceMarkedAt !== null,
  }));
  return liveSessionsTable({ sessions, now }, t);
}

/** One table by its id (the CSV route). */
export async function getStatTable(actor: Actor, id: StatTableId, locale: Locale, t: Translate, now: Date): Promise<StatTable> {
  switch (id) {
    case "overview":
    case "weekly":
      return (await getOverviewStats(actor, t, now))[id];
    case "funnel-chapters":
      return (await getFunnelStats(actor, locale, t)).chapters;
    case "funnel-modules":
      return (await getFunnelStats(actor, locale, t)).modules;
    case "retention":
      return getRetentionStats(actor, locale, t);
    case "paths":
      return (await getPathStats(actor, locale, t)).paths;
    case "neutral-path":
      return (await getPathStats(actor, locale, t)).neutralPath;
    case "by-sector":
      return (await getBreakdownStats(actor, t)).bySector;
    case "by-region":
      return (await getBreakdownStats(actor, t)).byRegion;
    case "by-size":
      return (await getBreakdownStats(actor, t)).bySize;
    case "live-sessions":
      return getLiveSessionStats(actor, t, now);
  }
}
