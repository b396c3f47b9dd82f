import { formatIsoDate } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";

/** A cohort's optional dates in words: "du 2 mars 2026 au 30 avril 2026", "à partir du …", "Sans dates". */
export function describeDateRange(startsOn: string | null, endsOn: string | null, t: Translate, locale: Locale): string {
  if (startsOn && endsOn) return t("cohorts.dates.range", { start: formatIsoDate(startsOn, locale), end: formatIsoDate(endsOn, locale) });
  if (startsOn) return t("cohorts.dates.from", { start: formatIsoDate(startsOn, locale) });
  if (endsOn) return t("cohorts.dates.until", { end: formatIsoDate(endsOn, locale) });
  return t("cohorts.dates.none");
}
