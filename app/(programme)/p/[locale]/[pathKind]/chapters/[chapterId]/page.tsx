import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PathSwitch } from "@/components/programme/path-switch";
import { chapterModulesHtml } from "@/components/programme/programme-markup";
import { StaticHtml } from "@/components/programme/static-html";
import { ChapterMeta } from "@/components/programme/chapter-progress";
import { ViewerLoader, ViewerSlot } from "@/components/viewer/viewer-client";
import { getChapter, getChapterPath, getProgramme } from "@/server/content";
import { programmeParams, type ProgrammeParams } from "../../params";

type Params = ProgrammeParams extends Promise<infer P> ? Promise<P & { chapterId: string }> : never;

export const dynamicParams = false;

export function generateStaticParams() {
  return getProgramme().chapters.map((chapter) => ({ chapterId: chapter.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { chapterId, locale } = await params;
  const chapter = getChapter(chapterId);
  return { title: chapter?.title[locale === "en" ? "en" : "fr"] };
}

/** Prerendered per language and path; the learner's progress bar and statuses from /api/viewer. */
export default async function ChapterPage({ params }: { params: Params }) {
  const chapter = getChapter((await params).chapterId);
  if (!chapter) notFound();
  const { locale, t, pathKind, isNeutralPath } = await programmeParams(params);
  const items = getChapterPath(chapter, isNeutralPath);
  return (
    <div className="space-y-6">
      <ViewerLoader query={{ page: "chapter", locale, id: chapter.id }} pathKind={pathKind} />
      <Link href="/" className="text-sm font-medium text-brand-700 underline">
        ← {t("chapter.back")}
      </Link>
      <header className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("programme.chapterNumber", { number: chapter.order })}</p>
        <h1 className="text-3xl font-bold">{chapter.title[locale]}</h1>
        <p className="max-w-3xl text-lg text-neutral-700">{chapter.summary[locale]}</p>
        <ChapterMeta items={items} locale={locale} t={t} />
      </header>
      <ViewerSlot name="chapter-steps" className="max-w-md" testId="chapter-progress" />
      <PathSwitch isNeutralPath={isNeutralPath} label={t("path.label")} description={t("path.description")} stateText={isNeutralPath ? t("path.isOn") : t("path.isOff")} />
      <section aria-labelledby="modules-heading" className="space-y-3">
        <h2 id="modules-heading" className="text-xl font-semibold">
          {t("chapter.modules")}
        </h2>
        <StaticHtml as="ol" className="mod-list" html={chapterModulesHtml(getProgramme(), chapter, locale, isNeutralPath)} />
      </section>
    </div>
  );
}
