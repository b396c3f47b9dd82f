/// <reference lib="webworker" />
// The service worker, built by Serwist (app/serwist/[path]/route.ts bundles this file with esbuild
// and serves it at /serwist/sw.js). What it does with each request is lib/offline-policy.ts:
// - build files, icons and the manifest: from the device once fetched (their names change with
//   their content), the style sheets and the font kept at install;
// - pages: always asked of the server; without a connection (or after NAVIGATION_TIMEOUT_S on a
//   signal too weak to answer), the offline page kept at install;
// - the API, sign-in, media and every write: not touched, nothing personal kept.
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist, type PrecacheEntry } from "serwist";
import { OFFLINE_PAGE_PATH, offlineRuleOf } from "@/lib/offline-policy";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const NAVIGATION_TIMEOUT_S = 10;
const ASSET_CACHE = "accelerateur-assets";

function ruleOf(url: URL, request: Request) {
  return offlineRuleOf({ method: request.method, path: url.pathname, sameOrigin: url.origin === self.location.origin, mode: request.mode });
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url, request }) => ruleOf(url, request) === "asset",
      handler: new CacheFirst({
        cacheName: ASSET_CACHE,
        plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 24 * 60 * 60, purgeOnQuotaError: true })],
      }),
    },
    {
      matcher: ({ url, request }) => ruleOf(url, request) === "page",
      handler: new NetworkOnly({ networkTimeoutSeconds: NAVIGATION_TIMEOUT_S }),
    },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE_PATH, matcher: ({ request }) => request.mode === "navigate" }],
  },
});

serwist.addEventListeners();
