import { describe, expect, it } from "vitest";
import { assembleProgramme, monthsBetween, type ContentFiles } from "./assemble";
import type { ModuleFile } from "./schema";
import { modulesOnPath } from "./path";

const today = new Date("2026-11-24T12:00:00Z");
const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(" ");

function moduleFile(id: string, order: number, extra: Partial<ModuleFile> = {}): { file: string; data: ModuleFile; cues: { startS: number; endS: number; text: string }[] } {
  return {
    file: `content/chapters/x/${String(order).padStart(2, "0")}-${id}.yaml`,
    data: {
      id,
      order,
      kind: "tutoriel",
      durationS: 200,
      title: { fr: id, en: id },
      summary: { fr: "s", en: "s" },
      objectives: ["a", "b"],
      keyPoints: ["a", "b", "c"],
      quiz: [],
      ...extra,
    },
    // 500 words in 200 s = 150 words/min
    cues: [{ startS: 1, endS: 199, text: words(500) }],
  };
}

function programme(overrides: (files: ContentFiles) => void = () => {}): ContentFiles {
  const files: ContentFiles = {
    comparisons: [
      {
        file: "content/alternatives/places.yaml",
        data: {
          id: "places",
          title: { fr: "p", en: "p" },
          criteria: ["fees"],
          options: [
            { id: "amazon", name: "Amazon", vendor: true, facts: { fees: { notDisclosed: true, source: "https://exemple.fr/tarifs", checkedAt: "2026-11-24" } } },
            { id: "autre", name: "Autre", vendor: false, facts: { fees: { value: "10 %", source: "https://exemple.fr", sourceKind: "provider", checkedAt: "2026-11-24" } } },
          ],
        },
      },
    ],
    chapters: Array.from({ length: 7 }, (_, c) => ({
      file: `content/chapters/0${c + 1}/chapter.yaml`,
      data: { id: `ch${c + 1}`, order: c + 1, title: { fr: "t", en: "t" }, summary: { fr: "s", en: "s" } },
      modules: Array.from({ length: 5 }, (_, m) => moduleFile(`ch${c + 1}-m${m + 1}`, m + 1)),
    })),
  };
  const first = files.chapters[0]!;
  first.modules[1] = moduleFile("ch1-vendor", 2, { vendor: "amazon", neutralTwin: "ch1-twin", comparison: "places" });
  first.modules[2] = moduleFile("ch1-twin", 3);
  overrides(files);
  return files;
}

describe("assembleProgramme", () => {
  it("builds the programme and links twins both ways", () => {
    const { programme: p, issues } = assembleProgramme(programme(), today);
    expect(issues).toEqual([]);
    expect(p.chapters).toHaveLength(7);
    const twin = p.modulesById.get("ch1-twin")!;
    expect(twin.replacesId).toBe("ch1-vendor");
    expect(twin.comparisonId).toBe("places");
    expect(p.chapters[0]!.durationS).toBe(1000);
  });

  const broken: [string, (f: ContentFiles) => void, string, RegExp][] = [
    ["a duplicate module id", (f) => (f.chapters[1]!.modules[0]!.data.id = "ch1-m1"), "id", /duplicate module id "ch1-m1"/],
    ["a missing twin", (f) => (f.chapters[0]!.modules[1]!.data.neutralTwin = "nowhere"), "neutralTwin", /no module with id "nowhere"/],
    ["a twin that is a vendor module", (f) => (f.chapters[0]!.modules[2]!.data.vendor = "amazon"), "neutralTwin", /itself a vendor module/],
    ["an unknown comparison", (f) => (f.chapters[0]!.modules[1]!.data.comparison = "rien"), "comparison", /no comparison "rien"/],
    ["too fast speech", (f) => (f.chapters[0]!.modules[0]!.cues = [{ startS: 1, endS: 199, text: words(600) }]), "durationS", /180 words\/min/],
    ["too slow speech", (f) => (f.chapters[0]!.modules[0]!.cues = [{ startS: 1, endS: 199, text: words(300) }]), "durationS", /90 words\/min/],
    ["a transcript longer than the video", (f) => (f.chapters[0]!.modules[0]!.cues = [{ startS: 1, endS: 230, text: words(500) }]), "durationS", /ends at 230.0 s/],
    ["a chapter with 4 modules", (f) => f.chapters[3]!.modules.pop(), "modules", /at least 5 modules/],
    ["six chapters", (f) => f.chapters.pop(), "order", /chapters ordered 1 to 7/],
  ];
  it.each(broken)("reports %s with the file and field", (_name, breakIt, field, message) => {
    const { issues } = assembleProgramme(programme(breakIt), today);
    const issue = issues.find((i) => i.severity === "error");
    expect(issue?.field).toBe(field);
    expect(issue?.message).toMatch(message);
    expect(issue?.file).toMatch(/^content\//);
  });

  it("reports facts older than 18 months as stale warnings", () => {
    const { issues } = assembleProgramme(
      programme((f) => {
        const fact = f.comparisons[0]!.data.options[1]!.facts.fees!;
        fact.checkedAt = "2025-05-23";
      }),
      today,
    );
    expect(issues).toEqual([expect.objectContaining({ severity: "warning", field: "options.1.facts.fees.checkedAt", message: expect.stringMatching(/^stale/) })]);
  });

  it.each([
    ["an empty cell", (f: ContentFiles): void => void delete f.comparisons[0]!.data.options[0]!.facts.fees, "options.0.facts.fees", /^empty cell/],
    ["a checkedAt in the future", (f: ContentFiles): void => void (f.comparisons[0]!.data.options[1]!.facts.fees!.checkedAt = "2026-11-25"), "options.1.facts.fees.checkedAt", /in the future/],
  ] as const)("reports %s as an error with the file and field", (_label, change, field, message) => {
    const { issues } = assembleProgramme(programme(change), today);
    expect(issues).toEqual([expect.objectContaining({ severity: "error", file: "content/alternatives/places.yaml", field, message: expect.stringMatching(message) })]);
  });

  it("accepts a checkedAt of today, Paris time, and a criterion the comparison does not list", () => {
    const { issues } = assembleProgramme(
      programme((f) => {
        f.comparisons[0]!.data.options[1]!.facts.fees!.checkedAt = "2026-11-25";
      }),
      new Date("2026-11-24T23:30:00Z"),
    );
    expect(issues).toEqual([]);
  });

  it.each([
    ["2025-05-24", 18],
    ["2025-05-25", 17],
    ["2019-03", 91],
    ["2018", 94],
  ] as const)("monthsBetween(%s, 2026-11-24) = %i", (iso, months) => expect(monthsBetween(iso, today)).toBe(months));
});

describe("modulesOnPath", () => {
  const { programme: p } = assembleProgramme(programme(), today);
  const chapter = p.chapters[0]!;
  it("standard path: every module in order", () => {
    expect(modulesOnPath(chapter, p.modulesById, false).map((i) => i.module.id)).toEqual(["ch1-m1", "ch1-vendor", "ch1-twin", "ch1-m4", "ch1-m5"]);
  });
  it("parcours neutre: the twin takes the vendor module's place, once", () => {
    const items = modulesOnPath(chapter, p.modulesById, true);
    expect(items.map((i) => i.module.id)).toEqual(["ch1-m1", "ch1-twin", "ch1-m4", "ch1-m5"]);
    expect(items[1]!.replaces?.id).toBe("ch1-vendor");
  });
});
