"use client";

import { useEffect, useState } from "react";
import { queuedQuizAttemptCount, sendQueuedQuizAttempts } from "@/components/module/quiz-outbox";
import { queuedReportCount, sendQueuedReports } from "@/components/player/progress-reporter";
import { forgetOtherAccountsChapters, isOutdated, keptCopyShown, refreshOutdatedChapters } from "@/components/programme/kept-chapters";
import type { Locale } from "@/lib/i18n";
import { SERVICE_WORKER_URL } from "@/lib/offline-policy";

const RETRY_EVERY_MS = 15_000;

export type OfflineLabels = { banner: string; queuedOne: string; queued: string; nothingQueued: string; keptCopy: string; keptCopyOutdated: string };

/** The caches this platform's service worker fills (app/sw.ts: its own, and Serwist's precache). */
function isOurCache(name: string) {
  return name.startsWith("accelerateur-") || name.startsWith("serwist-");
}

/** Runs `work` once the page has loaded and the browser is idle (at most 3 s later); returns a cancel. */
function whenLoadedAndIdle(work: () => void): () => void {
  let idleHandle: number | null = null;
  let timer: number | null = null;
  const schedule = () => {
    if (typeof window.requestIdleCallback === "function") idleHandle = window.requestIdleCallback(work, { timeout: 3000 });
    else timer = window.setTimeout(work, 1000);
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    window.removeEventListener("load", schedule);
    if (idleHandle !== null) window.cancelIdleCallback(idleHandle);
    if (timer !== null) window.clearTimeout(timer);
  };
}

/** With OFFLINE=off: the worker registered before goes, with what it kept. */
async function unregisterWorker() {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
  if ("caches" in window) for (const name of await caches.keys()) if (isOurCache(name)) await caches.delete(name);
}

/**
 * On every page: registers the service worker (app/sw.ts) unless the operator switched offline use
 * off, deletes the chapters another account kept on this browser, sends the progress reports and quiz
 * attempts queued on this device when the page loads and when the connection comes
 * back, and, while offline, says so at the bottom of the screen with the number waiting. A page the
 * worker answered with a kept copy says when it was kept, and whether the content changed since;
 * online, the copies kept from older content are kept again.
 * The bar is fixed, over the page: it moves nothing when it appears.
 */
export function OfflineStatus({ isEnabled, accountId, locale, labels }: { isEnabled: boolean; accountId: string | null; locale: Locale; labels: OfflineLabels }) {
  const [isOffline, setIsOffline] = useState(false);
  const [queued, setQueued] = useState(0);
  const [keptCopy, setKeptCopy] = useState<string | null>(null);

  useEffect(() => {
    const waiting = () => queuedReportCount() + queuedQuizAttemptCount();
    const refresh = () => {
      setIsOffline(!navigator.onLine);
      setQueued(waiting());
    };
    /** Whether this page is a kept copy (then said in the bar, and nothing is refreshed: the server could not be reached). */
    const sayKeptCopy = async (id: string) => {
      const kept = await keptCopyShown(id);
      if (!kept) return false;
      const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short" }).format(new Date(kept.keptAt));
      setKeptCopy((isOutdated(kept) ? labels.keptCopyOutdated : labels.keptCopy).replace("{date}", date));
      return true;
    };
    const sendThenRefresh = () => {
      refresh();
      if (waiting() > 0) void Promise.all([sendQueuedReports(), sendQueuedQuizAttempts()]).finally(refresh);
    };
    refresh();
    // After the page has loaded and the main thread is idle: the worker's install (and the first
    // sends) must not compete with the page's own start on a slow phone.
    const cancelIdle = whenLoadedAndIdle(() => {
      if ("serviceWorker" in navigator) {
        if (isEnabled) void navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => undefined);
        else void unregisterWorker().catch(() => undefined);
      }
      // Another account signed in on this browser: the chapters the previous one kept go.
      void forgetOtherAccountsChapters(accountId).catch(() => undefined);
      sendThenRefresh();
      if (accountId !== null && isEnabled) void sayKeptCopy(accountId).then((shown) => (shown ? undefined : refreshOutdatedChapters(accountId))).catch(() => undefined);
    });
    // The connection back: the browser may say so a moment before the service worker's requests
    // go through again (its sends then fail and wait for the next try): once now, once shortly after.
    let onlineAgain: number | null = null;
    const sendWhenOnline = () => {
      sendThenRefresh();
      if (onlineAgain !== null) window.clearTimeout(onlineAgain);
      onlineAgain = window.setTimeout(sendThenRefresh, 3000);
    };
    window.addEventListener("online", sendWhenOnline);
    window.addEventListener("offline", refresh);
    window.addEventListener("storage", refresh);
    // The player on this page queues reports in this tab too (no storage event for one's own writes).
    const refreshTimer = window.setInterval(refresh, 5000);
    // A weak signal comes back without an "online" event (navigator.onLine never said offline): try again now and then.
    const retryTimer = window.setInterval(() => waiting() > 0 && sendThenRefresh(), RETRY_EVERY_MS);
    return () => {
      cancelIdle();
      window.removeEventListener("online", sendWhenOnline);
      if (onlineAgain !== null) window.clearTimeout(onlineAgain);
      window.removeEventListener("offline", refresh);
      window.removeEventListener("storage", refresh);
      window.clearInterval(refreshTimer);
      window.clearInterval(retryTimer);
    };
  }, [isEnabled, accountId]);

  const waiting = queued === 0 ? labels.nothingQueued : queued === 1 ? labels.queuedOne : labels.queued.replace("{count}", String(queued));
  const isShown = isOffline || keptCopy !== null;
  // The live region is always there (empty online), so that screen readers announce the change.
  return (
    <div role="status" data-testid="offline-status" className={isShown ? "fixed inset-x-0 bottom-0 z-40 border-t border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950" : "sr-only"}>
      {isOffline && (
        <>
          <strong>{labels.banner}</strong> · {waiting}
        </>
      )}
      {isOffline && keptCopy && <br />}
      {keptCopy && <span data-testid="kept-copy">{keptCopy}</span>}
    </div>
  );
}
