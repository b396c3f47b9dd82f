import { ProgressBar } from "@/components/progress/progress-bar";
import { pathDurationS, type PathItem } from "@/lib/content/path";
import type { Chapter } from "@/lib/content/types";
import { chapterSlots, completedSlotCount } from "@/lib/course-completion";
import { formatDuration } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import "./programme.css";

/** "6 modules · 22 min 10 s" for the modules of a chapter on the learner's path. */
export function ChapterMeta({ items, locale, t }: { items: PathItem[]; locale: Locale; t: Translate }) {
  return (
    <p className="chapter-meta">
      {t("programme.chapterMeta", { count: items.length, duration: formatDuration(pathDurationS(items), locale) })}
    </p>
  );
}

/** The learner's completed steps in a chapter (a vendor module and its twin are one step). */
export function ChapterStepsBar({
  chapter,
  completed,
  t,
  size = "md",
  className,
}: {
  chapter: Chapter;
  completed: ReadonlySet<string>;
  t: Translate;
  size?: "sm" | "md";
  className?: string;
}) {
  const done = completedSlotCount(chapter, completed);
  const total = chapterSlots(chapter).length;
  return <ProgressBar size={size} value={(done / total) * 100} label={t("chapter.progress", { done, total })} className={className} />;
}
