import "server-only";
import { modulesOnPath } from "@/lib/content/path";
import type { Chapter, Programme } from "@/lib/content/types";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { completedModuleIds, type ModuleState } from "@/lib/learner-summary";
import { StatusBadge } from "@/components/progress/status-badge";
import { ChapterMeta, ChapterStepsBar } from "./chapter-progress";
import { ModuleListItems } from "./module-list";
import { fillTemplate, renderStaticMarkup, renderTemplate, Slot, type Template } from "./static-markup";

/**
 * The programme's lists as static markup, rendered once per process for each language and path
 * (standard or neutral); each request only fills in the learner's statuses and progress bars.
 */
type States = ReadonlyMap<string, ModuleState> | undefined;

const caches = new WeakMap<Programme, Map<string, unknown>>();

/** Kept for as long as the programme object lives, i.e. the process (the content is read once). */
function cached<T>(programme: Programme, key: string, build: () => T): T {
  let entries = caches.get(programme);
  if (!entries) caches.set(programme, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, build());
  return entries.get(key) as T;
}

function statusBadgeHtml(programme: Programme, status: ModuleState["status"], locale: Locale): string {
  return cached(programme, `status|${status}|${locale}`, () => renderStaticMarkup(<StatusBadge status={status} t={makeTranslator(locale)} />));
}

/** Fills the `status:<moduleId>` slots (nothing for visitors) and `steps:<chapterId>` ones (chapter progress bars). */
function fill(programme: Programme, template: Template, locale: Locale, states: States): string {
  if (!states) return fillTemplate(template, () => "");
  const completed = completedModuleIds(states);
  const t = makeTranslator(locale);
  return fillTemplate(template, (slot) => {
    const [kind, id = ""] = slot.split(":");
    if (kind === "status") return statusBadgeHtml(programme, states.get(id)?.status ?? "not-started", locale);
    const chapter = programme.chapters.find((c) => c.id === id)!;
    return renderStaticMarkup(<ChapterStepsBar chapter={chapter} completed={completed} t={t} size="sm" />);
  });
}

/** The home page's chapters, each with its modules on the learner's path: the items of `<ol className="chapters">`. */
export function homeChaptersHtml(programme: Programme, locale: Locale, isNeutralPath: boolean, states: States): string {
  const template = cached(programme, `home|${locale}|${isNeutralPath}`, () => {
    const t = makeTranslator(locale);
    return renderTemplate(
      programme.chapters.map((chapter) => {
        const items = modulesOnPath(chapter, programme.modulesById, isNeutralPath);
        return (
          <li key={chapter.id} aria-labelledby={`chapter-${chapter.id}`}>
            <div className="chapter-head">
              <p>{t("programme.chapterNumber", { number: chapter.order })}</p>
              <h2 id={`chapter-${chapter.id}`}>
                <a href={`/chapters/${chapter.id}`}>{chapter.title[locale]}</a>
              </h2>
              <p>{chapter.summary[locale]}</p>
              <ChapterMeta items={items} locale={locale} t={t} />
            </div>
            <Slot name={`steps:${chapter.id}`} />
            <ol className="mod-list">
              <ModuleListItems items={items} modulesById={programme.modulesById} locale={locale} t={t} />
            </ol>
          </li>
        );
      }),
    );
  });
  return fill(programme, template, locale, states);
}

/** A chapter's modules on the learner's path, with their summaries: the items of `<ol className="mod-list">`. */
export function chapterModulesHtml(programme: Programme, chapter: Chapter, locale: Locale, isNeutralPath: boolean, states: States): string {
  const template = cached(programme, `chapter|${chapter.id}|${locale}|${isNeutralPath}`, () =>
    renderTemplate(<ModuleListItems items={modulesOnPath(chapter, programme.modulesById, isNeutralPath)} modulesById={programme.modulesById} locale={locale} t={makeTranslator(locale)} isDetailed />),
  );
  return fill(programme, template, locale, states);
}
