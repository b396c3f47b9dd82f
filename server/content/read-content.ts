/**
 * Reads content/ from disk into validated files: YAML through `yaml`, transcripts through the WebVTT
 * reader, each checked by its zod schema. Every problem names the file and the field. No
 * "server-only" import here so that `npm run content:check` runs it in plain Node.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { assembleProgramme, type ContentFiles, type ContentIssue } from "@/lib/content/assemble";
import { chapterFileSchema, comparisonFileSchema, contentPolicySchema, DEFAULT_CONTENT_POLICY, moduleFileSchema } from "@/lib/content/schema";
import type { Programme } from "@/lib/content/types";
import { parseVtt, VttError } from "@/lib/content/vtt";
import type { z } from "zod";

const MODULE_FILE = /^(\d{2})-[a-z0-9-]+\.yaml$/;

export type ContentReport = { programme: Programme | null; issues: ContentIssue[] };

export const TEST_POLICY_FILE = "test-policy.yaml";

export function readContent(contentDir: string, today = new Date(), options: { isFixtureAllowed?: boolean } = {}): ContentReport {
  const issues: ContentIssue[] = [];
  const rel = (path: string) => relative(join(contentDir, ".."), path).split("\\").join("/");
  const error = (file: string, field: string, message: string) => issues.push({ severity: "error", file: rel(file), field, message });

  function readYaml<S extends z.ZodType>(file: string, schema: S): z.infer<S> | null {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, "utf8"));
    } catch (e) {
      error(file, "(yaml)", e instanceof Error ? e.message.split("\n")[0]! : String(e));
      return null;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) error(file, issue.path.join(".") || "(file)", issue.message);
      return null;
    }
    return parsed.data;
  }

  let policy = DEFAULT_CONTENT_POLICY;
  const policyPath = join(contentDir, TEST_POLICY_FILE);
  if (existsSync(policyPath)) {
    if (!options.isFixtureAllowed) error(policyPath, "(file)", "the programme's content cannot carry a test policy");
    else policy = readYaml(policyPath, contentPolicySchema) ?? policy;
  }

  const files: ContentFiles = { chapters: [], comparisons: [] };
  const chaptersDir = join(contentDir, "chapters");
  const chapterDirs = existsSync(chaptersDir)
    ? readdirSync(chaptersDir).filter((d) => statSync(join(chaptersDir, d)).isDirectory()).sort()
    : [];
  for (const dir of chapterDirs) {
    const chapterPath = join(chaptersDir, dir, "chapter.yaml");
    if (!existsSync(chapterPath)) {
      error(join(chaptersDir, dir), "chapter.yaml", "missing chapter.yaml");
      continue;
    }
    const chapter = readYaml(chapterPath, chapterFileSchema);
    const modules: ContentFiles["chapters"][number]["modules"] = [];
    for (const name of readdirSync(join(chaptersDir, dir)).sort()) {
      if (name === "chapter.yaml") continue;
      const path = join(chaptersDir, dir, name);
      if (name.endsWith(".vtt")) {
        if (!existsSync(path.replace(/\.vtt$/, ".yaml"))) error(path, "(file)", "a transcript without its module .yaml");
        continue;
      }
      const match = MODULE_FILE.exec(name);
      if (!match) {
        error(path, "(file name)", "module files are named NN-slug.yaml (NN = order)");
        continue;
      }
      const module = readYaml(path, moduleFileSchema);
      const vttPath = path.replace(/\.yaml$/, ".vtt");
      let cues = null;
      if (!existsSync(vttPath)) {
        error(path, "(transcript)", `missing ${name.replace(/\.yaml$/, ".vtt")}`);
      } else {
        try {
          cues = parseVtt(readFileSync(vttPath, "utf8"));
        } catch (e) {
          error(vttPath, "(webvtt)", e instanceof VttError ? e.message : String(e));
        }
      }
      if (module && Number(match[1]) !== module.order) error(path, "order", `order ${module.order} does not match the file prefix ${match[1]}`);
      if (module && cues) modules.push({ file: rel(path), data: module, cues });
    }
    if (chapter) files.chapters.push({ file: rel(chapterPath), data: chapter, modules });
  }

  const alternativesDir = join(contentDir, "alternatives");
  const comparisonFiles = existsSync(alternativesDir) ? readdirSync(alternativesDir).filter((f) => f.endsWith(".yaml")).sort() : [];
  for (const name of comparisonFiles) {
    const path = join(alternativesDir, name);
    const comparison = readYaml(path, comparisonFileSchema);
    if (comparison && comparison.id !== name.replace(/\.yaml$/, "")) error(path, "id", `id "${comparison.id}" does not match the file name`);
    if (comparison) files.comparisons.push({ file: rel(path), data: comparison });
  }

  if (issues.some((i) => i.severity === "error")) return { programme: null, issues };
  const assembled = assembleProgramme(files, today, policy);
  return { programme: assembled.issues.some((i) => i.severity === "error") ? null : assembled.programme, issues: assembled.issues };
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.severity === "error" ? "ERROR" : "warning"} ${issue.file} › ${issue.field}: ${issue.message}`;
}
