import "server-only";
import { modulesOnPath } from "@/lib/content/path";
import type { Chapter, Module, Programme } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import { makeTranslator, type Locale, type Translate } from "@/lib/i18n";
import { publicQuestions } from "@/lib/quiz";
import { makeLearningTranslator } from "@/components/player/messages";
import { KindBadge, VendorBadge } from "@/components/programme/vendor-badge";
import { renderStaticMarkup } from "@/components/programme/static-markup";
import { ComparisonContent, ComparisonTable } from "./comparison-table";
import { learningMessages } from "./learning-messages";
import { QuizView } from "./quiz-view";

/**
 * What a module page shows the same way to every learner, as static markup rendered once per
 * process (per module, language and, where it matters, path or day); the page adds the learner's
 * own part (playback session, resume position, progress) at request time.
 */
export type ModuleMarkup = {
  /** Inside <nav className="text-sm">: back to the chapter. */
  chapterLink: string;
  /** Inside <header className="space-y-3">: kind, duration, title, summary, notices. */
  header: string;
  /** Inside <div className="space-y-4"> beside the video: objectives and key points. */
  aside: string;
  /** The neutral twin beside the comparison (inside its grid), the comparison alone (inside its section), or nothing. */
  middle: { kind: "twin" | "comparison"; html: string } | null;
  /** Inside the bottom <nav>: previous and next modules on the learner's path. */
  neighbours: string;
  /** The quiz as first shown, before its code is loaded (components/module/lazy-quiz.tsx). */
  quiz: string;
};

const caches = new WeakMap<Programme, Map<string, { html: string; day: string | null }>>();

/** Kept for the process (the content is read once), or for the day when `day` is given (one entry per key). */
function cached(programme: Programme, key: string, build: () => string, day: string | null = null): string {
  let entries = caches.get(programme);
  if (!entries) caches.set(programme, (entries = new Map()));
  let entry = entries.get(key);
  if (!entry || entry.day !== day) entries.set(key, (entry = { html: build(), day }));
  return entry.html;
}

function ModuleHeader({ module, replaced, locale, t }: { module: Module; replaced: Module | null; locale: Locale; t: Translate }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge label={t(`kind.${module.kind}`)} />
        <span className="text-sm text-neutral-600">{t("module.duration", { duration: formatDuration(module.durationS, locale) })}</span>
        {module.vendor && <VendorBadge t={t} />}
      </div>
      <h1 className="text-3xl font-bold">{module.title[locale]}</h1>
      <p className="max-w-3xl text-lg text-neutral-700">{module.summary[locale]}</p>
      {module.vendor && <p className="max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t("module.vendorNotice")}</p>}
      {replaced && (
        <p className="max-w-3xl rounded border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="replaces-notice">
          {t("module.replacesNotice", { title: replaced.title[locale] })}{" "}
          <a href={`/modules/${replaced.id}`} className="font-medium underline">
            {t("path.seeOriginal")}
          </a>
        </p>
      )}
    </>
  );
}

function ModuleAside({ module, t }: { module: Module; t: Translate }) {
  return (
    <>
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
    </>
  );
}

function NeutralTwin({ twin, locale, t }: { twin: Module; locale: Locale; t: Translate }) {
  return (
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
      <a href={`/modules/${twin.id}`} className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t("module.twin.open")}
      </a>
    </section>
  );
}

/** Previous and next modules along the learner's path (the standard order when this module is off it). */
function neighbours(programme: Programme, module: Module, isNeutralPath: boolean): { previous: Module | null; next: Module | null } {
  const sequence = (onNeutralPath: boolean) => programme.chapters.flatMap((chapter) => modulesOnPath(chapter, programme.modulesById, onNeutralPath).map((item) => item.module));
  let modules = sequence(isNeutralPath);
  let index = modules.findIndex((m) => m.id === module.id);
  if (index < 0) {
    modules = sequence(false);
    index = modules.findIndex((m) => m.id === module.id);
  }
  return { previous: modules[index - 1] ?? null, next: modules[index + 1] ?? null };
}

function Neighbours({ previous, next, locale, t }: { previous: Module | null; next: Module | null; locale: Locale; t: Translate }) {
  return (
    <>
      {previous ? (
        <a href={`/modules/${previous.id}`} className="font-medium text-brand-700 underline">
          ← {t("module.previous")} : {previous.title[locale]}
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a href={`/modules/${next.id}`} className="font-medium text-brand-700 underline">
          {t("module.next")} : {next.title[locale]} →
        </a>
      )}
    </>
  );
}

export function moduleMarkup(
  programme: Programme,
  { module, chapter, isNeutralPath, isSignedIn, locale, today }: { module: Module; chapter: Chapter; isNeutralPath: boolean; isSignedIn: boolean; locale: Locale; today: Date },
): ModuleMarkup {
  const t = makeTranslator(locale);
  const key = `${module.id}|${locale}`;
  const twin = module.neutralTwinId ? (programme.modulesById.get(module.neutralTwinId) ?? null) : null;
  const comparison = module.comparisonId ? (programme.comparisonsById.get(module.comparisonId) ?? null) : null;
  // Whether a source is stale depends on the day: the comparison is kept per day.
  const day = today.toISOString().slice(0, 10);
  return {
    chapterLink: cached(programme, `chapter-link|${key}`, () =>
      renderStaticMarkup(
        <a href={`/chapters/${chapter.id}`} className="font-medium text-brand-700 underline">
          ← {t("module.chapter", { number: chapter.order, title: chapter.title[locale] })}
        </a>,
      ),
    ),
    header: cached(programme, `header|${key}`, () =>
      renderStaticMarkup(<ModuleHeader module={module} replaced={module.replacesId ? (programme.modulesById.get(module.replacesId) ?? null) : null} locale={locale} t={t} />),
    ),
    aside: cached(programme, `aside|${key}`, () => renderStaticMarkup(<ModuleAside module={module} t={t} />)),
    middle: twin
      ? {
          kind: "twin",
          html: cached(
            programme,
            `middle|${key}`,
            () =>
            renderStaticMarkup(
              <>
                <NeutralTwin twin={twin} locale={locale} t={t} />
                {comparison && <ComparisonTable comparison={comparison} locale={locale} t={t} today={today} />}
              </>,
            ),
            day,
          ),
        }
      : comparison
        ? { kind: "comparison", html: cached(programme, `middle|${key}`, () => renderStaticMarkup(<ComparisonContent comparison={comparison} locale={locale} t={t} today={today} />), day) }
        : null,
    neighbours: cached(programme, `neighbours|${key}|${isNeutralPath}`, () => renderStaticMarkup(<Neighbours {...neighbours(programme, module, isNeutralPath)} locale={locale} t={t} />)),
    quiz: cached(programme, `quiz|${key}|${isSignedIn}`, () =>
      renderStaticMarkup(
        <QuizView
          moduleId={module.id}
          questions={publicQuestions(module.quiz)}
          t={makeLearningTranslator(learningMessages(locale))}
          isSignedIn={isSignedIn}
          answers={module.quiz.map(() => null)}
          result={null}
          error={null}
          isSubmitting={false}
        />,
      ),
    ),
  };
}
