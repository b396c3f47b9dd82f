"use client";

/**
 * The chapters a learner kept on this device (« Garder ce chapitre hors ligne »): the pages and
 * captions of lib/offline-keep.ts in the cache the service worker answers from offline (app/sw.ts),
 * the build's files in its asset cache, and a list in localStorage (which chapter, when,
 * how many bytes, which addresses, and whose). Sign-out, erasure and another account signing in on
 * this browser delete them all (forgetKeptChapters).
 */
import { ASSET_CACHE, BUILD_FILES_MESSAGE, KEPT_CACHE, type KeptChapterPlan } from "@/lib/offline-keep";

const LIST_KEY = "accelerateur.kept";
const PARALLEL_FETCHES = 4;

/** `bytes`: the chapter's pages and captions; `buildFileBytes`: the build's files, shared by every kept chapter. */
export type KeptChapter = { chapterId: string; keptAt: number; bytes: number; buildFileBytes: number; urls: string[] };
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

/** The build's files (scripts, style sheets, font), as the service worker lists them (app/sw.ts): the player and the quiz load their scripts on demand. */
async function buildFiles(): Promise<string[]> {
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) throw new Error("no active service worker");
  const channel = new MessageChannel();
  const answer = new Promise<string[]>((resolve, reject) => {
    channel.port1.onmessage = (event: MessageEvent<string[]>) => resolve(event.data);
    setTimeout(() => reject(new Error("the service worker did not answer")), 10_000);
  });
  worker.postMessage(BUILD_FILES_MESSAGE, [channel.port2]);
  return answer;
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
  const urls = [...plan.pages, ...plan.resources];
  const files = await buildFiles();
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
  const entry: KeptChapter = { chapterId: plan.chapterId, keptAt: Date.now(), bytes, buildFileBytes, urls };
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

/** Deletes every kept page and the list: sign-out, erasure, or another account on this browser. */
export async function forgetKeptChapters() {
  writeList(null);
  if ("caches" in window) await caches.delete(KEPT_CACHE);
}

/** Called on every page: the kept copies of another account than the one signed in go. */
export async function forgetOtherAccountsChapters(accountId: string | null) {
  const list = readList();
  if (accountId !== null && list && list.accountId !== accountId) await forgetKeptChapters();
}
