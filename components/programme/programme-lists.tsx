import { modulesOnPath } from "@/lib/content/path";
import type { Chapter, Programme } from "@/lib/content/types";
import type { Locale, Translate } from "@/lib/i18n";
import { completedModuleIds, type ModuleState } from "@/lib/learner-summary";
import { ChapterMeta, ChapterStepsBar } from "./chapter-progress";
import { ModuleListItems } from "./module-list";

/**
 * The programme's lists, with the learner's statuses and progress bars when `states` is given
 * (a signed-in learner's; a visitor has none). Server components: the page's HTML holds them whole.
 */
export function HomeChapterList({ programme, locale, t, isNeutralPath, states }: { programme: Programme; locale: Locale; t: Translate; isNeutralPath: boolean; states?: ReadonlyMap<string, ModuleState> }) {
  const completed = states ? completedModuleIds(states) : null;
  return (
    <ol className="chapters">
      {programme.chapters.map((chapter) => {
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
            {completed && <ChapterStepsBar chapter={chapter} completed={completed} t={t} size="sm" />}
            <ol className="mod-list">
              <ModuleListItems items={items} modulesById={programme.modulesById} locale={locale} t={t} states={states} />
            </ol>
          </li>
        );
      })}
    </ol>
  );
}

/** A chapter's modules on the path, with their summaries. */
export function ChapterModuleList({ programme, chapter, locale, t, isNeutralPath, states }: { programme: Programme; chapter: Chapter; locale: Locale; t: Translate; isNeutralPath: boolean; states?: ReadonlyMap<string, ModuleState> }) {
  return (
    <ol className="mod-list">
      <ModuleListItems items={modulesOnPath(chapter, programme.modulesById, isNeutralPath)} modulesById={programme.modulesById} locale={locale} t={t} states={states} isDetailed />
    </ol>
  );
}
