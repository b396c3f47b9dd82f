import type { Metadata } from "next";
import { BarChart, seriesStyle } from "@/components/stats/charts";
import { StatSection } from "@/components/stats/stat-section";
import { StatsHeader } from "@/components/stats/stats-nav";
import { columnValues } from "@/components/stats/values";
import { requirePermission } from "@/server/auth";
import { getBreakdownStats } from "@/server/data/admin-stats";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Statistiques — profils des entreprises" };

/** Admins: registrations and completions by sector, région and size band. */
export default async function StatsProfilesPage() {
  const actor = await requirePermission("stats:view", "/admin/stats/profiles");
  const { locale, t } = await getTranslator();
  const { bySector, byRegion, bySize } = await getBreakdownStats(actor, t);
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");

  return (
    <div className="space-y-8">
      <StatsHeader current="profiles" t={t} />
      {[bySector, byRegion, bySize].map((table) => (
        <StatSection
          key={table.id}
          table={table}
          locale={locale}
          t={t}
          chart={
            <BarChart
              label={t("stats.breakdown.chartLabel", { dimension: table.title.toLowerCase() })}
              categories={table.rows.filter((r) => !r.isTotal).map((r) => r.label)}
              series={[
                { name: t("stats.breakdown.registered"), values: columnValues(table, 0), ...seriesStyle(0) },
                { name: t("stats.breakdown.completed"), values: columnValues(table, 1), ...seriesStyle(1) },
              ]}
              valueFormat={(v) => numberFormat.format(v)}
              hiddenNote={t("stats.chart.hiddenPoint")}
            />
          }
        />
      ))}
    </div>
  );
}
