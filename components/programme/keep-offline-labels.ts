import type { Translate } from "@/lib/i18n";
import type { KeepOfflineLabels } from "./keep-offline";
import type { KeptProgrammeLabels } from "./kept-programme";

/** The words of « Garder hors ligne », for a chapter page and Mon parcours, with their {placeholders} left for the browser. */
export function keepOfflineLabels(t: Translate): KeepOfflineLabels {
  return {
    heading: t("keep.heading"),
    intro: t("keep.intro", { count: "{count}" }),
    keep: t("keep.keep"),
    refresh: t("keep.refresh"),
    remove: t("keep.remove"),
    freeSpace: t("keep.freeSpace", { size: "{size}", free: "{free}" }),
    freeSpaceUnknown: t("keep.freeSpaceUnknown", { size: "{size}" }),
    measuring: t("keep.measuring"),
    outdated: t("keep.outdated"),
    saving: t("keep.saving", { done: "{done}", total: "{total}" }),
    kept: t("keep.kept", { date: "{date}", size: "{size}" }),
    sharedFiles: t("keep.sharedFiles", { size: "{size}" }),
    failed: t("keep.failed"),
    unavailable: t("keep.unavailable"),
    needsJavaScript: t("keep.needsJavaScript"),
  };
}

/** The words of Mon parcours' « Hors ligne sur cet appareil ». */
export function keptProgrammeLabels(t: Translate): KeptProgrammeLabels {
  return {
    ...keepOfflineLabels(t),
    heading: t("keptProgramme.heading"),
    programmeIntro: t("keptProgramme.intro", { count: "{count}" }),
    keepAll: t("keptProgramme.keepAll"),
    keptHeading: t("keptProgramme.keptHeading"),
    nothingKept: t("keptProgramme.nothingKept"),
    allKept: t("keptProgramme.allKept"),
    savingChapter: t("keptProgramme.saving", { chapter: "{chapter}", chapters: "{chapters}", done: "{done}", total: "{total}" }),
    removeChapter: t("keptProgramme.removeChapter", { title: "{title}" }),
  };
}
