/**
 * The admin statistics as tables: every figure a statistics page or its CSV shows is a cell of one of
 * these, built here from the counters alone, with small cells already suppressed. A page draws a
 * table (and its chart from the same cells); the CSV writes the same cells. Pure.
 *
 * Suppression: counts go through suppressList (a column and its published total) or, for counts
 * published alone, the plain threshold; a share, a mean or a median is shown only when every count
 * it is computed from is shown, so no hidden count can be recovered by multiplying it back.
 */
import { addDays, dayOf, weekStartOf, type Day } from "../calendar-day";
import { chapterSlots } from "../course-completion";
import type { Programme } from "../content/types";
import { SECTORS, SIZE_BANDS } from "../business-profile";
import type { Locale, MessageKey, Translate } from "../i18n";
import { histogramOf, METRIC, NO_PROFILE } from "./counters";
import { hasStarted } from "../live/sessions";
import { histogramMedian } from "./durations";
import { REGIONS } from "./regions";
import { sliceCount, SLICE_S } from "./retention";
import { MIN_CELL, suppressList, type Entry } from "./suppression";

export type StatCell =
  | { kind: "count"; entry: Entry }
  /** A share in [0, 1]; null when hidden. */
  | { kind: "share"; value: number | null }
  | { kind: "mean"; value: number | null }
  | { kind: "duration"; seconds: number | null }
  | { kind: "text"; value: string };

export type StatRow = { key: string; label: string; cells: StatCell[]; isTotal?: boolean };
export type StatTable = { id: StatTableId; title: string; caption: string; columns: string[]; rows: StatRow[] };

export const STAT_TABLE_IDS = [
  "overview",
  "weekly",
  "funnel-chapters",
  "funnel-modules",
  "retention",
  "paths",
  "neutral-path",
  "by-sector",
  "by-region",
  "by-size",
  "live-sessions",
] as const;
export type StatTableId = (typeof STAT_TABLE_IDS)[number];
export function isStatTableId(value: string): value is StatTableId {
  return (STAT_TABLE_IDS as readonly string[]).includes(value);
}

export type CounterRow = { metric: string; key: string; value: number };
export type StartedCompleted = { startedCount: number; completedCount: number };

/** A count published on its own (no total beside it). */
export function lone(value: number): Entry {
  return { value, isSuppressed: value < MIN_CELL };
}
const count = (entry: Entry): StatCell => ({ kind: "count", entry });
function share(part: Entry, whole: Entry): StatCell {
  const isShown = !part.isSuppressed && !whole.isSuppressed && whole.value > 0;
  return { kind: "share", value: isShown ? part.value / whole.value : null };
}

function sumOf(rows: readonly CounterRow[], metric: string, where: (key: string) => boolean = () => true): number {
  return rows.reduce((sum, r) => (r.metric === metric && where(r.key) ? sum + r.value : sum), 0);
}
function valueOf(rows: readonly CounterRow[], metric: string, key: string): number {
  return rows.find((r) => r.metric === metric && r.key === key)?.value ?? 0;
}

function median(rows: readonly CounterRow[], metric: string, id: string | null): StatCell {
  const m = histogramMedian(histogramOf(rows.filter((r) => r.metric === metric), id));
  return { kind: "duration", seconds: m && m.count >= MIN_CELL ? m.seconds : null };
}

// ---------------------------------------------------------------------------------------------

export type OverviewInput = { counters: CounterRow[]; programme: StartedCompleted; cohortCount: number; today: Day };
export const TREND_WEEKS = 12;

export function overviewTables(input: OverviewInput, t: Translate): { overview: StatTable; weekly: StatTable } {
  const { counters, today } = input;
  const active = (days: number) => sumOf(counters, METRIC.activeByDay, (day) => day > addDays(today, -days) && day <= today);
  const figures: [string, MessageKey, StatCell][] = [
    ["registered", "stats.overview.registered", count(lone(sumOf(counters, METRIC.learnersByWeek)))],
    ["active7", "stats.overview.active7", count(lone(active(7)))],
    ["active30", "stats.overview.active30", count(lone(active(30)))],
    ["started", "stats.overview.started", count(lone(input.programme.startedCount))],
    ["completed", "stats.overview.completed", count(lone(input.programme.completedCount))],
    ["attestations", "stats.overview.attestations", count(lone(sumOf(counters, METRIC.attestationsByWeek)))],
    ["cohortLearners", "stats.overview.cohortLearners", count(lone(valueOf(counters, METRIC.cohortLearners, "")))],
    // Groups are not people: their number is shown as it is.
    ["cohorts", "stats.overview.cohorts", count({ value: input.cohortCount, isSuppressed: false })],
  ];
  const overview: StatTable = {
    id: "overview",
    title: t("stats.overview.tableTitle"),
    caption: t("stats.overview.tableCaption"),
    columns: [t("stats.col.figure"), t("stats.col.count")],
    rows: figures.map(([key, label, cell]) => ({ key, label: t(label), cells: [cell] })),
  };

  const thisWeek = weekStartOf(today);
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(thisWeek, -7 * (TREND_WEEKS - 1 - i)));
  const series = [METRIC.learnersByWeek, METRIC.completionsByWeek, METRIC.attestationsByWeek].map((metric) => suppressList(weeks.map((week) => valueOf(counters, metric, week))));
  const weekly: StatTable = {
    id: "weekly",
    title: t("stats.weekly.title"),
    caption: t("stats.weekly.caption", { weeks: TREND_WEEKS }),
    columns: [t("stats.col.week"), t("stats.weekly.newLearners"), t("stats.weekly.completions"), t("stats.weekly.attestations")],
    rows: [
      ...weeks.map((week, i) => ({ key: week, label: week, cells: series.map((s) => count(s.items[i]!)) })),
      { key: "total", label: t("stats.col.total", { weeks: TREND_WEEKS }), cells: series.map((s) => count(s.total)), isTotal: true },
    ],
  };
  return { overview, weekly };
}

// ---------------------------------------------------------------------------------------------

export type FunnelInput = {
  counters: CounterRow[];
  modules: Map<string, StartedCompleted>;
  chapters: Map<string, StartedCompleted>;
};

export function funnelTables(input: FunnelInput, programme: Programme, locale: Locale, t: Translate): { chapters: StatTable; modules: StatTable } {
  const { counters } = input;
  const chapterRows = programme.chapters.map((chapter, i) => {
    const stat = input.chapters.get(chapter.id) ?? { startedCount: 0, completedCount: 0 };
    const started = lone(stat.startedCount);
    const completed = lone(stat.completedCount);
    return {
      key: chapter.id,
      label: `${i + 1}. ${chapter.title[locale]}`,
      cells: [count(started), count(completed), share(completed, started), median(counters, METRIC.timeToCompleteChapter, chapter.id)],
    };
  });
  const moduleRows = programme.chapters.flatMap((chapter, i) =>
    chapter.modules.map((module) => {
      const stat = input.modules.get(module.id) ?? { startedCount: 0, completedCount: 0 };
      const tried = lone(valueOf(counters, METRIC.quizLearners, module.id));
      const firstTry = lone(valueOf(counters, METRIC.quizFirstTry, module.id));
      const attempts = valueOf(counters, METRIC.quizAttempts, module.id);
      return {
        key: module.id,
        label: module.title[locale],
        cells: [
          { kind: "text", value: String(i + 1) } as StatCell,
          count(lone(stat.startedCount)),
          count(lone(valueOf(counters, METRIC.watchedEnough, module.id))),
          count(lone(valueOf(counters, METRIC.quizPassed, module.id))),
          count(lone(stat.completedCount)),
          share(firstTry, tried),
          { kind: "mean", value: tried.isSuppressed ? null : attempts / tried.value } as StatCell,
          median(counters, METRIC.timeToCompleteModule, module.id),
        ],
      };
    }),
  );
  return {
    chapters: {
      id: "funnel-chapters",
      title: t("stats.funnel.chaptersTitle"),
      caption: t("stats.funnel.chaptersCaption"),
      columns: [t("stats.col.chapter"), t("stats.funnel.started"), t("stats.funnel.completed"), t("stats.funnel.completionRate"), t("stats.funnel.medianTime")],
      rows: chapterRows,
    },
    modules: {
      id: "funnel-modules",
      title: t("stats.funnel.modulesTitle"),
      caption: t("stats.funnel.modulesCaption"),
      columns: [
        t("stats.col.module"),
        t("stats.col.chapterNumber"),
        t("stats.funnel.started"),
        t("stats.funnel.watchedEnough"),
        t("stats.funnel.quizPassed"),
        t("stats.funnel.completed"),
        t("stats.funnel.firstTry"),
        t("stats.funnel.attempts"),
        t("stats.funnel.medianTime"),
      ],
      rows: moduleRows,
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type RetentionInput = { modules: Map<string, StartedCompleted>; slices: { moduleId: string; slice: number; watchedCount: number }[] };

/** One row per 10-second slice of every module: learners who watched it, and their share of the module's learners. */
export function retentionTable(input: RetentionInput, programme: Programme, locale: Locale, t: Translate, onlyModuleId?: string): StatTable {
  const watched = new Map(input.slices.map((s) => [`${s.moduleId}\t${s.slice}`, s.watchedCount]));
  const modules = [...programme.modulesById.values()].filter((m) => !onlyModuleId || m.id === onlyModuleId);
  return {
    id: "retention",
    title: t("stats.retention.tableTitle"),
    caption: t("stats.retention.caption", { seconds: SLICE_S }),
    columns: [t("stats.col.module"), t("stats.retention.from"), t("stats.retention.learners"), t("stats.retention.viewers"), t("stats.retention.share")],
    rows: modules.flatMap((module) => {
      const learners = lone(input.modules.get(module.id)?.startedCount ?? 0);
      return Array.from({ length: sliceCount(module.durationS) }, (_, slice) => {
        const viewers = lone(watched.get(`${module.id}\t${slice}`) ?? 0);
        const fromS = slice * SLICE_S;
        return {
          key: `${module.id}:${slice}`,
          label: module.title[locale],
          cells: [{ kind: "text", value: `${Math.floor(fromS / 60)}:${String(fromS % 60).padStart(2, "0")}` } as StatCell, count(learners), count(viewers), share(viewers, learners)],
        };
      });
    }),
  };
}

// ---------------------------------------------------------------------------------------------

export type PathsInput = { counters: CounterRow[]; modules: Map<string, StartedCompleted> };

export function pathTables(input: PathsInput, programme: Programme, locale: Locale, t: Translate): { paths: StatTable; neutralPath: StatTable } {
  const pairs = programme.chapters.flatMap((chapter) => chapterSlots(chapter).filter((slot) => slot.length === 2));
  const completed = (id: string) => lone(input.modules.get(id)?.completedCount ?? 0);
  const registered = lone(sumOf(input.counters, METRIC.learnersByWeek));
  const neutral = lone(valueOf(input.counters, METRIC.neutralPath, ""));
  return {
    paths: {
      id: "paths",
      title: t("stats.paths.title"),
      caption: t("stats.paths.caption"),
      columns: [t("stats.col.step"), t("stats.paths.vendorModule"), t("stats.paths.vendorCompleted"), t("stats.paths.twinModule"), t("stats.paths.twinCompleted"), t("stats.paths.twinShare")],
      rows: pairs.map(([vendorId, twinId]) => {
        const vendor = programme.modulesById.get(vendorId!)!;
        const twin = programme.modulesById.get(twinId!)!;
        const v = completed(vendor.id);
        const n = completed(twin.id);
        const both = { value: v.value + n.value, isSuppressed: v.isSuppressed || n.isSuppressed };
        return {
          key: vendor.id,
          label: programme.chapters.find((c) => c.id === vendor.chapterId)!.title[locale],
          cells: [{ kind: "text", value: vendor.title[locale] }, count(v), { kind: "text", value: twin.title[locale] }, count(n), share(n, both)] as StatCell[],
        };
      }),
    },
    neutralPath: {
      id: "neutral-path",
      title: t("stats.paths.neutralTitle"),
      caption: t("stats.paths.neutralCaption"),
      columns: [t("stats.col.figure"), t("stats.col.count"), t("stats.paths.shareOfRegistered")],
      rows: [
        { key: "registered", label: t("stats.overview.registered"), cells: [count(registered), { kind: "share", value: registered.isSuppressed ? null : 1 }] },
        { key: "neutral", label: t("stats.paths.onNeutralPath"), cells: [count(neutral), share(neutral, registered)] },
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type BreakdownId = "by-sector" | "by-region" | "by-size";

/** Registrations and programme completions by one part of the business profile, with "profil non renseigné". */
export function breakdownTable(id: BreakdownId, counters: CounterRow[], t: Translate): StatTable {
  const dimension = {
    "by-sector": { registered: METRIC.learnersBySector, completed: METRIC.completersBySector, title: t("stats.breakdown.bySector"), column: t("stats.col.sector") },
    "by-region": { registered: METRIC.learnersByRegion, completed: METRIC.completersByRegion, title: t("stats.breakdown.byRegion"), column: t("stats.col.region") },
    "by-size": { registered: METRIC.learnersBySize, completed: METRIC.completersBySize, title: t("stats.breakdown.bySize"), column: t("stats.col.size") },
  }[id];
  const categories: { key: string; label: string }[] = [
    ...(id === "by-sector"
      ? SECTORS.map((s) => ({ key: s as string, label: t(`sector.${s}` as MessageKey) }))
      : id === "by-region"
        ? REGIONS.map((r) => ({ key: r.code as string, label: r.name as string }))
        : SIZE_BANDS.map((s) => ({ key: s as string, label: t(`sizeBand.${s}` as MessageKey) }))),
    { key: NO_PROFILE, label: t("stats.breakdown.noProfile") },
  ];
  const registered = suppressList(categories.map((c) => valueOf(counters, dimension.registered, c.key)));
  const completed = suppressList(categories.map((c) => valueOf(counters, dimension.completed, c.key)));
  return {
    id,
    title: dimension.title,
    caption: t("stats.breakdown.caption"),
    columns: [dimension.column, t("stats.breakdown.registered"), t("stats.breakdown.completed"), t("stats.breakdown.rate")],
    rows: [
      ...categories.map((c, i) => ({ key: c.key, label: c.label, cells: [count(registered.items[i]!), count(completed.items[i]!), share(completed.items[i]!, registered.items[i]!)] })),
      { key: "total", label: t("stats.col.allLearners"), cells: [count(registered.total), count(completed.total), share(completed.total, registered.total)], isTotal: true },
    ],
  };
}

// ---------------------------------------------------------------------------------------------

/** One live session as the statistics count it: its counts only, no learner. */
export type LiveSessionFact = {
  startsAt: Date;
  isCancelled: boolean;
  /** Registrations (the session's kept count). */
  registrationCount: number;
  /** Registrations marked present. */
  presentCount: number;
  /** Whether its trainers marked attendance (then its registrations count in the rate). */
  isAttendanceMarked: boolean;
};
export type LiveSessionsInput = { sessions: LiveSessionFact[]; now: Date };
export const LIVE_TREND_MONTHS = 12;

/** "2026-12": the month (in Paris) of a day. */
const monthOf = (day: Day) => day.slice(0, 7);

/** The `count` months ending with the month of `today` ("YYYY-MM"), oldest first. */
export function monthsEndingWith(today: Day, count: number): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/**
 * Live sessions held (not cancelled, started by `now`) per month of their start, over the last
 * LIVE_TREND_MONTHS months, with their total: sessions held, registrations, presences, and the
 * attendance rate — presences out of the registrations of the sessions whose attendance was marked.
 * Sessions are not people: their number is shown as it is (like groups). Registrations and
 * presences go through suppressList; so do the rate's denominators, as if published (a rate shows
 * its denominator to anyone who knows the presences), so a rate is shown only when both are.
 */
export function liveSessionsTable(input: LiveSessionsInput, t: Translate): StatTable {
  const months = monthsEndingWith(dayOf(input.now), LIVE_TREND_MONTHS);
  const indexOf = new Map(months.map((m, i) => [m, i]));
  const zero = () => months.map(() => 0);
  const held = zero();
  const registrations = zero();
  const presences = zero();
  const marked = zero();
  for (const session of input.sessions) {
    if (session.isCancelled || !hasStarted(session, input.now)) continue;
    const i = indexOf.get(monthOf(dayOf(session.startsAt)));
    if (i === undefined) continue;
    held[i]! += 1;
    registrations[i]! += session.registrationCount;
    presences[i]! += session.presentCount;
    if (session.isAttendanceMarked) marked[i]! += session.registrationCount;
  }
  const [registered, present, markedRegistrations] = [registrations, presences, marked].map((values) => suppressList(values));
  const sessionsCell = (value: number): StatCell => count({ value, isSuppressed: false });
  return {
    id: "live-sessions",
    title: t("stats.live.title"),
    caption: t("stats.live.caption", { months: LIVE_TREND_MONTHS }),
    columns: [t("stats.col.month"), t("stats.live.held"), t("stats.live.registrations"), t("stats.live.present"), t("stats.live.rate")],
    rows: [
      ...months.map((month, i) => ({
        key: month,
        label: month,
        cells: [sessionsCell(held[i]!), count(registered!.items[i]!), count(present!.items[i]!), share(present!.items[i]!, markedRegistrations!.items[i]!)],
      })),
      {
        key: "total",
        label: t("stats.live.total", { months: LIVE_TREND_MONTHS }),
        cells: [sessionsCell(held.reduce((a, b) => a + b, 0)), count(registered!.total), count(present!.total), share(present!.total, markedRegistrations!.total)],
        isTotal: true,
      },
    ],
  };
}
