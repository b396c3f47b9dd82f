// A tiny programme for pure unit tests (lib/cohorts/*): one chapter with a plain module, a vendor
// module and its neutral twin, and another plain module; a second chapter with one module.
import type { Chapter, Module, Programme } from "@/lib/content/types";

type ModuleSpec = { id: string; durationS: number; vendor?: "amazon"; neutralTwinId?: string; replacesId?: string; title?: string };

function makeModule(chapterId: string, order: number, spec: ModuleSpec): Module {
  return {
    id: spec.id,
    chapterId,
    order,
    kind: "tutoriel",
    durationS: spec.durationS,
    title: { fr: spec.title ?? `Module ${spec.id}`, en: `Module ${spec.id}` },
    summary: { fr: "", en: "" },
    objectives: [],
    keyPoints: [],
    vendor: spec.vendor ?? null,
    neutralTwinId: spec.neutralTwinId ?? null,
    replacesId: spec.replacesId ?? null,
    comparisonId: null,
    videoPath: null,
    quiz: [],
    cues: [],
    wordCount: 0,
    sourceFile: `${chapterId}/${spec.id}.md`,
  };
}

export function fakeProgramme(): Programme {
  const specs: [string, string, ModuleSpec[]][] = [
    [
      "ch1",
      "Vendre en ligne",
      [
        { id: "m1", durationS: 100, title: "Premier pas" },
        { id: "vendor", durationS: 200, vendor: "amazon", neutralTwinId: "twin", title: "Chez Amazon" },
        { id: "twin", durationS: 400, replacesId: "vendor", title: "Ailleurs" },
        { id: "m4", durationS: 300, title: "Dernier pas" },
      ],
    ],
    ["ch2", "Logistique", [{ id: "m5", durationS: 600, title: "Expédier" }]],
  ];
  const chapters: Chapter[] = specs.map(([id, title, modules], index) => {
    const built = modules.map((m, i) => makeModule(id, i + 1, m));
    return { id, order: index + 1, title: { fr: title, en: title }, summary: { fr: "", en: "" }, modules: built, durationS: built.reduce((s, m) => s + m.durationS, 0) };
  });
  return { chapters, modulesById: new Map(chapters.flatMap((c) => c.modules.map((m) => [m.id, m] as const))), comparisonsById: new Map() };
}
