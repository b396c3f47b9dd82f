import type { Metadata } from "next";
import { BarChart, LineChart, seriesStyle } from "@/components/stats/charts";
import { StatTableView } from "@/components/stats/stat-table";
import { StatsHeader } from "@/components/stats/stats-nav";
import { columnValues } from "@/components/stats/values";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getOverviewStats } from "@/server/data/admin-stats";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Statistiques — vue d’ensemble" };

/** Admins: the programme's key figures and its week-by-week trend. */
export default async function StatsOverviewPage() {
  const actor = await requirePermission("stats:view", "/admin/stats");
  const { locale, t } = await getTranslator();
  const { overview, weekly } = await getOverviewStats(actor, t, now());
  const weeks = weekly.rows.filter((r) => !r.isTotal).map((r) => r.label.slice(8, 10) + "/" + r.label.slice(5, 7));
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const figures = overview.rows.map((row) => ({ label: row.label, values: [row.cells[0]!] }));

  return (
    <div className="space-y-8">
      <StatsHeader current="overview" t={t} />
      <section aria-labelledby="key-figures" className="space-y-3">
        <h2 id="key-figures" className="text-xl font-semibold">
          {overview.title}
        </h2>
        <BarChart
          label={overview.caption}
          categories={figures.map((f) => f.label)}
          series={[{ name: t("stats.col.count"), values: columnValues(overview, 0), ...seriesStyle(0) }]}
          valueFormat={(v) => numberFormat.format(v)}
          hiddenNote={t("stats.chart.hiddenPoint")}
        />
        <p className="text-sm text-neutral-600">{t("stats.chartTableNote")}</p>
        <StatTableView table={overview} locale={locale} t={t} />
      </section>
      <section aria-labelledby="weekly" className="space-y-3">
        <h2 id="weekly" className="text-xl font-semibold">
          {weekly.title}
        </h2>
        <LineChart
          label={t("stats.weekly.chartLabel")}
          xLabels={weeks}
          series={weekly.columns.slice(1).map((name, i) => ({ name, values: columnValues(weekly, i), ...seriesStyle(i) }))}
          yFormat={(v) => numberFormat.format(v)}
          hiddenNote={t("stats.chart.hiddenPoint")}
          xTickEvery={2}
        />
        <p className="text-sm text-neutral-600">{t("stats.chartTableNote")}</p>
        <StatTableView table={weekly} locale={locale} t={t} />
      </section>
    </div>
  );
}
