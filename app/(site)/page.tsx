import Link from "next/link";
import { JoinCodeForm } from "@/components/cohorts-learner/join-code-form";
import { TodoList } from "@/components/cohorts-learner/todo-list";
import { PathSwitch } from "@/components/programme/path-switch";
import { HomeChapterList } from "@/components/programme/programme-lists";
import { SearchForm } from "@/components/programme/search-form";
import { FormCard } from "@/components/ui/form-card";
import { pathDurationS } from "@/lib/content/path";
import { formatDuration } from "@/lib/format";
import { summarizeLearner } from "@/lib/learner-summary";
import { can } from "@/lib/permissions";
import { getSessionUser } from "@/server/auth";
import { getLearnerPageState } from "@/server/data/progress-views";
import { getChapterPath, getProgramme } from "@/server/content";
import { getTranslator } from "@/server/i18n";
import { isVisitorOnNeutralPath, readTodo } from "@/server/learner-page";

/** The programme, with the learner's welcome, resume line, « À faire », statuses and progress bars: all in the HTML. */
export default async function ProgrammeHomePage() {
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  // The learner's path and progress in one read.
  const learner = user ? await getLearnerPageState(user) : null;
  const isNeutralPath = learner ? learner.isNeutralPath : await isVisitorOnNeutralPath();
  const isLearner = can(user, "cohorts:join");
  const [todo, cohorts] = await readTodo(user, !!learner?.isInCohort);
  const programme = getProgramme();
  const summary = learner ? summarizeLearner(programme, learner.states, isNeutralPath) : null;
  const paths = programme.chapters.map((chapter) => getChapterPath(chapter, isNeutralPath));
  const moduleCount = paths.reduce((sum, items) => sum + items.length, 0);
  const totalS = paths.reduce((sum, items) => sum + pathDurationS(items), 0);

  return (
    <div className="space-y-8">
      <section className="space-y-4">
        {user && <p className="text-lg font-medium text-brand-700">{t("home.welcome", { name: user.name })}</p>}
        <h1 className="text-3xl font-bold tracking-tight">{t("home.title")}</h1>
        <p className="max-w-3xl text-lg leading-relaxed text-neutral-700">{t("home.intro")}</p>
        <p className="font-medium" data-testid="programme-summary">
          {t("programme.summary", { chapters: programme.chapters.length, modules: moduleCount, duration: formatDuration(totalS, locale) })}
        </p>
        {summary?.resume && (
          <div className="flex flex-wrap items-center gap-3">
            <a href={`/modules/${summary.resume.id}`} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t(summary.timeSpentS > 0 ? "myProgress.resume" : "myProgress.start", { title: summary.resume.title[locale] })}
            </a>
            <a href="/progress" className="font-medium text-brand-700 underline">
              {t("nav.myProgress")}
            </a>
          </div>
        )}
        {!user && (
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" prefetch={false} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("home.cta.signUp")}
            </Link>
            <Link href="/sign-in" prefetch={false} className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("home.cta.signIn")}
            </Link>
          </div>
        )}
      </section>
      {isLearner && (cohorts.length > 0 || todo.length > 0) && (
        <section aria-labelledby="todo-heading" className="space-y-3" data-testid="home-todo">
          <h2 id="todo-heading" className="text-2xl font-bold">
            {t("todo.title")}
          </h2>
          <TodoList items={todo} locale={locale} t={t} limit={5} isInCohort={cohorts.length > 0} />
        </section>
      )}
      {isLearner && (
        <FormCard headingId="join-heading" heading={t("join.homeHeading")} headingSize="lg" gap={2} className="max-w-2xl">
          <p className="text-sm text-neutral-700">{t("join.homeIntro")}</p>
          <JoinCodeForm t={t} id="home-join-code" />
        </FormCard>
      )}
      <div className="grid items-start gap-4 md:grid-cols-2">
        <PathSwitch isNeutralPath={isNeutralPath} label={t("path.label")} description={t("path.description")} stateText={isNeutralPath ? t("path.isOn") : t("path.isOff")} />
        <SearchForm label={t("search.label")} submitLabel={t("search.submit")} />
      </div>
      <HomeChapterList programme={programme} locale={locale} t={t} isNeutralPath={isNeutralPath} states={learner?.states} />
    </div>
  );
}
