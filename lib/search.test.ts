import { describe, expect, it } from "vitest";
import type { Module } from "./content/types";
import { buildSearchIndex, foldText, searchModules, stemWord, tokenize } from "./search";

function module(id: string, title: string, transcript: string): Module {
  return {
    id, chapterId: "c", order: 1, kind: "tutoriel", durationS: 200,
    title: { fr: title, en: title }, summary: { fr: "", en: "" }, objectives: [], keyPoints: [],
    vendor: null, neutralTwinId: null, replacesId: null, comparisonId: null, videoPath: null, quiz: [],
    cues: [{ startS: 0, endS: 10, text: transcript }], wordCount: 0, sourceFile: "",
  };
}

const index = buildSearchIndex([
  module("livraison", "Transporteurs et points relais", "Vous expédiez vos colis en point relais ou à domicile."),
  module("marque", "Déposer sa marque à l'INPI", "Une marque protège votre nom pendant dix ans."),
  module("boutique", "Choisir sa boutique en ligne", "Les boutiques en ligne libres comme PrestaShop."),
  module("presse", "Les journaux locaux", "Un article dans le journal du quartier."),
]);
const ids = (q: string) => searchModules(index, q).map((h) => h.module.id);

describe("search", () => {
  it.each([
    ["equipe", "équipe"],
    ["ÉTÉ", "été"],
  ])("folds %s like %s", (a, b) => expect(foldText(a)).toBe(foldText(b)));

  it.each([["boutiques", "boutique"], ["journaux", "journal"], ["colis", "coli"], ["pas", "pas"], ["bus", "bus"], ["classe", "classe"]])("stems %s → %s", (w, s) => expect(stemWord(w)).toBe(s));

  it("drops French stop words", () => expect(tokenize("la marque de votre boutique")).toEqual(["marque", "boutique"]));

  const table: [string, string[]][] = [
    ["marque", ["marque"]],
    ["MARQUES", ["marque"]],
    ["deposer", ["marque"]],
    ["livr", []],
    ["transport", ["livraison"]],
    ["domic", ["livraison"]],
    ["expedie", ["livraison"]],
    ["relais", ["livraison"]],
    ["boutique", ["boutique"]],
    ["journal", ["presse"]],
    ["inpi marque", ["marque"]],
    ["inpi relais", []],
    ["le la les", []],
    ["", []],
  ];
  it.each(table)("%j → %j", (query, expected) => expect(ids(query)).toEqual(expected));

  it("ranks a title match above a transcript match and gives a snippet", () => {
    const hits = searchModules(index, "ligne");
    expect(hits[0]!.module.id).toBe("boutique");
    expect(hits[0]!.snippet).toContain("boutiques en ligne");
  });
});
