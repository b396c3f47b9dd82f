import { describe, expect, it } from "vitest";
import type { Comparison, Module } from "@/lib/content/types";
import { parseScoData } from "./sco-data";
import { escapeHtml, jsonForScript, scoPageHtml } from "./sco-page";

const module: Module = {
  id: "vendre-sur-amazon",
  chapterId: "place-de-marche",
  order: 2,
  kind: "tutoriel",
  durationS: 120,
  title: { fr: "Vendre <sur> Amazon & co", en: "Selling on Amazon" },
  summary: { fr: "Ce que « la place » apporte.", en: "" },
  objectives: ["Comprendre les frais"],
  keyPoints: ["Lire la grille </script>"],
  vendor: "amazon",
  neutralTwinId: "alternative",
  replacesId: null,
  comparisonId: "places",
  videoPath: null,
  quiz: [
    { question: "Combien ?", choices: ["Un", "Deux", "Trois"], answer: 1, explanation: "Parce que <b>deux</b>." },
    { question: "Où ?", choices: ["Ici", "Là"], answer: 0, explanation: "Ici." },
    { question: "Quand ?", choices: ["Tôt", "Tard"], answer: 1, explanation: "Tard." },
  ],
  cues: [
    { startS: 0, endS: 4, text: "Bonjour </script><script>alert(1)</script>" },
    { startS: 65, endS: 70, text: "Suite" },
  ],
  wordCount: 10,
  sourceFile: "chapters/03/02.yaml",
};
const twin: Module = { ...module, id: "alternative", vendor: null, title: { fr: "L’alternative", en: "" } };
const comparison: Comparison = {
  id: "places",
  title: { fr: "Places de marché", en: "" },
  criteria: ["fees", "lockIn"],
  sourceFile: "alternatives/places.yaml",
  options: [
    { id: "amazon", name: "Amazon", isVendor: true, url: null, facts: { fees: { value: "15 %", isNotDisclosed: false, source: "https://sell.amazon.fr/tarifs?a=1&b=2", sourceKind: "provider", checkedAt: "2026-03-01", sourceDate: null, isIllustrative: false }, lockIn: { value: null, isNotDisclosed: true, source: "https://sell.amazon.fr/cgv", sourceKind: null, checkedAt: "2026-03-02", sourceDate: null, isIllustrative: false } } },
    { id: "coop", name: "Coopérative", isVendor: false, url: null, facts: { lockIn: { value: "Aucune", isNotDisclosed: false, source: null, sourceKind: null, checkedAt: null, sourceDate: null, isIllustrative: true } } },
  ],
};

const page = (overrides: Partial<Parameters<typeof scoPageHtml>[0]> = {}) =>
  scoPageHtml({ module, twin, comparison, runtimeHref: "../../shared/sco.js", styleHref: "../../shared/sco.css", licence: "Licence Ouverte 2.0 <Etalab>", ...overrides });

describe("escapeHtml and jsonForScript", () => {
  const table: [string, string][] = [
    ["a & b", "a &amp; b"],
    ["<i>", "&lt;i&gt;"],
    [`"l'a"`, "&quot;l&#39;a&quot;"],
  ];
  it.each(table)("%s", (text, expected) => expect(escapeHtml(text)).toBe(expected));
  it("keeps a script's JSON inside its script", () => {
    const json = jsonForScript({ text: "</script><!-- \u2028" });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: "</script><!-- \u2028" });
  });
});

describe("scoPageHtml", () => {
  const html = page();

  it("is a French document with its title and the package's own files only", () => {
    expect(html.startsWith("<!doctype html>\n<html lang=\"fr\">")).toBe(true);
    expect(html).toContain("<title>Vendre &lt;sur&gt; Amazon &amp; co — Accélérateur libre</title>");
    expect(html).toContain('<link rel="stylesheet" href="../../shared/sco.css">');
    expect(html).toContain('<script src="../../shared/sco.js"></script>');
    // Nothing loaded from another origin: every src and stylesheet is relative.
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
      if (/^https?:/.test(url!)) expect(html).toContain(`<a href="${url}" target="_blank"`);
    }
  });

  it("has the sections in order, with headings", () => {
    const order = ["<h1>", 'id="sco-player"', "Objectifs</h2>", "À retenir</h2>", "Comparer les options", "Transcription</h2>", "Quiz de validation</h2>", "<footer"];
    const positions = order.map((needle) => html.indexOf(needle));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  const contains: [string, string][] = [
    ["chapter line without a chapter", "Module 2 · Durée : 2 min"],
    ["escaped key point", "<li>Lire la grille &lt;/script&gt;</li>"],
    ["transcript cue with its time", '<button type="button" class="cue" data-start="65"><span class="stamp">1:05</span> Suite</button>'],
    ["twin named", "L’alternative neutre : « L’alternative »."],
    ["source with host, kind and date", "Source : sell.amazon.fr"],
    ["source kind", "(site du prestataire)"],
    ["checked date", "vérifié le 1 mars 2026"],
    ["source address escaped", 'href="https://sell.amazon.fr/tarifs?a=1&amp;b=2"'],
    ["illustrative fact", "Exemple illustratif, non sourcé"],
    ["fact not verified", "Non vérifié"],
    ["not disclosed, with the page looked at", '<p class="muted">Non communiqué par le fournisseur</p><p class="small"><a href="https://sell.amazon.fr/cgv" target="_blank" rel="noopener noreferrer nofollow">Cherché sur : sell.amazon.fr'],
    ["comparison's dates as a whole", "Comparatif vérifié entre le 1 mars 2026 et le 2 mars 2026 : chaque case porte sa propre date."],
    ["quiz radio", '<input type="radio" name="q0" id="q0-c1" value="1"><label for="q0-c1">Deux</label>'],
    ["quiz legend", "<legend>Question 3 : Quand ?</legend>"],
    ["passing rule", "Il faut 2 bonnes réponses sur 3."],
    ["licence", "Licence Ouverte 2.0 &lt;Etalab&gt;"],
    ["speed choices", '<option value="0.75">0,75 ×</option>'],
    ["seek slider", 'type="range" id="sco-seek" min="0" max="120"'],
  ];
  it.each(contains)("%s", (_name, needle) => expect(html).toContain(needle));

  it("says the chapter when given", () => expect(page({ chapter: { order: 3, title: "Places de marché" } })).toContain("Chapitre 3 · Places de marché · Durée : 2 min"));

  it("has no comparison, twin notice or quiz when there are none", () => {
    const plain = page({ module: { ...module, vendor: null, quiz: [] }, twin: null, comparison: null });
    expect(plain).not.toContain("Comparer les options");
    expect(plain).not.toContain("alternative neutre");
    expect(plain).not.toContain("<form");
  });

  it("carries the runtime's data, escaped, with the quiz's answers", () => {
    const json = /<script type="application\/json" id="sco-data">([^<]*)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(parseScoData(json)).toEqual({
      moduleId: "vendre-sur-amazon",
      title: "Vendre <sur> Amazon & co",
      durationS: 120,
      cues: module.cues,
      quiz: module.quiz,
      passingScore: 2,
      masteryScore: 2 / 3,
      watchedShare: 0.9,
    });
  });
});
