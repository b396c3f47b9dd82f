import type { Metadata } from "next";
import { BarChart, seriesStyle } from "@/components/stats/charts";
import { StatSection } from "@/components/stats/stat-section";
import { StatsHeader } from "@/components/stats/stats-nav";
import { columnValues } from "@/components/stats/values";
import { requirePermission } from "@/server/auth";
import { getFunnelStats } from "@/server/data/admin-stats";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Statistiques — entonnoir" };

/** Admins: from started to completed, by chapter and by module, with quiz figures and median times. */
export default async function StatsFunnelPage() {
  const actor = await requirePermission("stats:view", "/admin/stats/funnel");
  const { locale, t } = await getTranslator();
  const { chapters, modules } = await getFunnelStats(actor, locale, t);
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");

  return (
    <div className="space-y-8">
      <StatsHeader current="funnel" t={t} />
      <StatSection
        table={chapters}
        locale={locale}
        t={t}
        isCaptionShown={false}
        chart={
          <BarChart
            label={t("stats.funnel.chartLabel")}
            categories={chapters.rows.map((r) => r.label)}
            series={[
              { name: t("stats.funnel.started"), values: columnValues(chapters, 0), ...seriesStyle(0) },
              { name: t("stats.funnel.completed"), values: columnValues(chapters, 1), ...seriesStyle(1) },
            ]}
            valueFormat={(v) => numberFormat.format(v)}
            hiddenNote={t("stats.chart.hiddenPoint")}
          />
        }
      />
      <StatSection table={modules} locale={locale} t={t} />
      <p className="max-w-3xl text-sm text-neutral-600">{t("stats.funnel.medianNote")}</p>
    </div>
  );
}
