import { ListSection } from "@/components/ui/list-section";
import { modulesOnPath } from "@/lib/content/path";
import type { Chapter, Comparison, Module, Programme } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import { KindBadge, VendorBadge } from "@/components/programme/vendor-badge";
import { ComparisonTable } from "./comparison-table";

/**
 * What a module page shows the same way to every learner (server components): back to the
 * chapter, the header, objectives and key points, the neutral twin and the comparison, the
 * neighbours on the learner's path. The page adds the learner's own part (components/module/module-learning.tsx).
 */
export function ChapterLink({ chapter, locale, t }: { chapter: Chapter; locale: Locale; t: Translate }) {
  return (
    <a href={`/chapters/${chapter.id}`} className="font-medium text-brand-700 underline">
      ← {t("module.chapter", { number: chapter.order, title: chapter.title[locale] })}
    </a>
  );
}

export function ModuleHeader({ module, replaced, locale, t }: { module: Module; replaced: Module | null; locale: Locale; t: Translate }) {
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

export function ModuleAside({ module, t }: { module: Module; t: Translate }) {
  return (
    <>
      <ListSection id="objectives-heading" title={t("module.objectives")} items={module.objectives} />
      <ListSection id="keypoints-heading" title={t("module.keyPoints")} items={module.keyPoints} />
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

/**
 * Between the video and the quiz: the neutral twin beside the comparison, the comparison alone, or
 * nothing. Whether a fact is too old to trust depends on `today`: the page is rendered per request.
 */
export function ModuleMiddle({ twin, comparison, locale, t, today }: { twin: Module | null; comparison: Comparison | null; locale: Locale; t: Translate; today: Date }) {
  if (twin) {
    return (
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]" data-testid="vendor-alternatives">
        <NeutralTwin twin={twin} locale={locale} t={t} />
        {comparison && <ComparisonTable comparison={comparison} locale={locale} t={t} today={today} />}
      </div>
    );
  }
  return comparison ? <ComparisonTable comparison={comparison} locale={locale} t={t} today={today} /> : null;
}

/** Previous and next modules on the learner's path, in the bottom navigation. */
export function ModuleNeighbours({ programme, module, isNeutralPath, locale, t }: { programme: Programme; module: Module; isNeutralPath: boolean; locale: Locale; t: Translate }) {
  return <Neighbours {...neighbours(programme, module, isNeutralPath)} locale={locale} t={t} />;
}
