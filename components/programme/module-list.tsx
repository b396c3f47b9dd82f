import Link from "next/link";
import type { PathItem } from "@/lib/content/path";
import type { Module } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import type { ModuleState } from "@/lib/learner-summary";
import { StatusBadge } from "@/components/progress/status-badge";
import { KindBadge, VendorBadge } from "./vendor-badge";

/** The modules of one chapter on the learner's path, in order. */
export function ModuleList({
  items,
  modulesById,
  locale,
  t,
  isDetailed = false,
  states,
}: {
  items: PathItem[];
  modulesById: Map<string, Module>;
  locale: Locale;
  t: Translate;
  isDetailed?: boolean;
  /** The signed-in learner's progress; absent for visitors. */
  states?: ReadonlyMap<string, ModuleState>;
}) {
  return (
    <ol className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white">
      {items.map(({ module, replaces }, index) => {
        const twin = module.neutralTwinId ? modulesById.get(module.neutralTwinId) : undefined;
        return (
          <li key={module.id} className="flex gap-3 p-3 sm:p-4" data-module-id={module.id}>
            <span aria-hidden="true" className="mt-0.5 w-6 shrink-0 text-right font-semibold text-neutral-500">
              {index + 1}.
            </span>
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/modules/${module.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                  {module.title[locale]}
                </Link>
                {module.vendor && <VendorBadge t={t} />}
              </div>
              {isDetailed && <p className="text-sm text-neutral-700">{module.summary[locale]}</p>}
              <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-600">
                <KindBadge label={t(`kind.${module.kind}`)} />
                <span>{formatDuration(module.durationS, locale)}</span>
                {states && <StatusBadge status={states.get(module.id)?.status ?? "not-started"} t={t} />}
              </p>
              {replaces && (
                <p className="text-sm text-neutral-700">
                  {t("path.replaces", { title: replaces.title[locale] })} —{" "}
                  <Link href={`/modules/${replaces.id}`} className="underline">
                    {t("path.seeOriginal")}
                  </Link>
                </p>
              )}
              {twin && (
                <p className="text-sm text-neutral-700">
                  <Link href={`/modules/${twin.id}`} className="underline">
                    {t("path.neutralTwin", { title: twin.title[locale] })}
                  </Link>
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
