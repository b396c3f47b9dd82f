import { describe, expect, it } from "vitest";
import { ageInMonths, checkedRange, freshnessReport, isStale, oldestDate } from "./freshness";
import type { Comparison, Fact, Programme } from "./types";

const today = new Date("2026-12-07T10:00:00Z");

function fact(extra: Partial<Fact> = {}): Fact {
  return { value: "v", isNotDisclosed: false, source: "https://exemple.fr", sourceKind: "provider", checkedAt: "2026-11-24", sourceDate: null, isIllustrative: false, ...extra };
}

describe("a cell's age", () => {
  it.each([
    ["read last month, no source date", fact(), "2026-11-24", 0, false],
    ["read 17 months ago", fact({ checkedAt: "2025-06-08" }), "2025-06-08", 17, false],
    ["read exactly 18 months ago", fact({ checkedAt: "2025-06-07" }), "2025-06-07", 18, true],
    ["read today, but the source dates its figure 2019-03-30", fact({ checkedAt: "2026-12-07", sourceDate: "2019-03-30" }), "2019-03-30", 92, true],
    ["a source dated only by its year counts from 31 December", fact({ sourceDate: "2025" }), "2025", 11, false],
    ["a source dated by its month counts from its last day", fact({ sourceDate: "2025-06" }), "2025-06", 17, false],
    ["« non communiqué » ages with the day it was looked for", fact({ isNotDisclosed: true, value: null, checkedAt: "2024-01-10" }), "2024-01-10", 34, true],
    ["an illustrative value has no age", fact({ isIllustrative: true, source: null, checkedAt: null }), null, null, false],
  ] as const)("%s", (_label, cell, oldest, months, stale) => {
    expect(oldestDate(cell)).toBe(oldest);
    expect(ageInMonths(cell, today)).toBe(months);
    expect(isStale(cell, today)).toBe(stale);
  });
});

const comparison = (id: string, options: Comparison["options"]): Comparison => ({
  id,
  title: { fr: `Titre ${id}`, en: `Title ${id}` },
  criteria: ["fees", "lockIn"],
  options,
  sourceFile: `content/alternatives/${id}.yaml`,
});

const places = comparison("places", [
  { id: "amazon", name: "Amazon", isVendor: true, url: null, facts: { fees: fact({ isNotDisclosed: true, value: null }), lockIn: fact({ checkedAt: "2026-10-01" }) } },
  { id: "etsy", name: "Etsy", isVendor: false, url: null, facts: { fees: fact({ sourceDate: "2019-03-30" }), lockIn: fact(), subscription: fact({ checkedAt: "2010-01-01" }) } },
]);
const transport = comparison("transport", [
  { id: "colis", name: "Colis", isVendor: false, url: null, facts: { fees: fact({ checkedAt: "2024-12-01" }), lockIn: fact({ isIllustrative: true, source: null, checkedAt: null }) } },
]);

const programme: Programme = {
  chapters: [
    {
      id: "ch",
      order: 1,
      title: { fr: "c", en: "c" },
      summary: { fr: "s", en: "s" },
      durationS: 1,
      modules: [
        { id: "vendeur", title: { fr: "Vendeur", en: "Vendor" }, comparisonId: "places" },
        { id: "jumeau", title: { fr: "Jumeau", en: "Twin" }, comparisonId: "places" },
        { id: "autre", title: { fr: "Autre", en: "Other" }, comparisonId: null },
      ] as unknown as Programme["chapters"][number]["modules"],
    },
  ],
  modulesById: new Map(),
  comparisonsById: new Map([
    ["places", places],
    ["transport", transport],
  ]),
};

describe("freshnessReport", () => {
  const report = freshnessReport(programme, today);

  it("lists every cell the comparison shows, stale first and oldest first, then in the content's order", () => {
    expect(report.rows.map((r) => [r.comparisonId, r.optionId, r.criterion, r.isStale, r.ageMonths])).toEqual([
      ["places", "etsy", "fees", true, 92],
      ["transport", "colis", "fees", true, 24],
      ["places", "amazon", "lockIn", false, 2],
      ["places", "amazon", "fees", false, 0],
      ["places", "etsy", "lockIn", false, 0],
      ["transport", "colis", "lockIn", false, null],
    ]);
  });

  it("names the kind of each cell and the modules that show it", () => {
    const amazonFees = report.rows.find((r) => r.optionId === "amazon" && r.criterion === "fees")!;
    expect(amazonFees).toMatchObject({ kind: "notDisclosed", value: null, isVendorOption: true, source: "https://exemple.fr" });
    expect(amazonFees.modules.map((m) => m.id)).toEqual(["vendeur", "jumeau"]);
    expect(report.rows.find((r) => r.optionId === "colis" && r.criterion === "lockIn")).toMatchObject({ kind: "illustrative", modules: [] });
  });

  it("counts by comparison and in all", () => {
    expect(report.comparisons).toEqual([
      { comparisonId: "places", comparisonTitle: places.title, optionCount: 2, factCount: 3, notDisclosedCount: 1, staleCount: 1, checked: { earliest: "2026-10-01", latest: "2026-11-24" } },
      { comparisonId: "transport", comparisonTitle: transport.title, optionCount: 1, factCount: 1, notDisclosedCount: 0, staleCount: 1, checked: { earliest: "2024-12-01", latest: "2024-12-01" } },
    ]);
    expect(report.totals).toEqual({ facts: 4, notDisclosed: 1, stale: 2, options: 3 });
  });

  it("checkedRange ignores criteria the comparison does not show", () => {
    expect(checkedRange(places)).toEqual({ earliest: "2026-10-01", latest: "2026-11-24" });
  });
});
