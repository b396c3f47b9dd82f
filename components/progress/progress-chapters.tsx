import { formatDuration } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import type { LearnerSummary } from "@/lib/learner-summary";
import { VendorBadge } from "@/components/programme/vendor-badge";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import "@/components/programme/programme.css";

export const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part / whole) * 100) : 0);

/** Mon parcours's chapters: per chapter the learner's bars (steps and time), per module time watched and status. */
export function ProgressChapters({ summary, locale, t }: { summary: LearnerSummary; locale: Locale; t: Translate }) {
  return (
    <ol className="progress-chapters">
      {summary.chapters.map((c) => (
        <li key={c.chapter.id} data-testid={`chapter-progress-${c.chapter.id}`}>
          <h2>
            {t("programme.chapterNumber", { number: c.chapter.order })} · <a href={`/chapters/${c.chapter.id}`}>{c.chapter.title[locale]}</a>
          </h2>
          <div>
            <ProgressBar value={percent(c.completedStepCount, c.stepCount)} label={t("chapter.progress", { done: c.completedStepCount, total: c.stepCount })} size="sm" />
            <ProgressBar value={percent(c.watchedS, c.pathDurationS)} label={t("myProgress.byTime", { watched: formatDuration(c.watchedS, locale), total: formatDuration(c.pathDurationS, locale) })} size="sm" />
          </div>
          <ul>
            {c.modules.map(({ module, state }) => (
              <li key={module.id} data-module-id={module.id}>
                <a href={`/modules/${module.id}`}>{module.title[locale]}</a>
                {module.vendor && <VendorBadge t={t} />}
                <span>
                  {state.watchedS > 0 && (
                    <span>
                      {formatDuration(Math.min(state.watchedS, module.durationS), locale)} / {formatDuration(module.durationS, locale)}
                    </span>
                  )}
                  <StatusBadge status={state.status} t={t} />
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
