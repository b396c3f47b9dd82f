/// <reference lib="webworker" />
// The service worker, built by Serwist (app/serwist/[path]/route.ts bundles this file with esbuild
// and serves it at /serwist/sw.js). What it does with each request is lib/offline-policy.ts:
// - build files, icons and the manifest: from the device once fetched (their names change with
//   their content), the style sheets and the font kept at install, the scripts when a chapter is kept;
// - pages: always asked of the server; without a connection (or after NAVIGATION_TIMEOUT_S on a
//   signal too weak to answer), the copy the learner kept, else the offline page kept at install;
// - a module's captions: the same, without the offline page;
// - the rest of the API, sign-in, media and every write: not touched.
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist, type PrecacheEntry, type SerwistPlugin } from "serwist";
import { ASSET_CACHE, BUILD_FILES_MESSAGE, KEPT_CACHE } from "@/lib/offline-keep";
import { OFFLINE_PAGE_PATH, offlineRuleOf } from "@/lib/offline-policy";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const NAVIGATION_TIMEOUT_S = 10;

function ruleOf(url: URL, request: Request) {
  return offlineRuleOf({ method: request.method, path: url.pathname, sameOrigin: url.origin === self.location.origin, mode: request.mode });
}

async function keptCopyOf(request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  return (await caches.open(KEPT_CACHE)).match(url.origin + url.pathname);
}

/** A page the server could not give: the learner's kept copy, else the offline page (`serwist` is built below, before any fetch). */
const keptPageOrOfflinePage: SerwistPlugin = {
  handlerDidError: async ({ request }) => (await keptCopyOf(request)) ?? (await serwist.matchPrecache(OFFLINE_PAGE_PATH)) ?? Response.error(),
};

/** Captions the server could not give: the kept copy, else the failure. */
const keptResource: SerwistPlugin = {
  handlerDidError: async ({ request }) => (await keptCopyOf(request)) ?? Response.error(),
};

const manifest = self.__SW_MANIFEST ?? [];
const urlOf = (entry: PrecacheEntry | string) => (typeof entry === "string" ? entry : entry.url);
const isScript = (entry: PrecacheEntry | string) => urlOf(entry).endsWith(".js");
const isBuildFile = (entry: PrecacheEntry | string) => urlOf(entry).startsWith("/_next/static/");

// The build's scripts are not kept at install (about 330 kB gzip that most visits never need): a
// learner who keeps a chapter asks for the build's files (BUILD_FILES_MESSAGE) and keeps them then,
// so that the player and the quiz, loaded on demand, start offline too, and the kept pages keep
// their style sheets after the next deployment.
self.addEventListener("message", (event) => {
  if (event.data === BUILD_FILES_MESSAGE) event.ports[0]?.postMessage(manifest.filter(isBuildFile).map(urlOf));
});

const serwist = new Serwist({
  precacheEntries: manifest.filter((entry) => !isScript(entry)),
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
      handler: new NetworkOnly({ networkTimeoutSeconds: NAVIGATION_TIMEOUT_S, plugins: [keptPageOrOfflinePage] }),
    },
    {
      matcher: ({ url, request }) => ruleOf(url, request) === "resource",
      handler: new NetworkOnly({ networkTimeoutSeconds: NAVIGATION_TIMEOUT_S, plugins: [keptResource] }),
    },
  ],
});

serwist.addEventListeners();
