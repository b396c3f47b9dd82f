import { describe, expect, it } from "vitest";
import type { Chapter, Module } from "@/lib/content/types";
import { keptChapterPlan } from "./offline-keep";

function module(id: string, chapterId: string, extra: Partial<Module> = {}): Module {
  return {
    id, chapterId, order: 1, kind: "tutoriel", durationS: 200, title: { fr: id, en: id }, summary: { fr: "", en: "" }, objectives: [], keyPoints: [],
    vendor: null, neutralTwinId: null, replacesId: null, comparisonId: null, videoPath: null, quiz: [], cues: [], wordCount: 0, sourceFile: "",
    ...extra,
  };
}

const twinHere = module("marche-alternatives", "marche", { replacesId: "marche-amazon" });
const twinElsewhere = module("logistique-transporteurs", "logistique", { replacesId: "marche-fba" });
const vendorWithTwinHere = module("marche-amazon", "marche", { vendor: "amazon", neutralTwinId: twinHere.id });
const vendorWithTwinElsewhere = module("marche-fba", "marche", { vendor: "amazon", neutralTwinId: twinElsewhere.id });
const vendorWithoutTwin = module("marche-ads", "marche", { vendor: "amazon", neutralTwinId: "no-such-module" });
const plain = module("marche-intro", "marche");
const all = [twinHere, twinElsewhere, vendorWithTwinHere, vendorWithTwinElsewhere, vendorWithoutTwin, plain];
const byId = new Map(all.map((m) => [m.id, m]));
const chapter = (modules: Module[]): Chapter => ({ id: "marche", order: 3, title: { fr: "", en: "" }, summary: { fr: "", en: "" }, modules, durationS: 0 });

describe("what a kept chapter holds", () => {
  it.each<[string, Module[], string[]]>([
    ["a chapter without vendor modules: its page and its modules'", [plain], ["marche-intro"]],
    ["a vendor module and its twin in the chapter: both, once", [plain, vendorWithTwinHere, twinHere], ["marche-intro", "marche-amazon", "marche-alternatives"]],
    ["a twin that sits in another chapter: kept beside its vendor module", [vendorWithTwinElsewhere], ["marche-fba", "logistique-transporteurs"]],
    ["a twin that does not exist: the vendor module alone", [vendorWithoutTwin], ["marche-ads"]],
    ["an empty chapter: its page only", [], []],
  ])("%s", (_name, modules, moduleIds) => {
    const plan = keptChapterPlan(chapter(modules), byId);
    expect(plan.chapterId).toBe("marche");
    expect(plan.pages).toEqual(["/chapters/marche", ...moduleIds.map((id) => `/modules/${id}`)]);
    expect(plan.resources).toEqual(moduleIds.map((id) => `/api/modules/${id}/captions`));
  });
});
