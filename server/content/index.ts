import "server-only";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { modulesOnPath, type PathItem } from "@/lib/content/path";
import { AppError } from "@/lib/errors";
import { freshnessReport, type FreshnessReport } from "@/lib/content/freshness";
import type { Chapter, Comparison, Module, Programme } from "@/lib/content/types";
import { can, type Actor } from "@/lib/permissions";
import { keptChapterModules, keptChapterPlan, type KeptChapterPlan } from "@/lib/offline-keep";
import { buildSearchIndex, searchModules, type SearchIndex } from "@/lib/search";
import { getEnv } from "../env";
import { formatIssue, readContent } from "./read-content";

/**
 * The programme, read from content/ once per process (CONTENT_DIR points elsewhere, e.g. a test
 * fixture). Invalid content stops the platform with the file and field at fault; `npm test` runs
 * the same check first.
 */
type Loaded = { programme: Programme; searchIndex: SearchIndex; keptChapterPlans?: KeptChapterPlan[] };
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

/** Admins: how old every comparison cell is (the same content the module pages show). */
export function getFreshnessReport(actor: Actor, today: Date): FreshnessReport {
  if (!can(actor, "content:review")) throw new AppError("FORBIDDEN");
  return freshnessReport(getProgramme(), today);
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

/**
 * What keeping each chapter offline takes (lib/offline-keep.ts), computed once per process. Its
 * version hashes everything the kept pages show (the chapter, its modules and twins, their
 * comparisons): new content, a new version, and the devices that kept the old one refresh it.
 * A module's video is kept only when served from this origin (not from MEDIA_BASE_URL).
 */
export function getKeptChapterPlans(): KeptChapterPlan[] {
  const loaded = load();
  if (loaded.keptChapterPlans) return loaded.keptChapterPlans;
  const { programme } = loaded;
  const comparisonOf = (module: Module) => getComparison(module.comparisonId);
  const isMediaHere = !getEnv().MEDIA_BASE_URL;
  loaded.keptChapterPlans = programme.chapters.map((chapter) => {
    const modules = keptChapterModules(chapter, programme.modulesById);
    const shown = { title: chapter.title, summary: chapter.summary, order: chapter.modules.map((m) => m.id), modules, comparisons: modules.map(comparisonOf) };
    const version = createHash("sha256").update(JSON.stringify(shown)).digest("base64url").slice(0, 16);
    return keptChapterPlan(chapter, programme.modulesById, { version, comparisonOf, mediaOf: (m) => (isMediaHere ? m.videoPath : null) });
  });
  return loaded.keptChapterPlans;
}

export function getKeptChapterPlan(chapterId: string): KeptChapterPlan | null {
  return getKeptChapterPlans().find((plan) => plan.chapterId === chapterId) ?? null;
}
