import { formatVtt } from "@/lib/content/vtt";
import type { Chapter, Comparison, Module } from "@/lib/content/types";

/**
 * What « Garder ce chapitre hors ligne » keeps on the device (components/programme/keep-offline.tsx):
 * the chapter's page and the page of every module in it on either path — a vendor module's page
 * holds its comparison, and its neutral twin (wherever it sits) is kept beside it — each as rendered
 * for the learner, plus each module's captions and its video file when it has one on this origin.
 * The scripts those pages load are kept with them.
 * - `version`: the content's version (server/content/index.ts hashes what the pages show); a kept
 *   copy of another version is refreshed on the next visit online, and says so offline meanwhile.
 * - `estimatedBytes`: what the pages and captions will take, before they are fetched (estimateKeptBytes).
 */
export type KeptChapterPlan = { chapterId: string; version: string; pages: string[]; resources: string[]; media: string[]; estimatedBytes: number };

/** The modules a kept chapter holds: its own, on both paths, and each vendor module's neutral twin, once each. */
export function keptChapterModules(chapter: Chapter, modulesById: ReadonlyMap<string, Module>): Module[] {
  const modules: Module[] = [];
  const seen = new Set<string>();
  const add = (module: Module | undefined) => {
    if (!module || seen.has(module.id)) return;
    seen.add(module.id);
    modules.push(module);
  };
  for (const module of chapter.modules) {
    add(module);
    if (module.neutralTwinId) add(modulesById.get(module.neutralTwinId));
  }
  return modules;
}

/**
 * A page's size, estimated from the content it shows: a fixed part (the layout, the header, the
 * scripts' tags) and its text about PAGE_TEXT_FACTOR times over (in the HTML, then again in the
 * data React hydrates from, with markup around it). Calibrated on the demo programme; the kept-chapter
 * end-to-end test fails when an estimate strays beyond half or twice what a chapter really takes.
 */
export const PAGE_FIXED_BYTES = 30_000;
export const PAGE_TEXT_FACTOR = 3;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export function estimateKeptBytes(chapter: Chapter, modules: readonly Module[], comparisonOf: (module: Module) => Comparison | null): number {
  const chapterPage = PAGE_FIXED_BYTES + PAGE_TEXT_FACTOR * utf8Bytes(JSON.stringify([chapter.title, chapter.summary, chapter.modules.map((m) => [m.title, m.summary])]));
  const modulePages = modules.map((m) => PAGE_FIXED_BYTES + PAGE_TEXT_FACTOR * utf8Bytes(JSON.stringify([m, comparisonOf(m)])));
  const captions = modules.map((m) => utf8Bytes(formatVtt(m.cues)));
  return [chapterPage, ...modulePages, ...captions].reduce((sum, bytes) => sum + bytes, 0);
}

export function keptChapterPlan(
  chapter: Chapter,
  modulesById: ReadonlyMap<string, Module>,
  facts: { version: string; mediaOf: (module: Module) => string | null; comparisonOf: (module: Module) => Comparison | null },
): KeptChapterPlan {
  const modules = keptChapterModules(chapter, modulesById);
  return {
    chapterId: chapter.id,
    version: facts.version,
    pages: [`/chapters/${chapter.id}`, ...modules.map((m) => `/modules/${m.id}`)],
    resources: modules.map((m) => `/api/modules/${m.id}/captions`),
    media: modules.map(facts.mediaOf).filter((src): src is string => src !== null),
    estimatedBytes: estimateKeptBytes(chapter, modules, facts.comparisonOf),
  };
}

/** A kept chapter whose version is not the content's latest (as last seen online): its copy is older than the content. */
export function isKeptCopyOutdated(keptVersion: string, latestVersions: Readonly<Record<string, string>> | null, chapterId: string): boolean {
  const latest = latestVersions?.[chapterId];
  return latest !== undefined && latest !== keptVersion;
}

/** The cache of the pages kept for the learner on this device (app/sw.ts serves it offline; sign-out deletes it). */
export const KEPT_CACHE = "accelerateur-kept";

/** The cache of build files, named by their content and shared by every account (app/sw.ts fills it). */
export const ASSET_CACHE = "accelerateur-assets";

/**
 * Asked of the service worker: it answers, on the message's port, the build's files (scripts,
 * style sheets, font) with their sizes. A kept chapter keeps them all in ASSET_CACHE, where they
 * outlive the next deployment's precache (which drops the old style sheets its kept pages name).
 */
export const BUILD_FILES_MESSAGE = "build-files";
export type BuildFile = { url: string; bytes: number };

/**
 * Asked of the service worker by a page: whether the worker answered it with a kept copy (the
 * server could not be reached). The page then says when that copy was kept, and whether the content
 * has changed since.
 */
export const KEPT_COPY_QUESTION = "is-kept-copy";

/** Asked of the service worker at sign-out, erasure or another account: it empties its queue of reports to send (answers true). */
export const FORGET_REPORTS_MESSAGE = "forget-reports";
