import type { Metadata } from "next";
import { LearnerCohortList } from "@/components/cohorts-learner/learner-cohort-list";
import { ReminderPreferencesForm } from "@/components/cohorts-learner/reminder-preferences-form";
import { dayOf } from "@/lib/calendar-day";
import { formatIsoDate } from "@/lib/format";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";
import { listLearnerCohorts } from "@/server/data/memberships";
import { getReminderPreferences } from "@/server/data/preferences";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Mon compte" };

/** Mon compte: reminder e-mails (and the trainers' weekly digest); a merchant's groups, to leave one. */
export default async function AccountPage() {
  const user = await requirePermission("account:view", "/account");
  const isLearner = can(user, "cohorts:join");
  const isTrainer = can(user, "cohorts:train");
  const [{ locale, t }, preferences, cohorts] = await Promise.all([
    getTranslator(),
    getReminderPreferences(user),
    isLearner ? listLearnerCohorts(user) : Promise.resolve([]),
  ]);

  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("account.title")}</h1>
        <p className="text-neutral-700">{t("account.identity", { name: user.name, email: user.email })}</p>
      </header>

      <section aria-labelledby="reminders-heading" className="space-y-4 rounded-lg border border-neutral-200 bg-white p-5">
        <h2 id="reminders-heading" className="text-xl font-semibold">
          {t("account.remindersHeading")}
        </h2>
        <ReminderPreferencesForm
          locale={locale}
          wantsReminderEmails={preferences.wantsReminderEmails}
          wantsWeeklyDigest={preferences.wantsWeeklyDigest}
          isTrainer={isTrainer && preferences.trainsCohorts}
        />
      </section>

      {isLearner && (
        <section aria-labelledby="cohorts-heading" className="space-y-3">
          <h2 id="cohorts-heading" className="text-xl font-semibold">
            {t("account.cohortsHeading")}
          </h2>
          <LearnerCohortList
            locale={locale}
            cohorts={cohorts.map((c) => ({ id: c.id, name: c.name, trainerNames: c.trainerNames, joinedOn: formatIsoDate(dayOf(c.joinedAt), locale) }))}
          />
        </section>
      )}
    </div>
  );
}
