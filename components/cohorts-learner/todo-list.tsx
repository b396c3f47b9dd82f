import { ProgressBar } from "@/components/progress/progress-bar";
import type { AssignmentStatus } from "@/lib/cohorts/assignments";
import { formatIsoDate } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";
import type { TodoItem } from "@/server/data/assignments";
import { getChapter, getModule } from "@/server/content";

// Plain links: a server component in the programme pages' HTML, readable without JavaScript.

/** Status in words and a shape, never colour alone. */
const STATUS_STYLE: Record<AssignmentStatus, { icon: string; className: string }> = {
  overdue: { icon: "⚠", className: "bg-red-100 text-red-900 ring-1 ring-red-700" },
  "in-progress": { icon: "◐", className: "bg-sky-100 text-sky-900" },
  "not-started": { icon: "○", className: "bg-neutral-100 text-neutral-800" },
  completed: { icon: "✓", className: "bg-green-100 text-green-900" },
};

export function TodoStatusBadge({ status, t }: { status: AssignmentStatus; t: Translate }) {
  const style = STATUS_STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${style.className}`} data-status={status}>
      <span aria-hidden="true">{style.icon}</span>
      {t(`todo.status.${status}`)}
    </span>
  );
}

/** "À terminer pour le 12 décembre 2026, dans 5 jours", "En retard de 3 jours (…)". */
export function dueInWords(item: Pick<TodoItem, "dueOn" | "daysLeft" | "status">, locale: Locale, t: Translate): string {
  if (!item.dueOn) return t("todo.due.none");
  const date = formatIsoDate(item.dueOn, locale);
  if (item.status === "completed") return t("todo.due.completed", { date });
  const daysLeft = item.daysLeft ?? 0;
  if (daysLeft < -1) return t("todo.due.overdueMany", { days: -daysLeft, date });
  if (daysLeft === -1) return t("todo.due.overdueOne", { date });
  if (daysLeft === 0) return t("todo.due.today", { date });
  if (daysLeft === 1) return t("todo.due.tomorrow", { date });
  return t("todo.due.inDays", { days: daysLeft, date });
}

/** The title and page of an assigned chapter or module, in the reader's language. */
export function assignedItem(itemKind: string, itemId: string, locale: Locale): { title: string; href: string } | null {
  if (itemKind === "chapter") {
    const chapter = getChapter(itemId);
    return chapter ? { title: chapter.title[locale], href: `/chapters/${chapter.id}` } : null;
  }
  if (itemKind === "module") {
    const mod = getModule(itemId);
    return mod ? { title: mod.title[locale], href: `/modules/${mod.id}` } : null;
  }
  return null;
}

/**
 * "À faire": the learner's assignments across cohorts, as listTodo orders them (overdue first).
 * `limit` shows only the first ones, with a link to the full list on Mon parcours.
 */
export function TodoList({
  items,
  locale,
  t,
  limit,
  isInCohort,
}: {
  items: TodoItem[];
  locale: Locale;
  t: Translate;
  limit?: number;
  isInCohort: boolean;
}) {
  if (items.length === 0) {
    return <p className="text-neutral-700">{t(isInCohort ? "todo.emptyAssignments" : "todo.empty")}</p>;
  }
  const shown = limit === undefined ? items : items.slice(0, limit);
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white" data-testid="todo-list">
        {shown.map((item) => {
          const target = assignedItem(item.itemKind, item.itemId, locale);
          const due = dueInWords(item, locale, t);
          return (
            <li key={item.assignmentId} className="space-y-2 px-4 py-3" data-assignment-id={item.assignmentId} data-status={item.status}>
              <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
                <div className="min-w-0 flex-1">
                  <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t(`todo.kind.${item.itemKind}`)}</p>
                  {target ? (
                    <a href={target.href} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                      {target.title}
                    </a>
                  ) : (
                    <span className="font-semibold text-neutral-700">{t("todo.unknownItem")}</span>
                  )}
                </div>
                <TodoStatusBadge status={item.status} t={t} />
              </div>
              <p className={`text-sm ${item.status === "overdue" ? "font-semibold text-red-800" : "text-neutral-800"}`}>
                {due}
                {item.isExtended && <span className="font-normal text-neutral-700"> — {t("todo.extended")}</span>}
              </p>
              <p className="text-sm text-neutral-600">{t("todo.cohort", { name: item.cohortName })}</p>
              <div className="max-w-md">
                <ProgressBar value={item.percent} label={t("todo.progress", { percent: Math.round(item.percent) })} size="sm" />
              </div>
            </li>
          );
        })}
      </ul>
      {shown.length < items.length && (
        <a href="/progress#a-faire" className="inline-block font-medium text-brand-700 underline">
          {t("todo.seeAll", { count: items.length })}
        </a>
      )}
    </div>
  );
}
