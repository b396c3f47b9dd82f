import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChapterMeta, ChapterStepsBar } from "@/components/programme/chapter-progress";
import { PathSwitch } from "@/components/programme/path-switch";
import { KeepOffline } from "@/components/programme/keep-offline";
import { keepOfflineLabels } from "@/components/programme/keep-offline-labels";
import { ChapterModuleList } from "@/components/programme/programme-lists";
import { completedModuleIds } from "@/lib/learner-summary";
import { getSessionUser } from "@/server/auth";
import { getLearnerPageState } from "@/server/data/progress-views";
import { getChapter, getChapterPath, getKeptChapterPlan, getProgramme } from "@/server/content";
import { getEnv } from "@/server/env";
import { getTranslator } from "@/server/i18n";
import { isVisitorOnNeutralPath } from "@/server/learner-page";

type Params = Promise<{ chapterId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [chapter, { locale }] = await Promise.all([params.then((p) => getChapter(p.chapterId)), getTranslator()]);
  return { title: chapter?.title[locale] };
}

/** A chapter's modules on the learner's path, with their statuses and the chapter's progress bar. */
export default async function ChapterPage({ params }: { params: Params }) {
  const chapter = getChapter((await params).chapterId);
  if (!chapter) notFound();
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  const learner = user ? await getLearnerPageState(user) : null;
  const isNeutralPath = learner ? learner.isNeutralPath : await isVisitorOnNeutralPath();
  const items = getChapterPath(chapter, isNeutralPath);
  return (
    <div className="space-y-6">
      <Link href="/" prefetch={false} className="text-sm font-medium text-brand-700 underline">
        ← {t("chapter.back")}
      </Link>
      <header className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("programme.chapterNumber", { number: chapter.order })}</p>
        <h1 className="text-3xl font-bold">{chapter.title[locale]}</h1>
        <p className="max-w-3xl text-lg text-neutral-700">{chapter.summary[locale]}</p>
        <ChapterMeta items={items} locale={locale} t={t} />
      </header>
      {learner && (
        <div className="max-w-md" data-testid="chapter-progress">
          <ChapterStepsBar chapter={chapter} completed={completedModuleIds(learner.states)} t={t} />
        </div>
      )}
      <PathSwitch isNeutralPath={isNeutralPath} label={t("path.label")} description={t("path.description")} stateText={isNeutralPath ? t("path.isOn") : t("path.isOff")} />
      <section aria-labelledby="modules-heading" className="space-y-3">
        <h2 id="modules-heading" className="text-xl font-semibold">
          {t("chapter.modules")}
        </h2>
        <ChapterModuleList programme={getProgramme()} chapter={chapter} locale={locale} t={t} isNeutralPath={isNeutralPath} states={learner?.states} />
      </section>
      {user && getEnv().OFFLINE === "on" && (
        <KeepOffline
          plan={getKeptChapterPlan(chapter.id)!}
          accountId={user.id}
          locale={locale}
          labels={keepOfflineLabels(t)}
        />
      )}
    </div>
  );
}
