import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { learningMessages } from "@/components/module/learning-messages";
import { ModuleLearning } from "@/components/module/module-learning";
import { ChapterLink, ModuleAside, ModuleHeader, ModuleMiddle, ModuleNeighbours } from "@/components/module/module-sections";
import { QuizView } from "@/components/module/quiz-view";
import { makeLearningTranslator } from "@/components/player/messages";
import { resumePositionS } from "@/lib/progress";
import { publicQuestions } from "@/lib/quiz";
import { getSessionUser } from "@/server/auth";
import { now } from "@/server/clock";
import { getModulePageState } from "@/server/data/progress-views";
import { getEnv } from "@/server/env";
import { createPlaybackSession } from "@/server/playback-session";
import { getChapter, getModule, getProgramme } from "@/server/content";
import { getTranslator } from "@/server/i18n";
import { isVisitorOnNeutralPath } from "@/server/learner-page";

type Params = Promise<{ moduleId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [module, { locale }] = await Promise.all([params.then((p) => getModule(p.moduleId)), getTranslator()]);
  return { title: module?.title[locale] };
}

/**
 * A module: the player with the learner's signed playback session and saved position, their
 * progress and the quiz, all in the HTML (the player's controls start once its code has loaded;
 * without JavaScript the page says the player needs it, and the texts stay readable).
 */
export default async function ModulePage({ params }: { params: Params }) {
  const module = getModule((await params).moduleId);
  if (!module) notFound();
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  // The learner's path and progress in this module in one read.
  const learner = user ? await getModulePageState(user, module.id) : null;
  const isNeutralPath = learner ? learner.isNeutralPath : await isVisitorOnNeutralPath();
  const progress = learner?.progress ?? null;
  const programme = getProgramme();
  const chapter = getChapter(module.chapterId)!;
  const twin = module.neutralTwinId ? (programme.modulesById.get(module.neutralTwinId) ?? null) : null;
  const comparison = module.comparisonId ? (programme.comparisonsById.get(module.comparisonId) ?? null) : null;
  const messages = learningMessages(locale);
  const questions = publicQuestions(module.quiz);

  return (
    <article className="space-y-8">
      <nav aria-label={t("chapter.modules")} className="text-sm">
        <ChapterLink chapter={chapter} locale={locale} t={t} />
      </nav>
      <header className="space-y-3">
        <ModuleHeader module={module} replaced={module.replacesId ? (programme.modulesById.get(module.replacesId) ?? null) : null} locale={locale} t={t} />
      </header>
      <noscript>
        <p className="rounded border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950" data-testid="player-needs-javascript">
          {t("player.needsJavaScript")}
        </p>
      </noscript>

      <ModuleLearning
        player={{
          moduleId: module.id,
          title: module.title[locale],
          subtitle: t("module.chapter", { number: chapter.order, title: chapter.title[locale] }),
          durationS: module.durationS,
          cues: module.cues,
          objectives: module.objectives,
          keyPoints: module.keyPoints,
          locale,
          session: user ? createPlaybackSession(user.id, module.id) : null,
          initialPositionS: progress ? resumePositionS(progress.lastPositionS, module.durationS) : 0,
          videoSrc: module.videoPath ? `${(getEnv().MEDIA_BASE_URL ?? "").replace(/\/$/, "")}${module.videoPath}` : null,
        }}
        messages={messages}
        quiz={{
          questions,
          fallback: (
            <QuizView moduleId={module.id} questions={questions} t={makeLearningTranslator(messages)} isSignedIn={!!user} answers={questions.map(() => null)} result={null} error={null} isSubmitting={false} />
          ),
        }}
        initialProgress={progress ? { moduleId: module.id, durationS: module.durationS, ...progress } : null}
        aside={
          <div className="space-y-4">
            <ModuleAside module={module} t={t} />
          </div>
        }
        middle={<ModuleMiddle twin={twin} comparison={comparison} locale={locale} t={t} today={now()} />}
      />

      <nav aria-label={t("module.neighbours")} className="flex flex-wrap justify-between gap-3 border-t border-neutral-200 pt-4">
        <ModuleNeighbours programme={programme} module={module} isNeutralPath={isNeutralPath} locale={locale} t={t} />
      </nav>
    </article>
  );
}
