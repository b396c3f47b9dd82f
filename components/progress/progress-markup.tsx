import "server-only";
import { modulesOnPath } from "@/lib/content/path";
import type { Programme } from "@/lib/content/types";
import { formatDuration } from "@/lib/format";
import { makeTranslator, type Locale } from "@/lib/i18n";
import type { LearnerSummary, ModuleState } from "@/lib/learner-summary";
import { VendorBadge } from "@/components/programme/vendor-badge";
import { fillTemplate, renderStaticMarkup, renderTemplate, Slot, type Template } from "@/components/programme/static-markup";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import "@/components/programme/programme.css";

const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part / whole) * 100) : 0);

const templates = new WeakMap<Programme, Map<string, Template>>();
const statusBadges = new Map<string, string>();

/** A status badge's markup, the same for every learner (three statuses × two languages). */
function statusBadgeHtml(status: ModuleState["status"], locale: Locale): string {
  const key = `${status}|${locale}`;
  let html = statusBadges.get(key);
  if (html === undefined) statusBadges.set(key, (html = renderStaticMarkup(<StatusBadge status={status} t={makeTranslator(locale)} />)));
  return html;
}

/** The chapters and modules on a path, rendered once per process, language and path. */
function chaptersTemplate(programme: Programme, locale: Locale, isNeutralPath: boolean): Template {
  let byKey = templates.get(programme);
  if (!byKey) templates.set(programme, (byKey = new Map()));
  const key = `${locale}|${isNeutralPath}`;
  let template = byKey.get(key);
  if (!template) {
    const t = makeTranslator(locale);
    template = renderTemplate(
      programme.chapters.map((chapter) => (
        <li key={chapter.id} data-testid={`chapter-progress-${chapter.id}`}>
          <h2>
            {t("programme.chapterNumber", { number: chapter.order })} · <a href={`/chapters/${chapter.id}`}>{chapter.title[locale]}</a>
          </h2>
          <div>
            <Slot name={`bars:${chapter.id}`} />
          </div>
          <ul>
            {modulesOnPath(chapter, programme.modulesById, isNeutralPath).map(({ module }) => (
              <li key={module.id} data-module-id={module.id}>
                <a href={`/modules/${module.id}`}>{module.title[locale]}</a>
                {module.vendor && <VendorBadge t={t} />}
                <span>
                  <Slot name={`state:${module.id}`} />
                </span>
              </li>
            ))}
          </ul>
        </li>
      )),
    );
    byKey.set(key, template);
  }
  return template;
}

/**
 * Mon parcours's chapter list: the items of `<ol className="progress-chapters">`, the learner's
 * bars (steps and time per chapter) and, per module, time watched and status filled in.
 */
export function progressChaptersHtml(programme: Programme, summary: LearnerSummary, locale: Locale, isNeutralPath: boolean): string {
  const t = makeTranslator(locale);
  const chapters = new Map(summary.chapters.map((c) => [c.chapter.id, c]));
  const modules = new Map(summary.chapters.flatMap((c) => c.modules.map((m) => [m.module.id, m] as const)));
  return fillTemplate(chaptersTemplate(programme, locale, isNeutralPath), (slot) => {
    const [kind, id = ""] = slot.split(":");
    if (kind === "bars") {
      const c = chapters.get(id)!;
      return renderStaticMarkup(
        <>
          <ProgressBar value={percent(c.completedStepCount, c.stepCount)} label={t("chapter.progress", { done: c.completedStepCount, total: c.stepCount })} size="sm" />
          <ProgressBar
            value={percent(c.watchedS, c.pathDurationS)}
            label={t("myProgress.byTime", { watched: formatDuration(c.watchedS, locale), total: formatDuration(c.pathDurationS, locale) })}
            size="sm"
          />
        </>,
      );
    }
    const { module, state } = modules.get(id)!;
    const watched =
      state.watchedS > 0
        ? renderStaticMarkup(
            <span>
              {formatDuration(Math.min(state.watchedS, module.durationS), locale)} / {formatDuration(module.durationS, locale)}
            </span>,
          )
        : "";
    return watched + statusBadgeHtml(state.status, locale);
  });
}
