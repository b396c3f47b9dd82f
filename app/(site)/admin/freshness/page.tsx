import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { STALE_AFTER_MONTHS } from "@/lib/content/assemble";
import { freshnessState } from "@/lib/content/freshness-csv";
import { formatIsoDate, hostnameOf } from "@/lib/format";
import { requirePermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getFreshnessReport } from "@/server/content";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Fraîcheur des contenus" };

/** State in words and a shape, never colour alone. */
const STATE_STYLE = {
  stale: { icon: "⚠", className: "bg-amber-100 text-amber-950 ring-1 ring-amber-700" },
  fresh: { icon: "✓", className: "bg-green-100 text-green-900" },
  undated: { icon: "–", className: "bg-neutral-100 text-neutral-800" },
} as const;

/** Admins: how old every comparison cell is, stale first, read from content/ like the module pages. */
export default async function AdminFreshnessPage() {
  const actor = await requirePermission("content:review", "/admin/freshness");
  const { locale, t } = await getTranslator();
  const report = getFreshnessReport(actor, now());
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const date = (iso: string | null) => (iso ? formatIsoDate(iso, locale) : "—");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href="/admin/users" className="text-sm font-medium text-brand-700 underline">
            ← {t("admin.users.title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("freshness.title")}</h1>
        <p className="max-w-3xl text-neutral-700">{t("freshness.intro", { months: STALE_AFTER_MONTHS })}</p>
        <p className="font-medium" data-testid="freshness-totals">
          {t("freshness.totals", {
            facts: numberFormat.format(report.totals.facts),
            notDisclosed: numberFormat.format(report.totals.notDisclosed),
            stale: numberFormat.format(report.totals.stale),
            options: numberFormat.format(report.totals.options),
          })}
        </p>
        <p>
          <a href="/api/admin/freshness" download className="text-sm font-medium text-brand-700 underline" data-csv-link="freshness">
            {t("freshness.download")}
          </a>
        </p>
      </header>

      <section aria-labelledby="freshness-by-comparison" className="space-y-3">
        <h2 id="freshness-by-comparison" className="text-xl font-semibold">
          {t("freshness.byComparison")}
        </h2>
        <DataTable
          caption={{ id: "freshness-by-comparison-table", text: t("freshness.byComparisonCaption") }}
          minWidth="40rem"
          columns={[
            { key: "comparison", label: t("freshness.col.comparison") },
            { key: "options", label: t("freshness.col.options"), align: "end" },
            { key: "facts", label: t("freshness.col.facts"), align: "end" },
            { key: "notDisclosed", label: t("freshness.col.notDisclosed"), align: "end" },
            { key: "stale", label: t("freshness.col.stale"), align: "end" },
            { key: "checked", label: t("freshness.col.checked") },
          ]}
        >
          {report.comparisons.map((c) => (
            <tr key={c.comparisonId} className="border-t border-neutral-200" data-comparison={c.comparisonId}>
              <th scope="row" className="px-3 py-2 font-semibold">
                {c.comparisonTitle[locale]}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{c.optionCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{c.factCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{c.notDisclosedCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{c.staleCount}</td>
              <td className="px-3 py-2">
                {c.checked ? (c.checked.earliest === c.checked.latest ? date(c.checked.latest) : t("freshness.between", { earliest: date(c.checked.earliest), latest: date(c.checked.latest) })) : "—"}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="freshness-cells" className="space-y-3">
        <h2 id="freshness-cells" className="text-xl font-semibold">
          {t("freshness.cells")}
        </h2>
        <p className="max-w-3xl text-sm text-neutral-700">{t("freshness.cellsIntro")}</p>
        <DataTable
          caption={{ id: "freshness-cells-table", text: t("freshness.cellsCaption") }}
          minWidth="52rem"
          maxHeight="32rem"
          hasStickyHeader
          columns={[
            { key: "state", label: t("freshness.col.state") },
            { key: "age", label: t("freshness.col.age"), align: "end" },
            { key: "where", label: t("freshness.col.where") },
            { key: "value", label: t("freshness.col.value") },
            { key: "source", label: t("freshness.col.source") },
            { key: "modules", label: t("freshness.col.modules") },
          ]}
          data-testid="freshness-rows"
        >
          {report.rows.map((row) => {
            const state = freshnessState(row);
            const style = STATE_STYLE[state];
            return (
              <tr key={`${row.comparisonId}/${row.optionId}/${row.criterion}`} className="border-t border-neutral-200 align-top" data-state={state} data-option={row.optionId} data-criterion={row.criterion}>
                <td className="px-3 py-2">
                  <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${style.className}`}>
                    <span aria-hidden="true">{style.icon}</span>
                    {t(`freshness.state.${state}`)}
                  </span>
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{row.ageMonths === null ? "—" : t("freshness.months", { count: row.ageMonths })}</td>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="block font-semibold">{row.optionName}</span>
                  <span className="block">{t(`criterion.${row.criterion}`)}</span>
                  <span className="block text-xs text-neutral-600">{row.comparisonTitle[locale]}</span>
                </th>
                <td className="min-w-64 max-w-md px-3 py-2">
                  {row.kind === "notDisclosed" && <span className="block font-medium italic">{t("comparison.notDisclosed")}</span>}
                  {row.kind === "illustrative" && <span className="block font-medium italic">{t("comparison.illustrative")}</span>}
                  {row.value && <span className="block">{row.value}</span>}
                </td>
                <td className="px-3 py-2 text-xs">
                  {row.source ? (
                    <a href={row.source} rel="noopener noreferrer nofollow" className="break-all underline">
                      {hostnameOf(row.source)}
                    </a>
                  ) : (
                    "—"
                  )}
                  <span className="block whitespace-nowrap">{t("freshness.checkedAt", { date: date(row.checkedAt) })}</span>
                  {row.sourceDate && <span className="block whitespace-nowrap">{t("freshness.sourceDate", { date: date(row.sourceDate) })}</span>}
                </td>
                <td className="px-3 py-2 text-xs">
                  <ul className="space-y-1">
                    {row.modules.map((m) => (
                      <li key={m.id}>
                        <Link href={`/modules/${m.id}`} className="underline">
                          {m.title[locale]}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </div>
  );
}
