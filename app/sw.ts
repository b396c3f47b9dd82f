/// <reference lib="webworker" />
// The service worker, built by Serwist (app/serwist/[path]/route.ts bundles this file with esbuild
// and serves it at /serwist/sw.js). What it does with each request is lib/offline-policy.ts:
// - build files, icons and the manifest: from the device once fetched (their names change with
//   their content), the style sheets and the font kept at install, the scripts when a chapter is kept;
// - pages: always asked of the server; without a connection (or after NAVIGATION_TIMEOUT_S on a
//   signal too weak to answer), the copy the learner kept, else the offline page kept at install;
// - a module's captions: the same, without the offline page;
// - a module's video on this origin: the kept copy, cut to the player's ranges, else the server;
// - progress reports and quiz attempts: sent again when the connection comes back (Background Sync);
// - the rest of the API, sign-in and every other write: not touched.
import { BackgroundSyncQueue, CacheFirst, createPartialResponse, ExpirationPlugin, NetworkOnly, Serwist, type PrecacheEntry, type SerwistPlugin } from "serwist";
import { ASSET_CACHE, BUILD_FILES_MESSAGE, FORGET_REPORTS_MESSAGE, KEPT_CACHE, KEPT_COPY_QUESTION, type BuildFile } from "@/lib/offline-keep";
import { OFFLINE_PAGE_PATH, offlineRuleOf, REPORT_QUEUE } from "@/lib/offline-policy";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const NAVIGATION_TIMEOUT_S = 10;

function ruleOf(url: URL, request: Request) {
  return offlineRuleOf({ method: request.method, path: url.pathname, sameOrigin: url.origin === self.location.origin, mode: request.mode });
}

async function keptCopyOf(request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  return (await caches.open(KEPT_CACHE)).match(url.origin + url.pathname);
}

/** The pages (their windows' ids) this worker answered with a kept copy: they ask (KEPT_COPY_QUESTION), to say so. */
const keptCopyWindows = new Set<string>();

/** A page the server could not give: the learner's kept copy, else the offline page (`serwist` is built below, before any fetch). */
const keptPageOrOfflinePage: SerwistPlugin = {
  handlerDidError: async ({ request, event }) => {
    const kept = await keptCopyOf(request);
    if (kept) {
      const windowId = (event as FetchEvent).resultingClientId;
      if (windowId) keptCopyWindows.add(windowId);
      return kept;
    }
    return (await serwist.matchPrecache(OFFLINE_PAGE_PATH)) ?? Response.error();
  },
};

/**
 * The reports the server could not be reached for, sent again by Serwist when the browser says the
 * connection is back (Background Sync), even with no page open. Kept up to a day (in minutes): the
 * playback session a report carries lasts as long (server/playback-session.ts). Emptied at sign-out
 * (FORGET_REPORTS_MESSAGE): another account must never send them.
 */
const reportQueue = new BackgroundSyncQueue(REPORT_QUEUE, { maxRetentionTime: 24 * 60 });
/** Keeps a report the server could not be reached for, once: the page sends its own queue again and again while offline. */
const keepFailedReport: SerwistPlugin = {
  fetchDidFail: async ({ request }) => {
    const body = await request.clone().text();
    for (const entry of await reportQueue.getAll()) if ((await entry.request.clone().text()) === body) return;
    await reportQueue.pushRequest({ request });
  },
};

async function forgetReports() {
  while (await reportQueue.shiftRequest());
}

/** A video: the kept copy, whole or the range the player asks for (Serwist's createPartialResponse), else the server's answer. */
async function keptVideo({ request }: { request: Request }): Promise<Response> {
  const kept = await keptCopyOf(request);
  if (!kept) return fetch(request);
  return request.headers.has("range") ? createPartialResponse(request, kept) : kept;
}

/** Captions the server could not give: the kept copy, else the failure. */
const keptResource: SerwistPlugin = {
  handlerDidError: async ({ request }) => (await keptCopyOf(request)) ?? Response.error(),
};

const manifest = self.__SW_MANIFEST ?? [];
const urlOf = (entry: PrecacheEntry | string) => (typeof entry === "string" ? entry : entry.url);
const isScript = (entry: PrecacheEntry | string) => urlOf(entry).endsWith(".js");
const isBuildFile = (entry: PrecacheEntry | string) => urlOf(entry).startsWith("/_next/static/");
/** A script's revision says its size (app/serwist/[path]/route.ts); the other files are precached at install, already on the device. */
const SCRIPT_SIZE_REVISION = /^bytes=(\d+)$/;
const buildFileOf = (entry: PrecacheEntry | string): BuildFile => ({
  url: urlOf(entry),
  bytes: Number(SCRIPT_SIZE_REVISION.exec(typeof entry === "string" ? "" : (entry.revision ?? ""))?.[1] ?? 0),
});

// The build's scripts are not kept at install (about 330 kB gzip that most visits never need): a
// learner who keeps a chapter asks for the build's files (BUILD_FILES_MESSAGE) and keeps them then,
// so that the player and the quiz, loaded on demand, start offline too, and the kept pages keep
// their style sheets after the next deployment.
self.addEventListener("message", (event) => {
  if (event.data === BUILD_FILES_MESSAGE) event.ports[0]?.postMessage(manifest.filter(isBuildFile).map(buildFileOf));
  if (event.data === FORGET_REPORTS_MESSAGE) event.waitUntil(forgetReports().then(() => event.ports[0]?.postMessage(true)));
  if (event.data === KEPT_COPY_QUESTION) {
    const source = event.source;
    event.ports[0]?.postMessage(!!source && "id" in source && keptCopyWindows.has(source.id));
  }
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
    { matcher: ({ url, request }) => ruleOf(url, request) === "media", handler: keptVideo },
    {
      matcher: ({ url, request }) => ruleOf(url, request) === "report",
      method: "POST",
      handler: new NetworkOnly({ plugins: [keepFailedReport] }),
    },
  ],
});

serwist.addEventListeners();
