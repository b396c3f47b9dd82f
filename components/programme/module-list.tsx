import type { PathItem } from "@/lib/content/path";
import type { Module } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import type { ModuleState } from "@/lib/learner-summary";
import { StatusBadge } from "@/components/progress/status-badge";
import { KindBadge, VendorBadge } from "./vendor-badge";
import "./programme.css";

/**
 * The modules of one chapter on the learner's path, in order: the items of an
 * `<ol className="mod-list">`, with the learner's status in each (`states`; none for a visitor).
 * Plain links: a page load, readable without JavaScript, and no client component per module.
 */
export function ModuleListItems({
  items,
  modulesById,
  locale,
  t,
  states,
  isDetailed = false,
}: {
  items: PathItem[];
  modulesById: Map<string, Module>;
  locale: Locale;
  t: Translate;
  states?: ReadonlyMap<string, ModuleState>;
  isDetailed?: boolean;
}) {
  return items.map(({ module, replaces }, index) => {
    const twin = module.neutralTwinId ? modulesById.get(module.neutralTwinId) : undefined;
    // The number is drawn by CSS (a counter, hidden from screen readers as the number was before).
    return (
      <li key={module.id} data-module-id={module.id}>
        <a href={`/modules/${module.id}`}>{module.title[locale]}</a>
        {module.vendor && <VendorBadge t={t} />}
        {isDetailed && <p className="note">{module.summary[locale]}</p>}
        <p>
          <KindBadge label={t(`kind.${module.kind}`)} />
          {formatDuration(module.durationS, locale)}
          {states && <StatusBadge status={states.get(module.id)?.status ?? "not-started"} t={t} />}
        </p>
        {replaces && (
          <p className="note">
            {t("path.replaces", { title: replaces.title[locale] })} — <a href={`/modules/${replaces.id}`}>{t("path.seeOriginal")}</a>
          </p>
        )}
        {twin && (
          <p className="note">
            <a href={`/modules/${twin.id}`}>{t("path.neutralTwin", { title: twin.title[locale] })}</a>
          </p>
        )}
      </li>
    );
  });
}
