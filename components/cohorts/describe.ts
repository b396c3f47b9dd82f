import type { AssignedItem, DueRule } from "@/lib/cohorts/assignments";
import type { Programme } from "@/lib/content/types";
import type { Locale, Translate } from "@/lib/i18n";
import { formatIsoDate } from "@/lib/format";

/** A due rule in words: "pour le 12 décembre 2026", "14 jours après l’arrivée dans le groupe", "sans échéance". */
export function describeDueRule(rule: DueRule, t: Translate, locale: Locale): string {
  if (rule.dueKind === "fixed" && rule.dueOn) return t("cohorts.due.fixed", { date: formatIsoDate(rule.dueOn, locale) });
  if (rule.dueKind === "relative" && rule.dueDays !== null) {
    return rule.dueDays === 1 ? t("cohorts.due.relativeOne") : t("cohorts.due.relative", { days: rule.dueDays });
  }
  return t("cohorts.due.none");
}

/** The title of an assigned chapter or module, in the reader's language (the id when it left the programme). */
export function itemTitle(programme: Programme, item: AssignedItem, locale: Locale, t: Translate): string {
  if (item.itemKind === "chapter") {
    const chapter = programme.chapters.find((c) => c.id === item.itemId);
    return chapter ? chapter.title[locale] : t("cohorts.item.removed", { id: item.itemId });
  }
  const module = programme.modulesById.get(item.itemId);
  if (!module) return t("cohorts.item.removed", { id: item.itemId });
  if (module.vendor) return t("cohorts.assign.vendorModule", { title: module.title[locale] });
  if (module.replacesId) return t("cohorts.assign.neutralModule", { title: module.title[locale] });
  return module.title[locale];
}
