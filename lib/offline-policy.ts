/**
 * What the service worker (app/sw.ts) does with each request. One rule, pure, so that a table of
 * requests can pin it down (offline-policy.test.ts):
 * - "asset": Next.js's build files (`/_next/static/`, named by their content), the icons and the
 *   manifest: served from the device once fetched, never stale because a new build has new names.
 * - "page": a page opened in the browser (a navigation, GET): always asked of the server; without a
 *   connection, the copy the learner kept (lib/offline-keep.ts), else the offline page instead of
 *   the browser's own error page.
 * - "resource": a module's captions (GET): asked of the server; without a connection, the kept copy.
 * - "network": everything else, untouched by the worker: the rest of the API (progress, quiz
 *   answers, the account's data), sign-in, media, every write.
 * The worker itself stores only "asset" answers; pages and captions are stored by the learner's
 * own « Garder hors ligne », and deleted at sign-out.
 */
export type OfflineRule = "asset" | "page" | "resource" | "network";

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

export function offlineRuleOf(request: RequestFacts): OfflineRule {
  if (!request.sameOrigin || request.method !== "GET") return "network";
  if (CAPTIONS_PATH.test(request.path)) return "resource";
  if (request.path.startsWith("/api/") || request.path.startsWith("/serwist/")) return "network";
  if (ASSET_PATHS.has(request.path) || ASSET_PREFIXES.some((prefix) => request.path.startsWith(prefix))) return "asset";
  if (request.mode === "navigate") return "page";
  return "network";
}
