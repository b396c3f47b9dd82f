"use client";

import { useEffect, useState } from "react";
import { formatBytes } from "@/lib/format";
import type { Locale } from "@/lib/i18n";
import type { KeptChapterPlan } from "@/lib/offline-keep";
import { bytesToKeep, freeSpaceBytes, isOfflineKeepingAvailable, isOutdated, keepChapter, keptChaptersOf, removeKeptChapter, type KeptChapter } from "./kept-chapters";

export type KeepOfflineLabels = {
  heading: string;
  intro: string;
  keep: string;
  refresh: string;
  remove: string;
  freeSpace: string;
  freeSpaceUnknown: string;
  measuring: string;
  outdated: string;
  saving: string;
  kept: string;
  sharedFiles: string;
  failed: string;
  unavailable: string;
  needsJavaScript: string;
};

type State =
  | { kind: "loading" }
  | { kind: "unavailable" }
  | { kind: "ready"; kept: KeptChapter | null; neededBytes: number; freeBytes: number | null }
  | { kind: "saving"; done: number; total: number }
  | { kind: "failed" };

/** « Il faudra environ … · espace libre … », from the labels. */
export function spaceText(labels: Pick<KeepOfflineLabels, "freeSpace" | "freeSpaceUnknown">, neededBytes: number, freeBytes: number | null, locale: Locale): string {
  const needed = formatBytes(neededBytes, locale);
  return freeBytes === null ? labels.freeSpaceUnknown.replace("{size}", needed) : labels.freeSpace.replace("{size}", needed).replace("{free}", formatBytes(freeBytes, locale));
}

/** « Gardé hors ligne le … · … » (the chapter's own pages, captions and videos), from the labels. */
export function keptText(labels: Pick<KeepOfflineLabels, "kept">, kept: KeptChapter, locale: Locale): string {
  const when = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short" }).format(new Date(kept.keptAt));
  return labels.kept.replace("{date}", when).replace("{size}", formatBytes(kept.bytes, locale));
}

/** « Fichiers de l'application, partagés … : … »: the build's files, kept once for every chapter. */
export function sharedFilesText(labels: Pick<KeepOfflineLabels, "sharedFiles">, kept: readonly KeptChapter[], locale: Locale): string | null {
  const bytes = Math.max(0, ...kept.map((chapter) => chapter.buildFileBytes ?? 0));
  return bytes > 0 ? labels.sharedFiles.replace("{size}", formatBytes(bytes, locale)) : null;
}

/**
 * « Garder ce chapitre hors ligne » on a chapter page (signed-in learners): what it keeps, the
 * space it will take and the space left on the device, then the progress while it saves, then when
 * it was kept, its size, whether the content changed since, and « Retirer ». The box keeps its height in every state (nothing below it moves), and without
 * JavaScript says it needs it.
 */
export function KeepOffline({ plan, accountId, locale, labels }: { plan: KeptChapterPlan; accountId: string; locale: Locale; labels: KeepOfflineLabels }) {
  const [state, setState] = useState<State>({ kind: "loading" });

  async function refresh() {
    if (!isOfflineKeepingAvailable()) return setState({ kind: "unavailable" });
    const kept = keptChaptersOf(accountId).find((c) => c.chapterId === plan.chapterId) ?? null;
    const [neededBytes, freeBytes] = await Promise.all([bytesToKeep([plan]).catch(() => plan.estimatedBytes), freeSpaceBytes().catch(() => null)]);
    setState({ kind: "ready", kept, neededBytes, freeBytes });
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function keep() {
    setState({ kind: "saving", done: 0, total: plan.pages.length + plan.resources.length + plan.media.length });
    try {
      await keepChapter(plan, accountId, (done, total) => setState({ kind: "saving", done, total }));
      await refresh();
    } catch {
      setState({ kind: "failed" });
    }
  }

  async function remove() {
    await removeKeptChapter(plan.chapterId, accountId);
    await refresh();
  }

  const count = String(plan.pages.length);
  const intro = labels.intro.replace("{count}", count);
  let status: string;
  let action: { label: string; onClick: () => void } | null = null;
  let secondary: { label: string; onClick: () => void } | null = null;
  switch (state.kind) {
    case "loading":
      status = labels.measuring;
      break;
    case "unavailable":
      status = labels.unavailable;
      break;
    case "saving":
      status = labels.saving.replace("{done}", String(state.done)).replace("{total}", String(state.total));
      break;
    case "failed":
      status = labels.failed;
      action = { label: labels.keep, onClick: () => void keep() };
      break;
    case "ready":
      if (state.kept) {
        status = [
          keptText(labels, state.kept, locale),
          sharedFilesText(labels, [state.kept], locale),
          isOutdated(state.kept) || state.kept.version !== plan.version ? labels.outdated : null,
        ]
          .filter(Boolean)
          .join(" ");
        action = { label: labels.refresh, onClick: () => void keep() };
        secondary = { label: labels.remove, onClick: () => void remove() };
      } else {
        status = spaceText(labels, state.neededBytes, state.freeBytes, locale);
        action = { label: labels.keep, onClick: () => void keep() };
      }
      break;
  }

  return (
    <section aria-labelledby="keep-offline-heading" data-testid="keep-offline" className="min-h-40 space-y-2 rounded-lg border border-neutral-200 bg-white p-4 sm:min-h-32">
      <h2 id="keep-offline-heading" className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <p className="text-sm text-neutral-700">{intro}</p>
      <p role="status" className="min-h-5 text-sm text-neutral-800">
        {state.kind === "saving" ? (
          <>
            <progress className="mr-2 align-middle" max={state.total} value={state.done} aria-hidden="true" />
            {status}
          </>
        ) : (
          status
        )}
      </p>
      <noscript>
        <p className="text-sm text-neutral-800">{labels.needsJavaScript}</p>
      </noscript>
      <div className="flex min-h-9 flex-wrap gap-2">
        <button
          type="button"
          disabled={!action}
          onClick={action?.onClick}
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-neutral-400"
        >
          {action?.label ?? labels.keep}
        </button>
        {secondary && (
          <button type="button" onClick={secondary.onClick} className="rounded border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-900 hover:bg-neutral-50">
            {secondary.label}
          </button>
        )}
      </div>
    </section>
  );
}
