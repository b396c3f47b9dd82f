"use client";

import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n";
import type { KeptChapterPlan } from "@/lib/offline-keep";
import { keptText, sharedFilesText, spaceText, type KeepOfflineLabels } from "./keep-offline";
import { bytesToKeep, freeSpaceBytes, isOfflineKeepingAvailable, isOutdated, keepChapter, keptChaptersOf, removeKeptChapter, type KeptChapter } from "./kept-chapters";

export type KeptProgrammeLabels = KeepOfflineLabels & {
  programmeIntro: string;
  keepAll: string;
  keptHeading: string;
  nothingKept: string;
  allKept: string;
  savingChapter: string;
  removeChapter: string;
};

type State =
  | { kind: "loading" }
  | { kind: "unavailable" }
  | { kind: "ready"; kept: KeptChapter[]; missing: KeptChapterPlan[]; neededBytes: number; freeBytes: number | null }
  | { kind: "saving"; chapter: number; chapters: number; done: number; total: number }
  | { kind: "failed"; kept: KeptChapter[] };

/**
 * Mon parcours, « Hors ligne sur cet appareil »: keeps the whole programme at once (each chapter
 * as « Garder ce chapitre hors ligne » does, one after the other), with the space it will take and
 * the space left, then lists what this account kept on this device, with « Retirer » for each.
 * The last section of the page: when its list appears, nothing below it moves.
 */
export function KeptProgramme({
  plans,
  titles,
  accountId,
  locale,
  labels,
}: {
  plans: KeptChapterPlan[];
  titles: Record<string, string>;
  accountId: string;
  locale: Locale;
  labels: KeptProgrammeLabels;
}) {
  const [state, setState] = useState<State>({ kind: "loading" });

  /** The chapters not kept yet, or kept from older content. */
  function toKeep(kept: KeptChapter[]) {
    const current = new Map(kept.map((k) => [k.chapterId, k]));
    return plans.filter((plan) => current.get(plan.chapterId)?.version !== plan.version);
  }

  async function refresh() {
    if (!isOfflineKeepingAvailable()) return setState({ kind: "unavailable" });
    const kept = keptChaptersOf(accountId);
    const missing = toKeep(kept);
    const [neededBytes, freeBytes] = await Promise.all([
      bytesToKeep(missing).catch(() => missing.reduce((sum, plan) => sum + plan.estimatedBytes, 0)),
      freeSpaceBytes().catch(() => null),
    ]);
    setState({ kind: "ready", kept, missing, neededBytes, freeBytes });
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function keepAll(missing: KeptChapterPlan[]) {
    try {
      for (const [index, plan] of missing.entries()) {
        setState({ kind: "saving", chapter: index + 1, chapters: missing.length, done: 0, total: 0 });
        await keepChapter(plan, accountId, (done, total) => setState({ kind: "saving", chapter: index + 1, chapters: missing.length, done, total }));
      }
      await refresh();
    } catch {
      setState({ kind: "failed", kept: keptChaptersOf(accountId) });
    }
  }

  async function remove(chapterId: string) {
    await removeKeptChapter(chapterId, accountId);
    await refresh();
  }

  let status: string;
  let missing: KeptChapterPlan[] = [];
  switch (state.kind) {
    case "loading":
      status = labels.measuring;
      break;
    case "unavailable":
      status = labels.unavailable;
      break;
    case "saving":
      status = labels.savingChapter
        .replace("{chapter}", String(state.chapter))
        .replace("{chapters}", String(state.chapters))
        .replace("{done}", String(state.done))
        .replace("{total}", String(state.total));
      break;
    case "failed":
      status = labels.failed;
      missing = toKeep(state.kept);
      break;
    case "ready":
      missing = state.missing;
      status = missing.length === 0 ? labels.allKept : spaceText(labels, state.neededBytes, state.freeBytes, locale);
      break;
  }
  const kept = state.kind === "ready" || state.kind === "failed" ? state.kept : [];
  const isBusy = state.kind === "saving" || state.kind === "loading";
  const shared = sharedFilesText(labels, kept, locale);

  return (
    <section aria-labelledby="kept-programme-heading" data-testid="kept-programme" className="min-h-48 space-y-3 rounded-lg border border-neutral-200 bg-white p-5">
      <h2 id="kept-programme-heading" className="text-xl font-semibold">
        {labels.heading}
      </h2>
      <p className="max-w-3xl text-sm text-neutral-700">{labels.programmeIntro.replace("{count}", String(plans.length))}</p>
      <p role="status" className="min-h-5 text-sm text-neutral-800">
        {state.kind === "saving" && <progress className="mr-2 align-middle" max={state.total || 1} value={state.done} aria-hidden="true" />}
        {status}
      </p>
      <noscript>
        <p className="text-sm text-neutral-800">{labels.needsJavaScript}</p>
      </noscript>
      <button
        type="button"
        disabled={isBusy || state.kind === "unavailable" || missing.length === 0}
        onClick={() => void keepAll(missing)}
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-neutral-400"
      >
        {labels.keepAll}
      </button>
      <h3 className="pt-2 font-semibold">{labels.keptHeading}</h3>
      {kept.length === 0 ? (
        <p className="text-sm text-neutral-700">{state.kind === "loading" ? labels.measuring : labels.nothingKept}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded border border-neutral-200" data-testid="kept-list">
          {kept.map((chapter) => {
            const title = titles[chapter.chapterId] ?? chapter.chapterId;
            const isOld = isOutdated(chapter) || plans.find((p) => p.chapterId === chapter.chapterId)?.version !== chapter.version;
            return (
              <li key={chapter.chapterId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <div className="min-w-0">
                  <a href={`/chapters/${chapter.chapterId}`} className="font-medium text-brand-700 underline">
                    {title}
                  </a>
                  <p className="text-sm text-neutral-700">
                    {keptText(labels, chapter, locale)}
                    {isOld && ` ${labels.outdated}`}
                  </p>
                </div>
                <button
                  type="button"
                  disabled={isBusy}
                  onClick={() => void remove(chapter.chapterId)}
                  aria-label={labels.removeChapter.replace("{title}", title)}
                  className="rounded border border-neutral-300 px-3 py-1.5 text-sm font-medium text-neutral-900 hover:bg-neutral-50 disabled:cursor-not-allowed disabled:text-neutral-500"
                >
                  {labels.remove}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {shared && <p className="text-sm text-neutral-700">{shared}</p>}
    </section>
  );
}
