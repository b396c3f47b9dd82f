import "server-only";
import { join } from "node:path";
import { modulesOnPath, type PathItem } from "@/lib/content/path";
import type { Chapter, Comparison, Module, Programme } from "@/lib/content/types";
import { buildSearchIndex, searchModules, type SearchIndex } from "@/lib/search";
import { getEnv } from "../env";
import { formatIssue, readContent } from "./read-content";

/**
 * The programme, read from content/ once per process (CONTENT_DIR points elsewhere, e.g. a test
 * fixture). Invalid content stops the platform with the file and field at fault; `npm test` runs
 * the same check first.
 */
type Loaded = { programme: Programme; searchIndex: SearchIndex };
const globalForContent = globalThis as unknown as { accelerateurContent?: Loaded };

function load(): Loaded {
  if (globalForContent.accelerateurContent) return globalForContent.accelerateurContent;
  const { CONTENT_DIR } = getEnv();
  const dir = CONTENT_DIR ?? join(process.cwd(), "content");
  // Only another directory (a test fixture) may relax the programme's rules with a test policy.
  const { programme, issues } = readContent(dir, new Date(), { isFixtureAllowed: !!CONTENT_DIR });
  if (!programme) {
    throw new Error(`Invalid content in ${dir}:\n${issues.filter((i) => i.severity === "error").map(formatIssue).join("\n")}`);
  }
  globalForContent.accelerateurContent = { programme, searchIndex: buildSearchIndex(programme.modulesById.values()) };
  return globalForContent.accelerateurContent;
}

export function getProgramme(): Programme {
  return load().programme;
}

export function getChapter(id: string): Chapter | null {
  return getProgramme().chapters.find((c) => c.id === id) ?? null;
}

export function getModule(id: string): Module | null {
  return getProgramme().modulesById.get(id) ?? null;
}

export function getComparison(id: string | null): Comparison | null {
  return id ? (getProgramme().comparisonsById.get(id) ?? null) : null;
}

export function getChapterPath(chapter: Chapter, isNeutralPath: boolean): PathItem[] {
  return modulesOnPath(chapter, getProgramme().modulesById, isNeutralPath);
}

export function searchProgramme(query: string) {
  return searchModules(load().searchIndex, query);
}
