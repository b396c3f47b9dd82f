import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatIssue, readContent } from "@/server/content/read-content";

const realContent = join(__dirname, "..", "..", "content");
const moduleYaml = "chapters/03-place-de-marche/02-vendre-sur-amazon.yaml";
let dirs: string[] = [];

function copyOfContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "content-test-")), "content");
  cpSync(realContent, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

afterEach(() => {
  for (const dir of dirs) rmSync(join(dir, ".."), { recursive: true, force: true });
  dirs = [];
});

describe("the real content", () => {
  const { programme, issues } = readContent(realContent);
  it("loads without errors", () => {
    expect(issues.filter((i) => i.severity === "error").map(formatIssue)).toEqual([]);
    expect(programme).not.toBeNull();
  });
  it("has the seven chapters in order, at least 5 modules each", () => {
    expect(programme!.chapters.map((c) => c.title.fr)).toEqual([
      "Préparer sa transition numérique",
      "Ouvrir une boutique en ligne",
      "Se lancer sur une place de marché",
      "Construire sa marque",
      "Augmenter son trafic",
      "Assurer la logistique",
      "Démarrer les ventes",
    ]);
    for (const chapter of programme!.chapters) expect(chapter.modules.length).toBeGreaterThanOrEqual(5);
  });
  it("gives every Amazon module a neutral twin and a comparison", () => {
    const vendorModules = [...programme!.modulesById.values()].filter((m) => m.vendor === "amazon");
    expect(vendorModules.length).toBeGreaterThanOrEqual(7);
    for (const m of vendorModules) {
      const twin = programme!.modulesById.get(m.neutralTwinId!)!;
      expect(twin.vendor, m.id).toBeNull();
      expect(twin.replacesId).toBe(m.id);
      expect(programme!.comparisonsById.has(m.comparisonId!), m.id).toBe(true);
    }
  });
  it("compares options deeply enough to decide from: ≥ 3 sourced facts an option, ≥ 4 on average, at least 36 options (issue 25)", () => {
    const options = [...programme!.comparisonsById.values()].flatMap((c) =>
      c.options.map((o) => ({ id: `${c.id}/${o.id}`, facts: c.criteria.filter((k) => o.facts[k] && !o.facts[k]!.isNotDisclosed && !o.facts[k]!.isIllustrative && o.facts[k]!.source).length })),
    );
    for (const option of options) expect(option.facts, option.id).toBeGreaterThanOrEqual(3);
    expect(options.reduce((n, o) => n + o.facts, 0) / options.length).toBeGreaterThanOrEqual(4);
    expect(options.length).toBeGreaterThanOrEqual(36);
  });
  it("keeps every module between 450 and 600 spoken words", () => {
    for (const m of programme!.modulesById.values()) {
      expect(m.wordCount, m.id).toBeGreaterThanOrEqual(450);
      expect(m.wordCount, m.id).toBeLessThanOrEqual(600);
    }
  });
});

describe("a broken content file is reported with its file name and field", () => {
  const table: [string, (dir: string) => void, string, string, RegExp][] = [
    ["invalid YAML", (d) => edit(d, moduleYaml, (t) => t.replace("order: 2", "order: [2")), moduleYaml, "(yaml)", /./],
    ["a missing title", (d) => edit(d, moduleYaml, (t) => t.replace(/title:\n  fr: .*\n  en: .*\n/, "")), moduleYaml, "title", /expected object/i],
    ["a quiz answer out of range", (d) => edit(d, moduleYaml, (t) => t.replace("answer: 1", "answer: 7")), moduleYaml, "quiz.0.answer", /index of one of the choices/],
    ["an unknown field", (d) => edit(d, moduleYaml, (t) => `${t}\ncolour: red\n`), moduleYaml, "(file)", /unrecognized key/i],
    ["a vendor module without twin", (d) => edit(d, moduleYaml, (t) => t.replace(/neutralTwin: .*\n/, "")), moduleYaml, "neutralTwin", /must name its neutralTwin/],
    ["a file prefix that disagrees with order", (d) => edit(d, moduleYaml, (t) => t.replace("order: 2", "order: 9")), moduleYaml, "order", /file prefix 02/],
    [
      "a broken transcript",
      (d) => edit(d, moduleYaml.replace(".yaml", ".vtt"), (t) => t.replace("WEBVTT", "WEBVTX")),
      moduleYaml.replace(".yaml", ".vtt"),
      "(webvtt)",
      /starts with WEBVTT/,
    ],
    [
      "a missing transcript",
      (d) => renameSync(join(d, moduleYaml.replace(".yaml", ".vtt")), join(d, "moved.vtt.bak")),
      moduleYaml,
      "(transcript)",
      /missing 02-vendre-sur-amazon.vtt/,
    ],
    [
      "a fact without source",
      (d) => edit(d, "alternatives/marque.yaml", (t) => t.replace(/\n\s+source: "https:\/\/lexbase[^\n]*/, "")),
      "alternatives/marque.yaml",
      "options.1.facts.fees.source",
      /needs a source/,
    ],
  ];
  it.each(table)("%s", (_name, breakIt, file, field, message) => {
    const dir = copyOfContent();
    breakIt(dir);
    const { programme, issues } = readContent(dir);
    expect(programme).toBeNull();
    const issue = issues.find((i) => i.severity === "error" && i.file === `content/${file}` && i.field === field);
    expect(issue, issues.map(formatIssue).join("\n")).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});
