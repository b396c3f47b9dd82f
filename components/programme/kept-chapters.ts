"use client";

/**
 * The chapters a learner kept on this device (« Garder ce chapitre hors ligne »): the pages,
 * captions and videos of lib/offline-keep.ts in the cache the service worker answers from offline
 * (app/sw.ts), the build's files in its asset cache, and a list in localStorage (which chapter, its
 * content version, when, how many bytes, which addresses, and whose). A copy of an older version is
 * kept again on the next visit online (refreshOutdatedChapters). Sign-out, erasure and another
 * account signing in on this browser delete them all, with the worker's queue of reports (forgetKeptChapters).
 */
import {
  ASSET_CACHE,
  BUILD_FILES_MESSAGE,
  FORGET_REPORTS_MESSAGE,
  isKeptCopyOutdated,
  KEPT_CACHE,
  KEPT_COPY_QUESTION,
  type BuildFile,
  type KeptChapterPlan,
} from "@/lib/offline-keep";

const LIST_KEY = "accelerateur.kept";
/** The content's versions as last seen online (GET /api/offline/chapters): what tells a kept copy is older. */
const VERSIONS_KEY = "accelerateur.content-versions";
const PARALLEL_FETCHES = 4;

/** `bytes`: the chapter's pages, captions and videos; `buildFileBytes`: the build's files, shared by every kept chapter. */
export type KeptChapter = { chapterId: string; version: string; keptAt: number; bytes: number; buildFileBytes: number; urls: string[] };
type KeptList = { accountId: string; chapters: KeptChapter[] };

function readList(): KeptList | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(LIST_KEY) ?? "null") as KeptList | null;
    return parsed && typeof parsed.accountId === "string" && Array.isArray(parsed.chapters) ? parsed : null;
  } catch {
    return null;
  }
}

function writeList(list: KeptList | null) {
  if (list && list.chapters.length) window.localStorage.setItem(LIST_KEY, JSON.stringify(list));
  else window.localStorage.removeItem(LIST_KEY);
}

export function isOfflineKeepingAvailable(): boolean {
  return typeof window !== "undefined" && "caches" in window && "serviceWorker" in navigator;
}

/** The chapters this account kept on this device (none for another account's list). */
export function keptChaptersOf(accountId: string): KeptChapter[] {
  const list = readList();
  return list?.accountId === accountId ? list.chapters : [];
}

/** What the device has left, when the browser says (navigator.storage.estimate). */
export async function freeSpaceBytes(): Promise<number | null> {
  if (!navigator.storage?.estimate) return null;
  const { quota, usage } = await navigator.storage.estimate();
  return quota === undefined ? null : Math.max(0, quota - (usage ?? 0));
}

/** Asks the service worker (app/sw.ts) and returns its answer; `worker`: the active one by default. */
async function askWorker<T>(message: string, worker?: ServiceWorker | null, timeoutMs = 10_000): Promise<T> {
  const target = worker === undefined ? (await navigator.serviceWorker.ready).active : worker;
  if (!target) throw new Error("no active service worker");
  const channel = new MessageChannel();
  const answer = new Promise<T>((resolve, reject) => {
    channel.port1.onmessage = (event: MessageEvent<T>) => resolve(event.data);
    setTimeout(() => reject(new Error("the service worker did not answer")), timeoutMs);
  });
  target.postMessage(message, [channel.port2]);
  return answer;
}

/** The build's files (scripts, style sheets, font) with their sizes, as the service worker lists them: the player and the quiz load their scripts on demand. */
const buildFiles = () => askWorker<BuildFile[]>(BUILD_FILES_MESSAGE);

/**
 * What keeping `plans` will take on this device, in bytes, before anything is fetched: the pages'
 * and captions' estimate (lib/offline-keep.ts), the videos' sizes as the server says them, and
 * the build's files this device does not have yet.
 */
export async function bytesToKeep(plans: readonly KeptChapterPlan[]): Promise<number> {
  const files = await buildFiles().catch(() => [] as BuildFile[]);
  let missingFileBytes = 0;
  // Any of this platform's caches: the style sheets and the font are precached at install.
  for (const file of files) if (!(await caches.match(file.url))) missingFileBytes += file.bytes;
  let mediaBytes = 0;
  for (const url of new Set(plans.flatMap((plan) => plan.media))) {
    const head = await fetch(url, { method: "HEAD" }).catch(() => null);
    mediaBytes += Number(head?.headers.get("content-length") ?? 0) || 0;
  }
  return plans.reduce((sum, plan) => sum + plan.estimatedBytes, 0) + mediaBytes + missingFileBytes;
}

/** Runs `work` on every item, PARALLEL_FETCHES at a time (a phone's connection: a few requests in flight, not dozens). */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_FETCHES, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Keeps a chapter: asks the browser to keep this site's storage (persistent storage), fetches each
 * page and captions as the learner's browser gets them, then the build's files it lacks, reporting
 * progress; on any failure no page of this chapter is left half kept. Returns the kept entry.
 */
export async function keepChapter(plan: KeptChapterPlan, accountId: string, onProgress: (done: number, total: number) => void): Promise<KeptChapter> {
  await navigator.storage?.persist?.().catch(() => false);
  const kept = await caches.open(KEPT_CACHE);
  const assets = await caches.open(ASSET_CACHE);
  const urls = [...plan.pages, ...plan.resources, ...plan.media];
  const files = (await buildFiles()).map((file) => file.url);
  const total = urls.length + files.length;
  const fetched = new Map<string, Response>();
  let bytes = 0;
  let buildFileBytes = 0;
  let done = 0;
  await inParallel(urls, async (url) => {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    // Read the size before adding: `bytes += await …` would add to the total as it was before the await, and lose a parallel fetch's bytes.
    const size = (await response.clone().blob()).size;
    bytes += size;
    fetched.set(url, response);
    onProgress(++done, total);
  });
  // The build's files are shared by every kept chapter and account: fetched once.
  await inParallel(files, async (url) => {
    const cached = await assets.match(url);
    const response = cached ?? (await fetch(url));
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const size = (await response.clone().blob()).size;
    buildFileBytes += size;
    if (!cached) await assets.put(url, response);
    onProgress(++done, total);
  });
  // Only now, all fetched: the chapter's copies replace any older ones together.
  for (const url of urls) await kept.put(url, fetched.get(url)!);
  const entry: KeptChapter = { chapterId: plan.chapterId, version: plan.version, keptAt: Date.now(), bytes, buildFileBytes, urls };
  const list = readList();
  const others = list?.accountId === accountId ? list.chapters.filter((c) => c.chapterId !== plan.chapterId) : [];
  writeList({ accountId, chapters: [...others, entry] });
  return entry;
}

/** Removes one kept chapter; an address another kept chapter also holds (a twin elsewhere) stays. */
export async function removeKeptChapter(chapterId: string, accountId: string) {
  const list = readList();
  if (!list || list.accountId !== accountId) return;
  const removed = list.chapters.find((c) => c.chapterId === chapterId);
  const others = list.chapters.filter((c) => c.chapterId !== chapterId);
  const stillNeeded = new Set(others.flatMap((c) => c.urls));
  const kept = await caches.open(KEPT_CACHE);
  for (const url of removed?.urls ?? []) if (!stillNeeded.has(url)) await kept.delete(url);
  writeList({ accountId, chapters: others });
}

/**
 * Deletes every kept page and video, the list, and the reports the service worker still has to
 * send: sign-out, erasure, or another account on this browser.
 */
export async function forgetKeptChapters() {
  writeList(null);
  if ("caches" in window) await caches.delete(KEPT_CACHE);
  const worker = "serviceWorker" in navigator ? navigator.serviceWorker.controller : null;
  // A worker of an older build does not know the question: sign-out does not wait for it long.
  if (worker) await askWorker<boolean>(FORGET_REPORTS_MESSAGE, worker, 3000).catch(() => undefined);
}

type Versions = Record<string, string>;

function readVersions(): Versions | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(VERSIONS_KEY) ?? "null") as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Versions) : null;
  } catch {
    return null;
  }
}

/** What keeping each chapter takes now, with the content's versions (remembered for offline). */
export async function currentPlans(): Promise<KeptChapterPlan[]> {
  const response = await fetch("/api/offline/chapters", { cache: "no-store" });
  if (!response.ok) throw new Error(`/api/offline/chapters: ${response.status}`);
  const { chapters } = (await response.json()) as { chapters: KeptChapterPlan[] };
  window.localStorage.setItem(VERSIONS_KEY, JSON.stringify(Object.fromEntries(chapters.map((plan) => [plan.chapterId, plan.version]))));
  return chapters;
}

/** Whether this kept chapter is older than the content, as last seen online on this device. */
export function isOutdated(kept: KeptChapter): boolean {
  return isKeptCopyOutdated(kept.version, readVersions(), kept.chapterId);
}

/**
 * On a visit online (every page, once idle): the chapters this account kept from an older version
 * of the content are kept again, one after the other. A chapter gone from the programme stays as
 * it was (« Retirer » removes it). Returns the chapters refreshed.
 */
export async function refreshOutdatedChapters(accountId: string): Promise<string[]> {
  if (!isOfflineKeepingAvailable() || keptChaptersOf(accountId).length === 0) return [];
  const plans = new Map((await currentPlans()).map((plan) => [plan.chapterId, plan]));
  const refreshed: string[] = [];
  for (const kept of keptChaptersOf(accountId)) {
    const plan = plans.get(kept.chapterId);
    if (!plan || plan.version === kept.version) continue;
    await keepChapter(plan, accountId, () => undefined);
    refreshed.push(kept.chapterId);
  }
  return refreshed;
}

/**
 * The kept chapter this page was answered from, when the service worker answered it with a kept
 * copy (the server could not be reached): the page then says when it was kept, and whether the
 * content has changed since.
 */
export async function keptCopyShown(accountId: string): Promise<KeptChapter | null> {
  const worker = "serviceWorker" in navigator ? navigator.serviceWorker.controller : null;
  if (!worker || !(await askWorker<boolean>(KEPT_COPY_QUESTION, worker, 3000).catch(() => false))) return null;
  return keptChaptersOf(accountId).find((kept) => kept.urls.includes(window.location.pathname)) ?? null;
}

/** Called on every page: the kept copies of another account than the one signed in go. */
export async function forgetOtherAccountsChapters(accountId: string | null) {
  const list = readList();
  if (accountId !== null && list && list.accountId !== accountId) await forgetKeptChapters();
}
