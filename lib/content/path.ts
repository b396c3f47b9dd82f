/**
 * The two ways through the programme. The standard path is every module in chapter order. The
 * "parcours neutre" replaces each vendor module by its neutral twin, at the vendor module's place
 * (the twin then does not appear a second time); the vendor module stays reachable by its URL.
 */
import type { Chapter, Module } from "./types";

export type PathItem = { module: Module; replaces: Module | null };

export function modulesOnPath(chapter: Chapter, modulesById: Map<string, Module>, isNeutralPath: boolean): PathItem[] {
  if (!isNeutralPath) return chapter.modules.map((module) => ({ module, replaces: null }));
  const items: PathItem[] = [];
  const placed = new Set<string>();
  for (const module of chapter.modules) {
    if (module.vendor && module.neutralTwinId) {
      const twin = modulesById.get(module.neutralTwinId);
      if (twin && !placed.has(twin.id)) {
        items.push({ module: twin, replaces: module });
        placed.add(twin.id);
      }
      continue;
    }
    if (placed.has(module.id)) continue;
    items.push({ module, replaces: null });
    placed.add(module.id);
  }
  return items;
}

export function pathDurationS(items: readonly PathItem[]): number {
  return items.reduce((sum, item) => sum + item.module.durationS, 0);
}
