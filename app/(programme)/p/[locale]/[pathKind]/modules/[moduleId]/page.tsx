import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { COMPARISON_SECTION_PROPS } from "@/components/module/comparison-table";
import { learningMessages } from "@/components/module/learning-messages";
import { moduleMarkup } from "@/components/module/module-markup";
import { StaticHtml } from "@/components/programme/static-html";
import { ModuleLearningIsland } from "@/components/viewer/module-learning-island";
import { ViewerLoader } from "@/components/viewer/viewer-client";
import { publicQuestions } from "@/lib/quiz";
import { getEnv } from "@/server/env";
import { getChapter, getModule, getProgramme } from "@/server/content";
import { programmeParams, type ProgrammeParams } from "../../params";

type Params = ProgrammeParams extends Promise<infer P> ? Promise<P & { moduleId: string }> : never;

export const dynamicParams = false;
// The comparison marks the facts checked too long ago, which depends on the day: rendered again daily.
export const revalidate = 86400;

export function generateStaticParams() {
  return [...getProgramme().modulesById.keys()].map((moduleId) => ({ moduleId }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { moduleId, locale } = await params;
  return { title: getModule(moduleId)?.title[locale === "en" ? "en" : "fr"] };
}

/** Prerendered per language and path; the playback session and the learner's progress from /api/viewer. */
export default async function ModulePage({ params }: { params: Params }) {
  const module = getModule((await params).moduleId);
  if (!module) notFound();
  const { locale, t, pathKind, isNeutralPath } = await programmeParams(params);
  const chapter = getChapter(module.chapterId)!;
  const programme = getProgramme();
  // Rendered once per process (components/module/module-markup.tsx), and here once per build.
  const markup = (isSignedIn: boolean) => moduleMarkup(programme, { module, chapter, isNeutralPath, isSignedIn, locale, today: new Date() });
  const { chapterLink, header, aside, middle, neighbours, quiz } = markup(true);

  return (
    <article className="space-y-8">
      <ViewerLoader query={{ page: "module", locale, id: module.id }} pathKind={pathKind} />
      <StaticHtml as="nav" aria-label={t("chapter.modules")} className="text-sm" html={chapterLink} />
      <StaticHtml as="header" className="space-y-3" html={header} />

      <ModuleLearningIsland
        player={{
          moduleId: module.id,
          title: module.title[locale],
          subtitle: t("module.chapter", { number: chapter.order, title: chapter.title[locale] }),
          durationS: module.durationS,
          cues: module.cues,
          objectives: module.objectives,
          keyPoints: module.keyPoints,
          locale,
          videoSrc: module.videoPath ? `${(getEnv().MEDIA_BASE_URL ?? "").replace(/\/$/, "")}${module.videoPath}` : null,
        }}
        messages={learningMessages(locale)}
        quiz={{ questions: publicQuestions(module.quiz), signedInHtml: quiz, visitorHtml: markup(false).quiz }}
        aside={<StaticHtml className="space-y-4" html={aside} />}
        middle={
          middle?.kind === "twin" ? (
            <StaticHtml className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" data-testid="vendor-alternatives" html={middle.html} />
          ) : middle?.kind === "comparison" ? (
            <StaticHtml as="section" {...COMPARISON_SECTION_PROPS} html={middle.html} />
          ) : null
        }
      />

      <StaticHtml as="nav" aria-label={t("module.neighbours")} className="flex flex-wrap justify-between gap-3 border-t border-neutral-200 pt-4" html={neighbours} />
    </article>
  );
}
