/**
 * How old is what the comparisons say? One rule for the module pages, the admins' « Fraîcheur des
 * contenus » page and its CSV, and `npm run content:check`: a cell is stale when the day its source
 * was read (`checkedAt`) or the date the source gives its figure (`sourceDate`) is 18 months old or more.
 */
import { dayOfPartialDate, monthsBetween, STALE_AFTER_MONTHS } from "./assemble";
import { CRITERIA, type Comparison, type Criterion, type Fact, type Localized, type Programme } from "./types";

export type CellKind = "fact" | "notDisclosed" | "illustrative";

export function cellKind(fact: Fact): CellKind {
  if (fact.isIllustrative) return "illustrative";
  return fact.isNotDisclosed ? "notDisclosed" : "fact";
}

/** The older of the cell's dates (a partial date such as "2019" counts from its last day), or null. */
export function oldestDate(fact: Fact): string | null {
  const dates = [fact.checkedAt, fact.sourceDate].filter((d): d is string => Boolean(d));
  if (dates.length === 0) return null;
  return dates.reduce((a, b) => (dayOfPartialDate(a) <= dayOfPartialDate(b) ? a : b));
}

/** Whole months since the cell's older date; null for a cell without any date (an illustrative value). */
export function ageInMonths(fact: Fact, today: Date): number | null {
  const date = oldestDate(fact);
  return date === null ? null : Math.max(0, monthsBetween(date, today));
}

export function isStale(fact: Fact, today: Date): boolean {
  const age = ageInMonths(fact, today);
  return age !== null && age >= STALE_AFTER_MONTHS;
}

/** When a comparison was checked: its cells' latest and earliest `checkedAt` (null without any). */
export function checkedRange(comparison: Comparison): { latest: string; earliest: string } | null {
  const days = comparison.options
    .flatMap((o) => comparison.criteria.map((c) => o.facts[c]?.checkedAt))
    .filter((d): d is string => Boolean(d))
    .sort();
  return days.length ? { earliest: days[0]!, latest: days[days.length - 1]! } : null;
}

export type FreshnessRow = {
  comparisonId: string;
  comparisonTitle: Localized;
  optionId: string;
  optionName: string;
  isVendorOption: boolean;
  criterion: Criterion;
  kind: CellKind;
  value: string | null;
  source: string | null;
  checkedAt: string | null;
  sourceDate: string | null;
  ageMonths: number | null;
  isStale: boolean;
  /** The modules that show this comparison, in programme order. */
  modules: { id: string; title: Localized }[];
};

export type ComparisonFreshness = {
  comparisonId: string;
  comparisonTitle: Localized;
  optionCount: number;
  factCount: number;
  notDisclosedCount: number;
  staleCount: number;
  checked: { latest: string; earliest: string } | null;
};

export type FreshnessReport = { rows: FreshnessRow[]; comparisons: ComparisonFreshness[]; totals: { facts: number; notDisclosed: number; stale: number; options: number } };

/**
 * Every cell of every comparison, stale first, then oldest first; then comparison, option and
 * criterion in the content's order. Counts by comparison follow the content's order.
 */
export function freshnessReport(programme: Programme, today: Date): FreshnessReport {
  const modulesOf = new Map<string, { id: string; title: Localized }[]>();
  for (const chapter of programme.chapters) {
    for (const module of chapter.modules) {
      if (!module.comparisonId) continue;
      modulesOf.set(module.comparisonId, [...(modulesOf.get(module.comparisonId) ?? []), { id: module.id, title: module.title }]);
    }
  }
  const rows: (FreshnessRow & { position: number })[] = [];
  const comparisons: ComparisonFreshness[] = [];
  for (const comparison of programme.comparisonsById.values()) {
    const before = rows.length;
    for (const option of comparison.options) {
      for (const criterion of CRITERIA) {
        if (!comparison.criteria.includes(criterion)) continue;
        const fact = option.facts[criterion];
        if (!fact) continue;
        rows.push({
          position: rows.length,
          comparisonId: comparison.id,
          comparisonTitle: comparison.title,
          optionId: option.id,
          optionName: option.name,
          isVendorOption: option.isVendor,
          criterion,
          kind: cellKind(fact),
          value: fact.value,
          source: fact.source,
          checkedAt: fact.checkedAt,
          sourceDate: fact.sourceDate,
          ageMonths: ageInMonths(fact, today),
          isStale: isStale(fact, today),
          modules: modulesOf.get(comparison.id) ?? [],
        });
      }
    }
    const own = rows.slice(before);
    comparisons.push({
      comparisonId: comparison.id,
      comparisonTitle: comparison.title,
      optionCount: comparison.options.length,
      factCount: own.filter((r) => r.kind === "fact").length,
      notDisclosedCount: own.filter((r) => r.kind === "notDisclosed").length,
      staleCount: own.filter((r) => r.isStale).length,
      checked: checkedRange(comparison),
    });
  }
  rows.sort((a, b) => Number(b.isStale) - Number(a.isStale) || (b.ageMonths ?? -1) - (a.ageMonths ?? -1) || a.position - b.position);
  return {
    rows: rows.map(({ position: _position, ...row }) => row),
    comparisons,
    totals: {
      facts: comparisons.reduce((n, c) => n + c.factCount, 0),
      notDisclosed: comparisons.reduce((n, c) => n + c.notDisclosedCount, 0),
      stale: comparisons.reduce((n, c) => n + c.staleCount, 0),
      options: comparisons.reduce((n, c) => n + c.optionCount, 0),
    },
  };
}
