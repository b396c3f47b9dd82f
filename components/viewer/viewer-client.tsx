"use client";

import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { HeaderView, type HeaderLabels } from "@/components/layout/header-view";
import { StaticHtml } from "@/components/programme/static-html";
import type { Locale } from "@/lib/i18n";
import { pathKindOf, type PathKind, type ViewerFlag, type ViewerQuery, type ViewerState } from "@/lib/viewer";

/**
 * The learner's part of a prerendered programme page (lib/viewer.ts), in the browser: one request
 * to /api/viewer per page, kept in a small store that the header, the page's sections and its
 * `data-slot` elements read.
 */
type Store = { state: ViewerState | undefined; isFailed: boolean };
let store: Store = { state: undefined, isFailed: false };
const listeners = new Set<() => void>();

function setStore(next: Store) {
  store = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const serverStore: Store = { state: undefined, isFailed: false };
// Once per document: a browser that refuses the path cookie would otherwise reload without end.
let hasReloadedForPath = false;

export function useViewerStore(): Store {
  return useSyncExternalStore(
    subscribe,
    () => store,
    () => serverStore,
  );
}

/** Fills the prerendered lists' `data-slot` elements (markup outside React's reach: StaticHtml). */
function fillSlots(slots: Record<string, string>) {
  for (const element of document.querySelectorAll<HTMLElement>("[data-slot]")) {
    const html = slots[element.dataset.slot!];
    if (html !== undefined) element.innerHTML = html;
  }
}

/** Asks /api/viewer for this page's learner part; rendered once by each programme page. */
export function ViewerLoader({ query, pathKind }: { query: ViewerQuery; pathKind: PathKind }) {
  const router = useRouter();
  const key = JSON.stringify(query);
  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams(JSON.parse(key) as Record<string, string>);
    const joined = new URLSearchParams(window.location.search).get("joined");
    if (params.get("page") === "progress" && joined) params.set("joined", joined);
    fetch(`/api/viewer?${params}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const state = (await response.json()) as ViewerState;
        if (state.signInHref) return window.location.assign(state.signInHref);
        setStore({ state, isFailed: false });
        fillSlots(state.slots);
        // The account's path is not the one this page was rendered for: /api/viewer has set the
        // path cookie to it, and proxy.ts now serves the page for that path.
        if (pathKindOf(state.isNeutralPath) !== pathKind && !hasReloadedForPath) {
          hasReloadedForPath = true;
          router.refresh();
        }
      })
      .catch(() => {
        if (!controller.signal.aborted) setStore({ state: store.state, isFailed: true });
      });
    return () => controller.abort();
  }, [key, pathKind, router]);
  return null;
}

/** The header: the account's part once known (if /api/viewer fails, neither it nor the sign-in links: ViewerFailure says so). */
export function ViewerHeader({ locale, labels }: { locale: Locale; labels: HeaderLabels }) {
  const { state } = useViewerStore();
  return <HeaderView root="programme" locale={locale} labels={labels} viewer={state?.viewer} />;
}

/** Shown only when /api/viewer could not be read (the network, the server): the page is still readable. */
export function ViewerFailure({ message }: { message: string }) {
  const { isFailed } = useViewerStore();
  if (!isFailed) return null;
  return (
    <p role="alert" className="mb-6 rounded border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
      {message}
    </p>
  );
}

/** Its children when the learner's state has this flag. */
export function ShowWhen({ flag, children }: { flag: ViewerFlag; children: ReactNode }) {
  const { state } = useViewerStore();
  return state?.flags[flag] ? children : null;
}

/** One of the learner's HTML fragments (nothing until it is known, or when it is empty). */
export function ViewerSlot({ name, as, className, testId }: { name: string; as?: "div" | "section" | "ol"; className?: string; testId?: string }) {
  const { state } = useViewerStore();
  const html = state?.slots[name];
  if (!html) return null;
  return <StaticHtml as={as} className={className} data-testid={testId} html={html} />;
}
