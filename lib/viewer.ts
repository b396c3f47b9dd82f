import type { Actor } from "@/lib/permissions";
import { can } from "@/lib/permissions";
import type { ServerProgress } from "@/lib/progress";
import type { ViewerQuery } from "@/lib/schemas/viewer";

// Imported by the browser's code (components/viewer): nothing here may pull in zod or the
// message catalogues (the query's schema is in lib/schemas/viewer.ts).
export type { ViewerQuery };

/**
 * The programme's four pages (home, a chapter, a module, Mon parcours) are prerendered once per
 * language and path: what is the same for everyone. The learner's own part comes from one JSON
 * request, GET /api/viewer, and goes into the page in the browser (components/viewer):
 * - `viewer`: who is signed in, for the header (null: a visitor);
 * - `flags`: which prerendered sections the learner sees (the join form, the attestation button…);
 * - `slots`: HTML fragments, rendered on the server by the same components as before, for the
 *   elements marked `data-slot` (statuses, progress bars, the to-do list…);
 * - `module`: the player's signed playback session and the learner's progress in the module.
 */
export const PATH_KINDS = ["standard", "neutre"] as const;
export type PathKind = (typeof PATH_KINDS)[number];
export const pathKindOf = (isNeutralPath: boolean): PathKind => (isNeutralPath ? "neutre" : "standard");

export type Viewer = {
  name: string;
  unreadCount: number;
  /** The header's links this account may follow. */
  links: { progress: boolean; cohorts: boolean; stats: boolean; users: boolean };
};

export const VIEWER_FLAGS = ["signedIn", "visitor", "learner", "joinOnProgress", "attestationGet"] as const;
export type ViewerFlag = (typeof VIEWER_FLAGS)[number];

export type ModuleViewerState = {
  moduleId: string;
  session: string | null;
  initialPositionS: number;
  progress: ServerProgress | null;
};

export type ViewerState = {
  viewer: Viewer | null;
  isNeutralPath: boolean;
  flags: Record<ViewerFlag, boolean>;
  slots: Record<string, string>;
  module?: ModuleViewerState;
  /** Mon parcours for a visitor whose session is gone: where to sign in. */
  signInHref?: string;
};

export function viewerOf(actor: (Actor & { name: string }) | null, unreadCount: number): Viewer | null {
  if (!actor) return null;
  return {
    name: actor.name,
    unreadCount,
    links: { progress: can(actor, "progress:record"), cohorts: can(actor, "cohorts:train"), stats: can(actor, "stats:view"), users: can(actor, "users:list") },
  };
}
