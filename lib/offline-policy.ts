/**
 * What the service worker (app/sw.ts) does with each request. One rule, pure, so that a table of
 * requests can pin it down (offline-policy.test.ts):
 * - "asset": Next.js's build files (`/_next/static/`, named by their content), the icons and the
 *   manifest: served from the device once fetched, never stale because a new build has new names.
 * - "page": a page opened in the browser (a navigation, GET): always asked of the server; without a
 *   connection, the copy the learner kept (lib/offline-keep.ts), else the offline page instead of
 *   the browser's own error page.
 * - "resource": a module's captions (GET): asked of the server; without a connection, the kept copy.
 * - "media": a module's video file on this origin (GET): the kept copy when the learner kept its
 *   chapter (answering the player's range requests from it), else the server.
 * - "report": a progress report or a quiz attempt (POST): sent to the server; when it cannot be
 *   reached, the worker keeps the request and sends it again when the connection comes back, even
 *   with no page open (Background Sync, where the browser has it). The page keeps its own queue too;
 *   the server records a report or an attempt id once.
 * - "network": everything else, untouched by the worker: the rest of the API (the account's data),
 *   sign-in, every other write.
 * The worker itself stores only "asset" answers and the "report" requests it could not send; pages,
 * captions and videos are stored by the learner's own « Garder hors ligne ». Sign-out deletes all
 * but the build files.
 */
export type OfflineRule = "asset" | "page" | "resource" | "media" | "report" | "network";

export type RequestFacts = {
  method: string;
  /** The request's path (URL pathname), on this origin. */
  path: string;
  /** Whether the URL is on the platform's own origin. */
  sameOrigin: boolean;
  /** `Request.mode`: "navigate" for a page opened in the browser. */
  mode: string;
};

/** The offline page: no session, no personal data; kept on the device when the worker installs. */
export const OFFLINE_PAGE_PATH = "/offline";

/** Where the service worker is served from (app/serwist/[path]/route.ts), and its scope. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

const ASSET_PREFIXES = ["/_next/static/", "/icons/"];
const ASSET_PATHS = new Set(["/manifest.webmanifest", "/icon.svg"]);
const CAPTIONS_PATH = /^\/api\/modules\/[^/]+\/captions$/;
const REPORT_PATHS = new Set(["/api/progress", "/api/quiz-attempts"]);
const VIDEO_PATH = /\.(mp4|webm|m4v|ogv|mov)$/i;

/** The Background Sync queue of the reports the worker could not send (sign-out deletes it with the rest). */
export const REPORT_QUEUE = "accelerateur-reports";

export function offlineRuleOf(request: RequestFacts): OfflineRule {
  if (!request.sameOrigin) return "network";
  if (request.method === "POST" && REPORT_PATHS.has(request.path)) return "report";
  if (request.method !== "GET") return "network";
  if (CAPTIONS_PATH.test(request.path)) return "resource";
  if (request.path.startsWith("/api/") || request.path.startsWith("/serwist/")) return "network";
  if (ASSET_PATHS.has(request.path) || ASSET_PREFIXES.some((prefix) => request.path.startsWith(prefix))) return "asset";
  if (request.mode === "navigate") return "page";
  if (VIDEO_PATH.test(request.path)) return "media";
  return "network";
}
