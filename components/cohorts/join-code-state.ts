import { dayOf } from "@/lib/calendar-day";
import type { JoinCodeState } from "@/lib/cohorts/join-code";
import { formatIsoDate } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";

/** The day a trainer chose as the code's last day (stored as that day's last second, Paris time). */
export function expiryDayOf(expiresAt: Date | null): string | null {
  return expiresAt ? dayOf(expiresAt) : null;
}

/** The join code's state in words: valid (until …), expired since …, revoked. */
export function describeJoinCodeState(state: JoinCodeState, expiresAt: Date | null, t: Translate, locale: Locale): string {
  const day = expiryDayOf(expiresAt);
  if (state === "revoked") return t("cohorts.invitation.state.revoked");
  if (state === "expired") return t("cohorts.invitation.state.expired", { date: day ? formatIsoDate(day, locale) : "" });
  return day ? t("cohorts.invitation.state.validUntil", { date: formatIsoDate(day, locale) }) : t("cohorts.invitation.state.valid");
}
