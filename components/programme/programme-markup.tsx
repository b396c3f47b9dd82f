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
 * (standard or neutral), with placeholders for the learner's statuses and progress bars, which
 * /api/viewer fills in (the `*Slots` functions).
 */
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

/**
 * The learner's part of one slot: `status:<moduleId>` (a status badge) or `steps:<chapterId>`
 * (a chapter's progress bar).
 */
function slotHtml(programme: Programme, slot: string, locale: Locale, states: ReadonlyMap<string, ModuleState>, completed: ReadonlySet<string>): string {
  const [kind, id = ""] = slot.split(":");
  if (kind === "status") return statusBadgeHtml(programme, states.get(id)?.status ?? "not-started", locale);
  const chapter = programme.chapters.find((c) => c.id === id)!;
  return renderStaticMarkup(<ChapterStepsBar chapter={chapter} completed={completed} t={makeTranslator(locale)} size="sm" />);
}

/**
 * The prerendered pages hold an empty element where each slot goes (`data-slot`, filled in the
 * browser from /api/viewer: components/viewer); a status is inline, a progress bar a block.
 */
function placeholder(slot: string): string {
  const tag = slot.startsWith("status:") ? "span" : "div";
  return `<${tag} data-slot="${slot}"></${tag}>`;
}

/** Every slot of a template, filled for this learner: what /api/viewer sends for a prerendered list. */
function slotsOf(programme: Programme, template: Template, locale: Locale, states: ReadonlyMap<string, ModuleState>): Record<string, string> {
  const completed = completedModuleIds(states);
  return Object.fromEntries(template.slots.map((slot) => [slot, slotHtml(programme, slot, locale, states, completed)]));
}

/** The home page's chapters, each with its modules on the path: the items of `<ol className="chapters">`. */
function homeTemplate(programme: Programme, locale: Locale, isNeutralPath: boolean): Template {
  return cached(programme, `home|${locale}|${isNeutralPath}`, () => {
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
}

/** The home page's list as prerendered: the learner's part goes into its placeholders. */
export function homeChaptersHtml(programme: Programme, locale: Locale, isNeutralPath: boolean): string {
  return fillTemplate(homeTemplate(programme, locale, isNeutralPath), placeholder);
}

export function homeChaptersSlots(programme: Programme, locale: Locale, isNeutralPath: boolean, states: ReadonlyMap<string, ModuleState>): Record<string, string> {
  return slotsOf(programme, homeTemplate(programme, locale, isNeutralPath), locale, states);
}

/** A chapter's modules on the path, with their summaries: the items of `<ol className="mod-list">`. */
function chapterTemplate(programme: Programme, chapter: Chapter, locale: Locale, isNeutralPath: boolean): Template {
  return cached(programme, `chapter|${chapter.id}|${locale}|${isNeutralPath}`, () =>
    renderTemplate(<ModuleListItems items={modulesOnPath(chapter, programme.modulesById, isNeutralPath)} modulesById={programme.modulesById} locale={locale} t={makeTranslator(locale)} isDetailed />),
  );
}

/** A chapter's list as prerendered: the learner's part goes into its placeholders. */
export function chapterModulesHtml(programme: Programme, chapter: Chapter, locale: Locale, isNeutralPath: boolean): string {
  return fillTemplate(chapterTemplate(programme, chapter, locale, isNeutralPath), placeholder);
}

export function chapterModulesSlots(programme: Programme, chapter: Chapter, locale: Locale, isNeutralPath: boolean, states: ReadonlyMap<string, ModuleState>): Record<string, string> {
  return slotsOf(programme, chapterTemplate(programme, chapter, locale, isNeutralPath), locale, states);
}
