import "server-only";
import { TodoList } from "@/components/cohorts-learner/todo-list";
import { ChapterStepsBar } from "@/components/programme/chapter-progress";
import { chapterModulesSlots, homeChaptersSlots } from "@/components/programme/programme-markup";
import { renderStaticMarkup } from "@/components/programme/static-markup";
import { ProgressBar } from "@/components/progress/progress-bar";
import { progressChaptersHtml } from "@/components/progress/progress-markup";
import { formatDuration } from "@/lib/format";
import { makeTranslator, type Locale, type Translate } from "@/lib/i18n";
import { completedModuleIds, summarizeLearner, type LearnerSummary } from "@/lib/learner-summary";
import { can } from "@/lib/permissions";
import { resumePositionS } from "@/lib/progress";
import { VIEWER_FLAGS, viewerOf, type ModuleViewerState, type ViewerFlag, type ViewerQuery, type ViewerState } from "@/lib/viewer";
import { getSessionUser } from "./auth";
import { now } from "./clock";
import { listTodo } from "./data/assignments";
import { listLearnerCohorts } from "./data/memberships";
import { countUnreadNotifications } from "./data/notifications";
import type { SessionUser } from "./data/users";
import { getLearnerPageState, getModulePageState, getProgressPageState } from "./data/progress-views";
import { getChapter, getModule, getProgramme } from "./content";
import { createPlaybackSession } from "./playback-session";

/**
 * The learner's part of a prerendered programme page (lib/viewer.ts): the same reads as when these
 * pages were rendered per request, and the same components, rendered to HTML fragments here.
 * `visitorIsNeutral`: a visitor's path, from their cookie. Unknown chapter or module ids give the
 * header's part only (the page itself answers 404).
 */
export async function readViewerState(query: ViewerQuery, visitorIsNeutral: boolean): Promise<ViewerState> {
  const user = await getSessionUser();
  const t = makeTranslator(query.locale);
  const flags = Object.fromEntries(VIEWER_FLAGS.map((flag) => [flag, false])) as Record<ViewerFlag, boolean>;
  flags.signedIn = !!user;
  flags.visitor = !user;
  flags.learner = can(user, "cohorts:join");
  // Read beside the page's own reads.
  const unreadCount = user ? countUnreadNotifications(user) : Promise.resolve(0);
  const base = async (isNeutralPath: boolean): Promise<ViewerState> => ({
    viewer: viewerOf(user, await unreadCount),
    isNeutralPath,
    flags,
    slots: {},
  });
  if (!user) {
    const state = await base(visitorIsNeutral);
    if (query.page === "progress") state.signInHref = `/sign-in?callbackUrl=${encodeURIComponent("/progress")}`;
    if (query.page === "module" && getModule(query.id)) state.module = { moduleId: query.id, session: null, initialPositionS: 0, progress: null };
    return state;
  }
  switch (query.page) {
    case "home":
      return homeState(user, query.locale, t, await base(false));
    case "chapter": {
      const learner = await getLearnerPageState(user);
      const state = await base(learner.isNeutralPath);
      const chapter = getChapter(query.id);
      if (!chapter) return state;
      state.slots = {
        ...chapterModulesSlots(getProgramme(), chapter, query.locale, learner.isNeutralPath, learner.states),
        "chapter-steps": renderStaticMarkup(<ChapterStepsBar chapter={chapter} completed={completedModuleIds(learner.states)} t={t} />),
      };
      return state;
    }
    case "module": {
      // An unknown id reads no progress, but still the account's path.
      const learner = await getModulePageState(user, query.id);
      const state = await base(learner.isNeutralPath);
      const module = getModule(query.id);
      if (module) state.module = moduleState(user, module.id, module.durationS, learner.progress);
      return state;
    }
    case "progress":
      return progressState(user, query.locale, t, query.joined, await base(false));
  }
}

async function todoOf(user: SessionUser, isInCohort: boolean) {
  // Groups and the to-do list (made of the groups' assignments) are read only for a learner in a group.
  return can(user, "cohorts:join") && isInCohort ? Promise.all([listTodo(user, now()), listLearnerCohorts(user)]) : [[], []];
}

function resumeLink(summary: LearnerSummary, isStarted: boolean, locale: Locale, t: Translate, className: string) {
  if (!summary.resume) return null;
  return (
    <a href={`/modules/${summary.resume.id}`} className={className}>
      {t(isStarted ? "myProgress.resume" : "myProgress.start", { title: summary.resume.title[locale] })}
    </a>
  );
}

async function homeState(user: SessionUser, locale: Locale, t: Translate, state: ViewerState): Promise<ViewerState> {
  const programme = getProgramme();
  const learner = await getLearnerPageState(user);
  const [todo, cohorts] = await todoOf(user, learner.isInCohort);
  const summary = summarizeLearner(programme, learner.states, learner.isNeutralPath);
  state.isNeutralPath = learner.isNeutralPath;
  state.slots = {
    ...homeChaptersSlots(programme, locale, learner.isNeutralPath, learner.states),
    "home-welcome": renderStaticMarkup(<p className="text-lg font-medium text-brand-700">{t("home.welcome", { name: user.name })}</p>),
    "home-resume": summary.resume
      ? renderStaticMarkup(
          <div className="flex flex-wrap items-center gap-3">
            {resumeLink(summary, summary.timeSpentS > 0, locale, t, "rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700")}
            <a href="/progress" className="font-medium text-brand-700 underline">
              {t("nav.myProgress")}
            </a>
          </div>,
        )
      : "",
    "home-todo":
      can(user, "cohorts:join") && (cohorts.length > 0 || todo.length > 0)
        ? renderStaticMarkup(
            <section aria-labelledby="todo-heading" className="space-y-3" data-testid="home-todo">
              <h2 id="todo-heading" className="text-2xl font-bold">
                {t("todo.title")}
              </h2>
              <TodoList items={todo} locale={locale} t={t} limit={5} isInCohort={cohorts.length > 0} />
            </section>,
          )
        : "",
  };
  return state;
}

function moduleState(user: SessionUser, moduleId: string, durationS: number, progress: Awaited<ReturnType<typeof getModulePageState>>["progress"]): ModuleViewerState {
  return {
    moduleId,
    session: createPlaybackSession(user.id, moduleId),
    initialPositionS: progress ? resumePositionS(progress.lastPositionS, durationS) : 0,
    progress: progress ? { moduleId, durationS, ...progress } : null,
  };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part / whole) * 100) : 0);

async function progressState(user: SessionUser, locale: Locale, t: Translate, joined: string | undefined, state: ViewerState): Promise<ViewerState> {
  const programme = getProgramme();
  const learner = await getProgressPageState(user);
  const [todo, cohorts] = await todoOf(user, learner.isInCohort);
  const joinedCohort = joined ? cohorts.find((c) => c.id === joined) : undefined;
  const summary = summarizeLearner(programme, learner.states, learner.isNeutralPath);
  state.isNeutralPath = learner.isNeutralPath;
  state.flags.joinOnProgress = state.flags.learner && cohorts.length === 0;
  state.flags.attestationGet = summary.isComplete && !learner.hasAttestation;
  state.slots = {
    "progress-todo": state.flags.learner
      ? renderStaticMarkup(
          <>
            {joinedCohort && (
              <p role="status" className="rounded border border-green-300 bg-green-50 px-4 py-3 text-green-900">
                <span aria-hidden="true">✓ </span>
                {t("join.success", { name: joinedCohort.name })}
              </p>
            )}
            <h2 id="todo-heading" className="text-xl font-semibold">
              {t("todo.title")}
            </h2>
            {todo.length > 0 && <p className="text-sm text-neutral-700">{t("todo.intro")}</p>}
            <TodoList items={todo} locale={locale} t={t} isInCohort={cohorts.length > 0} />
          </>,
        )
      : "",
    "progress-overall": renderStaticMarkup(
      <>
        <ProgressBar value={percent(summary.completedStepCount, summary.stepCount)} label={t("myProgress.bySteps", { done: summary.completedStepCount, total: summary.stepCount })} />
        <ProgressBar
          value={percent(summary.watchedS, summary.pathDurationS)}
          label={t("myProgress.byTime", { watched: formatDuration(summary.watchedS, locale), total: formatDuration(summary.pathDurationS, locale) })}
        />
        <p className="text-sm text-neutral-700">{t("myProgress.timeSpent", { time: formatDuration(summary.timeSpentS, locale) })}</p>
        {resumeLink(summary, summary.timeSpentS > 0 || summary.completedStepCount > 0, locale, t, "inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700")}
        {summary.isComplete ? (
          <div className="space-y-2">
            <p className="font-semibold text-green-800">{t("myProgress.done")}</p>
            {learner.hasAttestation && (
              <a href="/progress/attestation" className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white">
                {t("myProgress.attestationView")}
              </a>
            )}
          </div>
        ) : (
          <p className="text-sm text-neutral-700">{t("myProgress.attestationLocked", { done: summary.completedStepCount, total: summary.stepCount })}</p>
        )}
      </>,
    ),
    "progress-chapters": progressChaptersHtml(programme, summary, locale, learner.isNeutralPath),
  };
  return state;
}
