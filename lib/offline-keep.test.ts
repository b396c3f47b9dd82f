import { describe, expect, it } from "vitest";
import type { Chapter, Module } from "@/lib/content/types";
import { estimateKeptBytes, isKeptCopyOutdated, keptChapterPlan, PAGE_FIXED_BYTES } from "./offline-keep";

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
const facts = { version: "v1", mediaOf: (m: Module) => m.videoPath, comparisonOf: () => null };
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
    const plan = keptChapterPlan(chapter(modules), byId, facts);
    expect(plan.chapterId).toBe("marche");
    expect(plan.version).toBe("v1");
    expect(plan.media).toEqual([]);
    expect(plan.pages).toEqual(["/chapters/marche", ...moduleIds.map((id) => `/modules/${id}`)]);
    expect(plan.resources).toEqual(moduleIds.map((id) => `/api/modules/${id}/captions`));
  });
});

describe("a kept chapter's videos", () => {
  const filmed = module("marche-filmee", "marche", { videoPath: "/media/marche.webm" });
  it.each<[string, (m: Module) => string | null, string[]]>([
    ["a video on this origin: kept", (m) => m.videoPath, ["/media/marche.webm"]],
    ["videos from the operator's media server: not kept", () => null, []],
  ])("%s", (_name, mediaOf, media) => {
    expect(keptChapterPlan(chapter([plain, filmed]), byId, { ...facts, mediaOf }).media).toEqual(media);
  });
});

describe("the size a chapter will take, estimated before it is kept", () => {
  const cue = { startS: 0, endS: 4, text: "Une boutique en ligne à soi." };
  it.each<[string, Module[], (size: number) => boolean]>([
    ["an empty chapter: its page's fixed part and its few words", [], (size) => size > PAGE_FIXED_BYTES && size < PAGE_FIXED_BYTES + 1_000],
    ["each module adds a page", [plain], (size) => size > 2 * PAGE_FIXED_BYTES],
  ])("%s", (_name, modules, holds) => {
    expect(holds(estimateKeptBytes(chapter(modules), modules, () => null))).toBe(true);
  });
  it("grows with the text a module shows, and with its captions", () => {
    const short = module("m", "marche", { cues: [cue] });
    const long = module("m", "marche", { cues: Array.from({ length: 50 }, (_, i) => ({ ...cue, startS: i * 4, endS: i * 4 + 4 })) });
    expect(estimateKeptBytes(chapter([long]), [long], () => null)).toBeGreaterThan(estimateKeptBytes(chapter([short]), [short], () => null) + 50 * cue.text.length * 3);
  });
});

describe("a kept copy older than the content", () => {
  it.each<[string, string, Record<string, string> | null, boolean]>([
    ["the version last seen online is another: outdated", "v1", { marche: "v2" }, true],
    ["the same version: current", "v2", { marche: "v2" }, false],
    ["never seen online since: not known to be outdated", "v1", null, false],
    ["the chapter is gone from the programme: not said outdated", "v1", { logistique: "v9" }, false],
  ])("%s", (_name, kept, latest, outdated) => {
    expect(isKeptCopyOutdated(kept, latest, "marche")).toBe(outdated);
  });
});
