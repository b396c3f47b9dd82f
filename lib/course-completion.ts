/**
 * What "completing" a chapter or the programme means when a vendor module and its neutral twin are
 * two ways through the same step: each step ("slot") is done when any of its modules is complete.
 */
import type { Chapter, Programme } from "./content/types";

/** The steps of a chapter: a list of module ids each, any one of which completes the step. */
export function chapterSlots(chapter: Chapter): string[][] {
  const twinIds = new Set(chapter.modules.flatMap((m) => (m.neutralTwinId ? [m.neutralTwinId] : [])));
  return chapter.modules
    .filter((m) => !twinIds.has(m.id))
    .map((m) => (m.neutralTwinId ? [m.id, m.neutralTwinId] : [m.id]));
}

export function completedSlotCount(chapter: Chapter, completedModuleIds: ReadonlySet<string>): number {
  return chapterSlots(chapter).filter((slot) => slot.some((id) => completedModuleIds.has(id))).length;
}

export function isChapterComplete(chapter: Chapter, completedModuleIds: ReadonlySet<string>): boolean {
  return completedSlotCount(chapter, completedModuleIds) === chapterSlots(chapter).length;
}

export function isProgrammeComplete(programme: Programme, completedModuleIds: ReadonlySet<string>): boolean {
  return programme.chapters.every((chapter) => isChapterComplete(chapter, completedModuleIds));
}

export function programmeSlotCount(programme: Programme): number {
  return programme.chapters.reduce((sum, chapter) => sum + chapterSlots(chapter).length, 0);
}
