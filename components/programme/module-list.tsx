import type { PathItem } from "@/lib/content/path";
import type { Module } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import { Slot } from "./static-markup";
import { KindBadge, VendorBadge } from "./vendor-badge";
import "./programme.css";

/**
 * The modules of one chapter on the learner's path, in order: the items of an
 * `<ol className="mod-list">`, rendered once per process as static markup (plain links; the page
 * shows them through StaticHtml). The learner's status in each module goes in slot
 * `status:<moduleId>`.
 */
export function ModuleListItems({
  items,
  modulesById,
  locale,
  t,
  isDetailed = false,
}: {
  items: PathItem[];
  modulesById: Map<string, Module>;
  locale: Locale;
  t: Translate;
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
          <Slot name={`status:${module.id}`} />
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
