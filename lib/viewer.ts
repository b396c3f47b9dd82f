import type { Actor } from "@/lib/permissions";
import { can } from "@/lib/permissions";

/** Who is viewing a page, as the header shows it (null: a visitor). */
export type Viewer = {
  name: string;
  unreadCount: number;
  /** The header's links this account may follow. */
  links: { progress: boolean; cohorts: boolean; stats: boolean; users: boolean };
};

export function viewerOf(actor: (Actor & { name: string }) | null, unreadCount: number): Viewer | null {
  if (!actor) return null;
  return {
    name: actor.name,
    unreadCount,
    links: { progress: can(actor, "progress:record"), cohorts: can(actor, "cohorts:train"), stats: can(actor, "stats:view"), users: can(actor, "users:list") },
  };
}
