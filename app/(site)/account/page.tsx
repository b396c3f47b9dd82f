import type { Metadata } from "next";
import { DataAccesses } from "@/components/account/data-accesses";
import { DataExport } from "@/components/account/data-export";
import { EmailForm, EraseAccountForm, LanguageForm, NameForm, PasswordForm, ProfileForm } from "@/components/account/account-forms";
import { LearnerCohortList } from "@/components/cohorts-learner/learner-cohort-list";
import { ReminderPreferencesForm } from "@/components/cohorts-learner/reminder-preferences-form";
import { FormCard } from "@/components/ui/form-card";
import { dayOf } from "@/lib/calendar-day";
import { formatIsoDate } from "@/lib/format";
import type { Translate } from "@/lib/i18n";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";
import { getAccountSettings } from "@/server/data/account";
import { listAccessesToLearnerData } from "@/server/data/audit";
import { listLearnerCohorts } from "@/server/data/memberships";
import { getReminderPreferences } from "@/server/data/preferences";
import { getTranslator } from "@/server/i18n";
import { CalendarFeedForm } from "@/components/live/calendar-feed-form";
import { LearnerSessionList } from "@/components/live/learner-session-list";
import { now } from "@/server/clock";
import { getCalendarFeedUrl } from "@/server/data/calendar-feed";
import { listLearnerLiveSessions } from "@/server/data/live-sessions";

export const metadata: Metadata = { title: "Mon compte" };

/** Who sees a learner's data: the trainers of their groups (and what they see: progress, live sessions' attendance), the admins (totals only). */
function WhoSeesMyData({ t, cohorts }: { t: Translate; cohorts: { id: string; name: string; trainerNames: string[] }[] }) {
  return (
    <div className="space-y-3">
      <p className="text-neutral-700">{t("account.whoIntro")}</p>
      <h3 className="font-semibold">{t("account.whoTrainers")}</h3>
      {cohorts.length === 0 ? (
        <p className="text-neutral-700">{t("account.whoNoTrainer")}</p>
      ) : (
        <>
          <ul className="list-disc space-y-1 pl-6" data-testid="who-trainers">
            {cohorts.map((c) => (
              <li key={c.id}>{t("account.whoTrainerLine", { names: c.trainerNames.join(", "), cohort: c.name })}</li>
            ))}
          </ul>
          <p className="text-sm text-neutral-700">{t("account.whoTrainersWhat")}</p>
          <p className="text-sm text-neutral-700">{t("account.whoTrainersLive")}</p>
        </>
      )}
      <p className="text-sm text-neutral-700">{t("account.whoAdmins")}</p>
      <p className="text-sm text-neutral-700">{t("account.whoAdminsLive")}</p>
    </div>
  );
}

/** Mon compte: identity, business profile, language, e-mails, groups, who sees my data, my data, erasure. */
export default async function AccountPage() {
  const user = await requirePermission("account:view", "/account");
  const isLearner = can(user, "cohorts:join");
  const isTrainer = can(user, "cohorts:train");
  const [{ locale, t }, settings, preferences, cohorts, accesses, liveSessions, calendarFeedUrl] = await Promise.all([
    getTranslator(),
    getAccountSettings(user),
    getReminderPreferences(user),
    isLearner ? listLearnerCohorts(user) : Promise.resolve([]),
    listAccessesToLearnerData(user),
    isLearner ? listLearnerLiveSessions(user, now()) : Promise.resolve([]),
    getCalendarFeedUrl(user),
  ]);

  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("account.title")}</h1>
        <p className="text-neutral-700">{t("account.identity", { name: settings.name, email: settings.email })}</p>
      </header>

      <FormCard id="name" headingId="name-heading" heading={t("account.nameHeading")}>
        <NameForm locale={locale} name={settings.name} />
      </FormCard>
      <FormCard id="email" headingId="email-heading" heading={t("account.emailHeading")}>
        <EmailForm locale={locale} email={settings.email} />
      </FormCard>
      <FormCard id="password" headingId="password-heading" heading={t("account.passwordHeading")}>
        <PasswordForm locale={locale} />
      </FormCard>

      {isLearner && (
        <FormCard id="profile" headingId="profile-heading" heading={t("account.profileHeading")}>
          <p className="text-neutral-700">{t("account.profileIntro")}</p>
          {!settings.profile && <p className="rounded bg-neutral-100 p-3 text-sm text-neutral-800">{t("account.profileNone")}</p>}
          <ProfileForm locale={locale} profile={settings.profile} />
        </FormCard>
      )}

      <FormCard id="language" headingId="language-heading" heading={t("account.languageHeading")}>
        <LanguageForm locale={locale} />
      </FormCard>

      <FormCard id="reminders" headingId="reminders-heading" heading={t("account.remindersHeading")}>
        <ReminderPreferencesForm
          locale={locale}
          wantsReminderEmails={preferences.wantsReminderEmails}
          wantsWeeklyDigest={preferences.wantsWeeklyDigest}
          isTrainer={isTrainer && preferences.trainsCohorts}
        />
      </FormCard>

      {isLearner && (
        <section aria-labelledby="cohorts-heading" className="space-y-3">
          <h2 id="cohorts-heading" className="text-xl font-semibold">
            {t("account.cohortsHeading")}
          </h2>
          <LearnerCohortList
            locale={locale}
            cohorts={cohorts.map((c) => ({ id: c.id, name: c.name, trainerNames: c.trainerNames, joinedOn: formatIsoDate(dayOf(c.joinedAt), locale) }))}
          />
          {liveSessions.length > 0 && (
            <>
              <h3 className="font-semibold">{t("live.account.sessions")}</h3>
              <LearnerSessionList sessions={liveSessions} locale={locale} t={t} />
            </>
          )}
        </section>
      )}

      {(isLearner || isTrainer) && (
        <FormCard id="calendar-feed" headingId="calendar-feed-heading" heading={t("live.feed.heading")}>
          <p className="text-neutral-700">{t(isLearner ? "live.feed.introLearner" : "live.feed.introTrainer")}</p>
          <CalendarFeedForm locale={locale} initialUrl={calendarFeedUrl} />
        </FormCard>
      )}

      <FormCard id="who" headingId="who-heading" heading={t("account.whoHeading")}>
        <WhoSeesMyData t={t} cohorts={cohorts} />
        <h3 className="font-semibold">{t("account.whoAccesses")}</h3>
        <DataAccesses accesses={accesses} locale={locale} t={t} />
      </FormCard>

      <FormCard id="data" headingId="data-heading" heading={t("account.dataHeading")}>
        <DataExport t={t} />
      </FormCard>

      <FormCard id="erase" headingId="erase-heading" heading={t("account.eraseHeading")} tone="danger">
        <p className="text-neutral-800">{t("account.eraseIntro")}</p>
        <EraseAccountForm locale={locale} />
      </FormCard>
    </div>
  );
}
