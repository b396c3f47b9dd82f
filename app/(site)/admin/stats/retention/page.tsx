import type { Metadata } from "next";
import { LineChart, seriesStyle } from "@/components/stats/charts";
import { StatTableView } from "@/components/stats/stat-table";
import { StatsHeader } from "@/components/stats/stats-nav";
import { columnValues } from "@/components/stats/values";
import { requirePermission } from "@/server/auth";
import { getProgramme } from "@/server/content";
import { getRetentionStats } from "@/server/data/admin-stats";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Statistiques — rétention dans les modules" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Admins and content editors: where viewers stop inside one module, 10 seconds at a time. */
export default async function StatsRetentionPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("stats:view", "/admin/stats/retention");
  const { locale, t } = await getTranslator();
  const programme = getProgramme();
  const requested = (await searchParams).module;
  const module = (typeof requested === "string" && programme.modulesById.get(requested)) || programme.chapters[0]!.modules[0]!;
  const table = await getRetentionStats(actor, locale, t, module.id);
  const shares = columnValues(table, 3).map((v) => (v === null ? null : v * 100));
  const isPublished = shares.some((v) => v !== null);
  const percent = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 0 });

  return (
    <div className="space-y-8">
      <StatsHeader current="retention" t={t} />
      <form method="get" action="/admin/stats/retention" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="retention-module" className="font-medium">
            {t("stats.retention.pick")}
          </label>
          <select id="retention-module" name="module" defaultValue={module.id} className="max-w-full rounded border border-neutral-400 bg-white px-2 py-1.5">
            {programme.chapters.map((chapter, c) => (
              <optgroup key={chapter.id} label={`${c + 1}. ${chapter.title[locale]}`}>
                {chapter.modules.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title[locale]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
          {t("stats.retention.show")}
        </button>
      </form>
      <section aria-labelledby="retention-curve" className="space-y-3">
        <h2 id="retention-curve" className="text-xl font-semibold break-words">
          {module.title[locale]}
        </h2>
        <p className="max-w-3xl text-sm text-neutral-700">{t("stats.retention.help")}</p>
        {isPublished ? (
          <>
            <LineChart
              label={t("stats.retention.chartLabel", { module: module.title[locale] })}
              xLabels={table.rows.map((r) => (r.cells[0]?.kind === "text" ? r.cells[0].value : ""))}
              series={[{ name: t("stats.retention.share"), values: shares, ...seriesStyle(0) }]}
              yMax={100}
              yFormat={(v) => `${percent.format(v)} %`}
              hiddenNote={t("stats.chart.hiddenPoint")}
              xTickEvery={6}
            />
            <p className="text-sm text-neutral-600">{t("stats.chartTableNote")}</p>
          </>
        ) : (
          <p className="rounded-lg border border-neutral-200 bg-white p-4 text-neutral-700">{t("stats.retention.tooFew")}</p>
        )}
        <StatTableView table={table} locale={locale} t={t} maxHeight />
      </section>
    </div>
  );
}
