import type { Metadata } from "next";
import { LineChart, seriesStyle } from "@/components/stats/charts";
import { cellText } from "@/lib/stats/csv";
import { StatSection } from "@/components/stats/stat-section";
import { StatsHeader } from "@/components/stats/stats-nav";
import { columnValues } from "@/components/stats/values";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getLiveSessionStats, getOverviewStats } from "@/server/data/admin-stats";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Statistiques — vue d’ensemble" };

/** Admins: the programme's key figures, its week-by-week trend, and the live sessions month by month. */
export default async function StatsOverviewPage() {
  const actor = await requirePermission("stats:view", "/admin/stats");
  const { locale, t } = await getTranslator();
  const at = now();
  const [{ overview, weekly }, liveSessions] = await Promise.all([getOverviewStats(actor, t, at), getLiveSessionStats(actor, t, at)]);
  const weeks = weekly.rows.filter((r) => !r.isTotal).map((r) => r.label.slice(8, 10) + "/" + r.label.slice(5, 7));
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");

  return (
    <div className="space-y-8">
      <StatsHeader current="overview" t={t} />
      <section aria-labelledby="key-figures" className="space-y-3">
        <h2 id="key-figures" className="text-xl font-semibold">
          {overview.title}
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" data-stat-figures="overview">
          {overview.rows.map((row) => (
            <div key={row.key} className="rounded-lg border border-neutral-200 bg-white p-4" data-row-key={row.key}>
              <dt className="text-sm text-neutral-700">{row.label}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums">{cellText(row.cells[0]!, locale, "page")}</dd>
            </div>
          ))}
        </dl>
        <p>
          <a href="/api/admin/stats/overview" download className="text-sm font-medium text-brand-700 underline" data-csv-link="overview">
            {t("stats.download")}
          </a>
        </p>
      </section>
      <StatSection
        table={weekly}
        locale={locale}
        t={t}
        chart={
          <LineChart
            label={t("stats.weekly.chartLabel")}
            xLabels={weeks}
            series={weekly.columns.slice(1).map((name, i) => ({ name, values: columnValues(weekly, i), ...seriesStyle(i) }))}
            yFormat={(v) => numberFormat.format(v)}
            hiddenNote={t("stats.chart.hiddenPoint")}
            xTickEvery={2}
          />
        }
      />
      <StatSection table={liveSessions} locale={locale} t={t} />
    </div>
  );
}
