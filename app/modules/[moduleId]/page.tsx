import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparisonTable } from "@/components/module/comparison-table";
import { ModuleLearning } from "@/components/module/module-learning";
import { KindBadge, VendorBadge } from "@/components/programme/vendor-badge";
import type { Module } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import { resumePositionS } from "@/lib/progress";
import { publicQuestions } from "@/lib/quiz";
import { getSessionUser } from "@/server/auth";
import { getModuleProgress } from "@/server/data/progress";
import { getEnv } from "@/server/env";
import { createPlaybackSession } from "@/server/playback-session";
import { getChapter, getChapterPath, getComparison, getModule, getProgramme } from "@/server/content";
import { getTranslator } from "@/server/i18n";
import { isNeutralPathChosen } from "@/server/path-preference";

type Params = Promise<{ moduleId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const module = getModule((await params).moduleId);
  return { title: module?.title.fr };
}

/** Previous and next modules along the learner's path (the standard order when this module is off it). */
function neighbours(module: Module, isNeutralPath: boolean): { previous: Module | null; next: Module | null } {
  const sequence = (onNeutralPath: boolean) =>
    getProgramme().chapters.flatMap((chapter) => getChapterPath(chapter, onNeutralPath).map((item) => item.module));
  let modules = sequence(isNeutralPath);
  let index = modules.findIndex((m) => m.id === module.id);
  if (index < 0) {
    modules = sequence(false);
    index = modules.findIndex((m) => m.id === module.id);
  }
  return { previous: modules[index - 1] ?? null, next: modules[index + 1] ?? null };
}

export default async function ModulePage({ params }: { params: Params }) {
  const module = getModule((await params).moduleId);
  if (!module) notFound();
  const [{ locale, t }, isNeutralPath, user] = await Promise.all([getTranslator(), isNeutralPathChosen(), getSessionUser()]);
  const progress = user ? await getModuleProgress(user, module.id) : null;
  const chapter = getChapter(module.chapterId)!;
  const twin = module.neutralTwinId ? getModule(module.neutralTwinId) : null;
  const replaced = module.replacesId ? getModule(module.replacesId) : null;
  const comparison = getComparison(module.comparisonId);
  const { previous, next } = neighbours(module, isNeutralPath);
  const duration = formatDuration(module.durationS, locale);

  return (
    <article className="space-y-8">
      <nav aria-label={t("chapter.modules")} className="text-sm">
        <Link href={`/chapters/${chapter.id}`} className="font-medium text-brand-700 underline">
          ← {t("module.chapter", { number: chapter.order, title: chapter.title[locale] })}
        </Link>
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <KindBadge label={t(`kind.${module.kind}`)} />
          <span className="text-sm text-neutral-600">{t("module.duration", { duration })}</span>
          {module.vendor && <VendorBadge t={t} />}
        </div>
        <h1 className="text-3xl font-bold">{module.title[locale]}</h1>
        <p className="max-w-3xl text-lg text-neutral-700">{module.summary[locale]}</p>
        {module.vendor && <p className="max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t("module.vendorNotice")}</p>}
        {replaced && (
          <p className="max-w-3xl rounded border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="replaces-notice">
            {t("module.replacesNotice", { title: replaced.title[locale] })}{" "}
            <Link href={`/modules/${replaced.id}`} className="font-medium underline">
              {t("path.seeOriginal")}
            </Link>
          </p>
        )}
      </header>

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
        questions={publicQuestions(module.quiz)}
        initialProgress={
          progress && progress.status !== "not-started"
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
        aside={
          <div className="space-y-4">
            <section aria-labelledby="objectives-heading">
              <h2 id="objectives-heading" className="text-xl font-semibold">
                {t("module.objectives")}
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {module.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="keypoints-heading">
              <h2 id="keypoints-heading" className="text-xl font-semibold">
                {t("module.keyPoints")}
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {module.keyPoints.map((point) => (
                  <li key={point}>{point}</li>
                ))}
              </ul>
            </section>
          </div>
        }
        middle={
          <>
            {twin && (
              <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" data-testid="vendor-alternatives">
                <section aria-labelledby="twin-heading" className="space-y-3 rounded-lg border-2 border-brand-600 bg-white p-5" data-testid="neutral-twin">
                  <h2 id="twin-heading" className="text-xl font-semibold">
                    {t("module.twin.title")}
                  </h2>
                  <p className="text-lg font-semibold text-brand-800">{twin.title[locale]}</p>
                  <p className="text-neutral-700">{twin.summary[locale]}</p>
                  <ul className="list-disc space-y-1 pl-5 text-sm">
                    {twin.keyPoints.map((point) => (
                      <li key={point}>{point}</li>
                    ))}
                  </ul>
                  <Link href={`/modules/${twin.id}`} className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
                    {t("module.twin.open")}
                  </Link>
                </section>
                {comparison && <ComparisonTable comparison={comparison} locale={locale} t={t} />}
              </div>
            )}
            {!twin && comparison && <ComparisonTable comparison={comparison} locale={locale} t={t} />}
          </>
        }
      />

      <nav aria-label={t("chapter.modules")} className="flex flex-wrap justify-between gap-3 border-t border-neutral-200 pt-4">
        {previous ? (
          <Link href={`/modules/${previous.id}`} className="font-medium text-brand-700 underline">
            ← {t("module.previous")} : {previous.title[locale]}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={`/modules/${next.id}`} className="font-medium text-brand-700 underline">
            {t("module.next")} : {next.title[locale]} →
          </Link>
        )}
      </nav>
    </article>
  );
}
