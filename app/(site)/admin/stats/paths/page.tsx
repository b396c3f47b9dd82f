import type { Metadata } from "next";
import { BarChart, seriesStyle } from "@/components/stats/charts";
import { StatSection } from "@/components/stats/stat-section";
import { StatsHeader } from "@/components/stats/stats-nav";
import { columnValues } from "@/components/stats/values";
import { requirePermission } from "@/server/auth";
import { getPathStats } from "@/server/data/admin-stats";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Statistiques — parcours" };

/** Admins: Amazon modules against their neutral alternatives, and the parcours neutre. */
export default async function StatsPathsPage() {
  const actor = await requirePermission("stats:view", "/admin/stats/paths");
  const { locale, t } = await getTranslator();
  const { paths, neutralPath } = await getPathStats(actor, locale, t);
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");

  return (
    <div className="space-y-8">
      <StatsHeader current="paths" t={t} />
      <StatSection table={neutralPath} locale={locale} t={t} />
      <StatSection
        table={paths}
        locale={locale}
        t={t}
        chart={
          <BarChart
            label={t("stats.paths.chartLabel")}
            categories={paths.rows.map((r) => (r.cells[0]?.kind === "text" ? r.cells[0].value : r.label))}
            series={[
              { name: t("stats.paths.vendorCompleted"), values: columnValues(paths, 1), ...seriesStyle(1) },
              { name: t("stats.paths.twinCompleted"), values: columnValues(paths, 3), ...seriesStyle(0) },
            ]}
            valueFormat={(v) => numberFormat.format(v)}
            hiddenNote={t("stats.chart.hiddenPoint")}
          />
        }
      />
    </div>
  );
}
