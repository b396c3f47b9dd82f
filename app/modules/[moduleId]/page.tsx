import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { COMPARISON_SECTION_PROPS } from "@/components/module/comparison-table";
import { learningMessages } from "@/components/module/learning-messages";
import { ModuleLearning } from "@/components/module/module-learning";
import { moduleMarkup } from "@/components/module/module-markup";
import { StaticHtml } from "@/components/programme/static-html";
import { resumePositionS } from "@/lib/progress";
import { publicQuestions } from "@/lib/quiz";
import { getSessionUser } from "@/server/auth";
import { getModulePageState } from "@/server/data/progress-views";
import { getEnv } from "@/server/env";
import { createPlaybackSession } from "@/server/playback-session";
import { getChapter, getModule, getProgramme } from "@/server/content";
import { getTranslator } from "@/server/i18n";
import { isNeutralPathChosen } from "@/server/path-preference";

type Params = Promise<{ moduleId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const module = getModule((await params).moduleId);
  return { title: module?.title.fr };
}

export default async function ModulePage({ params }: { params: Params }) {
  const module = getModule((await params).moduleId);
  if (!module) notFound();
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  // The learner's path and progress in this module in one read; visitors keep their path in a cookie.
  const learner = user ? await getModulePageState(user, module.id) : null;
  const isNeutralPath = learner ? learner.isNeutralPath : await isNeutralPathChosen();
  const progress = learner?.progress ?? null;
  const chapter = getChapter(module.chapterId)!;
  // Everything but the learner's own part is rendered once per process (components/module/module-markup.tsx).
  const markup = moduleMarkup(getProgramme(), { module, chapter, isNeutralPath, isSignedIn: !!user, locale, today: new Date() });

  return (
    <article className="space-y-8">
      <StaticHtml as="nav" aria-label={t("chapter.modules")} className="text-sm" html={markup.chapterLink} />
      <StaticHtml as="header" className="space-y-3" html={markup.header} />

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
        messages={learningMessages(locale)}
        quiz={{ questions: publicQuestions(module.quiz), staticHtml: markup.quiz }}
        initialProgress={
          progress
            ? {
                moduleId: module.id,
                watchedS: progress.watchedS,
                durationS: module.durationS,
                lastPositionS: progress.lastPositionS,
                isQuizPassed: progress.isQuizPassed,
                quizBestScore: progress.quizBestScore,
                quizTotal: progress.quizTotal,
                status: progress.status,
              }
            : null
        }
        aside={<StaticHtml className="space-y-4" html={markup.aside} />}
        middle={
          markup.middle?.kind === "twin" ? (
            <StaticHtml className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" data-testid="vendor-alternatives" html={markup.middle.html} />
          ) : markup.middle?.kind === "comparison" ? (
            <StaticHtml as="section" {...COMPARISON_SECTION_PROPS} html={markup.middle.html} />
          ) : null
        }
      />

      <StaticHtml as="nav" aria-label={t("module.neighbours")} className="flex flex-wrap justify-between gap-3 border-t border-neutral-200 pt-4" html={markup.neighbours} />
    </article>
  );
}
