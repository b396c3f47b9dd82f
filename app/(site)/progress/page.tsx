import type { Metadata } from "next";
import { JoinCodeForm } from "@/components/cohorts-learner/join-code-form";
import { TodoList } from "@/components/cohorts-learner/todo-list";
import { AttestationButton } from "@/components/progress/attestation-button";
import { keptProgrammeLabels } from "@/components/programme/keep-offline-labels";
import { KeptProgramme } from "@/components/programme/kept-programme";
import { ProgressBar } from "@/components/progress/progress-bar";
import { percent, ProgressChapters } from "@/components/progress/progress-chapters";
import { FormCard } from "@/components/ui/form-card";
import { formatDuration } from "@/lib/format";
import { summarizeLearner } from "@/lib/learner-summary";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";
import { getProgressPageState } from "@/server/data/progress-views";
import { getKeptChapterPlans, getProgramme } from "@/server/content";
import { getEnv } from "@/server/env";
import { getTranslator } from "@/server/i18n";
import { readTodo } from "@/server/learner-page";
import { LearnerSessionList } from "@/components/live/learner-session-list";
import { now } from "@/server/clock";
import { listLearnerLiveSessions } from "@/server/data/live-sessions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator()).t("myProgress.title") };
}

/** Mon parcours: « À faire », the learner's figures, resume line, attestation and every chapter's progress, all in the HTML. */
export default async function MyProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("progress:record", "/progress");
  const isLearner = can(user, "cohorts:join");
  // The learner's path, progress, attestation and whether they are in a group, in one read.
  const [params, { locale, t }, learner] = await Promise.all([searchParams, getTranslator(), getProgressPageState(user)]);
  const [[todo, cohorts], liveSessions] = await Promise.all([readTodo(user, learner.isInCohort), isLearner && learner.isInCohort ? listLearnerLiveSessions(user, now()) : Promise.resolve([])]);
  const joinedCohort = typeof params.joined === "string" ? cohorts.find((c) => c.id === params.joined) : undefined;
  const summary = summarizeLearner(getProgramme(), learner.states, learner.isNeutralPath);
  const isStarted = summary.timeSpentS > 0 || summary.completedStepCount > 0;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("myProgress.title")}</h1>
        <p className="max-w-3xl text-sm text-neutral-700">{t("myProgress.stepHint")}</p>
      </header>

      {isLearner && (
        <section id="a-faire" aria-labelledby="todo-heading" className="space-y-3" data-testid="todo">
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
          {liveSessions.length > 0 && (
            <div className="space-y-2">
              <h3 className="text-lg font-semibold">{t("live.todoTitle")}</h3>
              <LearnerSessionList sessions={liveSessions} locale={locale} t={t} />
            </div>
          )}
          <TodoList items={todo} locale={locale} t={t} isInCohort={cohorts.length > 0} />
          {cohorts.length === 0 && (
            <FormCard as="div" className="max-w-2xl">
              <JoinCodeForm t={t} id="progress-join-code" />
            </FormCard>
          )}
        </section>
      )}

      <section aria-labelledby="overall-heading" className="space-y-4 rounded-lg border border-neutral-200 bg-white p-5" data-testid="overall-progress">
        <h2 id="overall-heading" className="text-xl font-semibold">
          {t("myProgress.overall")}
        </h2>
        <ProgressBar value={percent(summary.completedStepCount, summary.stepCount)} label={t("myProgress.bySteps", { done: summary.completedStepCount, total: summary.stepCount })} />
        <ProgressBar
          value={percent(summary.watchedS, summary.pathDurationS)}
          label={t("myProgress.byTime", { watched: formatDuration(summary.watchedS, locale), total: formatDuration(summary.pathDurationS, locale) })}
        />
        <p className="text-sm text-neutral-700">{t("myProgress.timeSpent", { time: formatDuration(summary.timeSpentS, locale) })}</p>
        {summary.resume && (
          <a href={`/modules/${summary.resume.id}`} className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t(isStarted ? "myProgress.resume" : "myProgress.start", { title: summary.resume.title[locale] })}
          </a>
        )}
        {summary.isComplete ? (
          <div className="space-y-2">
            <p className="font-semibold text-green-800">{t("myProgress.done")}</p>
            {learner.hasAttestation ? (
              <a href="/progress/attestation" className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white">
                {t("myProgress.attestationView")}
              </a>
            ) : (
              <AttestationButton label={t("myProgress.attestationGet")} errorLabel={t("errors.generic")} />
            )}
          </div>
        ) : (
          <p className="text-sm text-neutral-700">{t("myProgress.attestationLocked", { done: summary.completedStepCount, total: summary.stepCount })}</p>
        )}
      </section>

      <ProgressChapters summary={summary} locale={locale} t={t} />

      {getEnv().OFFLINE === "on" && (
        <KeptProgramme
          plans={getKeptChapterPlans()}
          titles={Object.fromEntries(getProgramme().chapters.map((chapter) => [chapter.id, chapter.title[locale]]))}
          accountId={user.id}
          locale={locale}
          labels={keptProgrammeLabels(t)}
        />
      )}
    </div>
  );
}
