import type { Chapter, Module } from "@/lib/content/types";

/**
 * What « Garder ce chapitre hors ligne » keeps on the device (components/programme/keep-offline.tsx):
 * the chapter's page and the page of every module in it on either path — a vendor module's page
 * holds its comparison, and its neutral twin (wherever it sits) is kept beside it — each as rendered
 * for the learner, plus each module's captions. The scripts those pages load are kept with them.
 */
export type KeptChapterPlan = { chapterId: string; pages: string[]; resources: string[] };

export function keptChapterPlan(chapter: Chapter, modulesById: ReadonlyMap<string, Module>): KeptChapterPlan {
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
  return {
    chapterId: chapter.id,
    pages: [`/chapters/${chapter.id}`, ...modules.map((m) => `/modules/${m.id}`)],
    resources: modules.map((m) => `/api/modules/${m.id}/captions`),
  };
}

/** The cache of the pages kept for the learner on this device (app/sw.ts serves it offline; sign-out deletes it). */
export const KEPT_CACHE = "accelerateur-kept";

/** The cache of build files, named by their content and shared by every account (app/sw.ts fills it). */
export const ASSET_CACHE = "accelerateur-assets";

/**
 * Asked of the service worker: it answers, on the message's port, the addresses of the build's
 * files (scripts, style sheets, font). A kept chapter keeps them all in ASSET_CACHE, where they
 * outlive the next deployment's precache (which drops the old style sheets its kept pages name).
 */
export const BUILD_FILES_MESSAGE = "build-files";
