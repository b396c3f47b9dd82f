import { formatInstant } from "@/components/cohorts/dates";
import { accessSentence, LEARNER_ACCESSES_LIMIT, type LearnerDataAccess } from "@/lib/audit";
import type { Locale, Translate } from "@/lib/i18n";

/**
 * "Qui voit mes données": the staff's accesses to the signed-in person's data, newest first, each
 * as a dated sentence (who, with their role, and what). The list comes from
 * server/data/audit.ts listAccessesToLearnerData; the section around it (heading) is the page's.
 */
export function DataAccesses({ accesses, locale, t }: { accesses: LearnerDataAccess[]; locale: Locale; t: Translate }) {
  if (accesses.length === 0) return <p className="text-neutral-700">{t("audit.accesses.empty")}</p>;
  return (
    <div className="space-y-2">
      <ul aria-label={t("audit.accesses.label")} className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white" data-testid="data-accesses">
        {accesses.map((access) => (
          <li key={access.id} className="px-4 py-3">
            <time dateTime={access.createdAt.toISOString()} className="block text-sm text-neutral-600">
              {formatInstant(access.createdAt, locale)}
            </time>
            <span className="break-words">{accessSentence(access, t)}</span>
          </li>
        ))}
      </ul>
      {accesses.length >= LEARNER_ACCESSES_LIMIT && <p className="text-sm text-neutral-600">{t("audit.accesses.limit", { count: LEARNER_ACCESSES_LIMIT })}</p>}
    </div>
  );
}
