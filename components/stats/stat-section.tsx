import type { ReactNode } from "react";
import type { Locale, Translate } from "@/lib/i18n";
import type { StatTable } from "@/lib/stats/tables";
import { StatTableView } from "./stat-table";

/** One statistics table under its heading: what it counts, its chart (if any) and the table with the same figures. */
export function StatSection({ table, locale, t, chart, isCaptionShown = true, maxHeight }: { table: StatTable; locale: Locale; t: Translate; chart?: ReactNode; isCaptionShown?: boolean; maxHeight?: boolean }) {
  return (
    <section aria-labelledby={`${table.id}-heading`} className="space-y-3">
      <h2 id={`${table.id}-heading`} className="text-xl font-semibold break-words">
        {table.title}
      </h2>
      {isCaptionShown && <p className="max-w-3xl text-sm text-neutral-700">{table.caption}</p>}
      {chart && (
        <>
          {chart}
          <p className="text-sm text-neutral-600">{t("stats.chartTableNote")}</p>
        </>
      )}
      <StatTableView table={table} locale={locale} t={t} maxHeight={maxHeight} />
    </section>
  );
}
