import type { ItemGroup } from "@/components/cohorts/assignment-form";
import { itemTitle } from "@/components/cohorts/describe";
import type { Locale, Translate } from "@/lib/i18n";
import { getProgramme } from "@/server/content";

/** The programme as the session form's optional "linked chapter or module" choice. */
export function liveItemGroups(locale: Locale, t: Translate): ItemGroup[] {
  const programme = getProgramme();
  return programme.chapters.map((chapter) => ({
    label: `${chapter.order}. ${chapter.title[locale]}`,
    options: [
      { value: `chapter:${chapter.id}`, label: t("cohorts.assign.wholeChapter", { title: chapter.title[locale] }), isDisabled: false },
      ...chapter.modules.map((module) => ({ value: `module:${module.id}`, label: itemTitle(programme, { itemKind: "module", itemId: module.id }, locale, t), isDisabled: false })),
    ],
  }));
}
