import { DataTable } from "@/components/ui/data-table";
import { cellKind, checkedRange, isStale, oldestDate } from "@/lib/content/freshness";
import type { Comparison, Fact } from "@/lib/content/types";
import { formatIsoDate, hostnameOf } from "@/lib/format";
import type { Locale, Translate } from "@/lib/i18n";

function FactCell({ fact, locale, t, today }: { fact: Fact | undefined; locale: Locale; t: Translate; today: Date }) {
  if (!fact) return <span className="text-neutral-500 italic">{t("comparison.notVerified")}</span>;
  const oldest = isStale(fact, today) ? oldestDate(fact) : null;
  return (
    <div className="space-y-1" data-cell-kind={cellKind(fact)} data-stale={oldest ? "true" : undefined}>
      {fact.isNotDisclosed ? (
        <p className="font-medium text-neutral-700 italic">{t("comparison.notDisclosed")}</p>
      ) : null}
      {fact.value && <p className={fact.isNotDisclosed ? "text-neutral-700" : undefined}>{fact.value}</p>}
      {fact.isIllustrative ? (
        <p className="text-xs text-neutral-600">{t("comparison.illustrative")}</p>
      ) : (
        <p className="text-xs text-neutral-600">
          {fact.source && (
            <a href={fact.source} rel="noopener noreferrer nofollow" className="underline">
              {t(fact.isNotDisclosed ? "comparison.lookedAt" : "comparison.source", { host: hostnameOf(fact.source) })}
            </a>
          )}
          {fact.sourceKind && <> ({t(`sourceKind.${fact.sourceKind}`)})</>}
          {fact.checkedAt && <>, {t("comparison.checkedAt", { date: formatIsoDate(fact.checkedAt, locale) })}</>}
          {fact.sourceDate && <>, {t("comparison.sourceDate", { date: formatIsoDate(fact.sourceDate, locale) })}</>}
        </p>
      )}
      {oldest && (
        <p className="inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950" data-testid="stale-fact">
          <span aria-hidden="true">⚠ </span>
          {t("comparison.stale", { date: formatIsoDate(oldest, locale) })}
        </p>
      )}
    </div>
  );
}

const COMPARISON_SECTION_PROPS = { "aria-labelledby": "comparison-heading", className: "min-w-0 space-y-2", "data-testid": "comparison" } as const;

/**
 * Options side by side, one column each, criteria as rows (the first column stays in place while
 * the table scrolls sideways); on phones, one card per option instead. Links to sources are plain
 * links: the platform itself loads nothing from them.
 */
export function ComparisonTable(props: { comparison: Comparison; locale: Locale; t: Translate; today?: Date }) {
  return (
    <section {...COMPARISON_SECTION_PROPS}>
      <ComparisonContent {...props} />
    </section>
  );
}

/** When the comparison was checked as a whole: its latest reading, and its oldest when they differ. */
function CheckedLine({ comparison, locale, t }: { comparison: Comparison; locale: Locale; t: Translate }) {
  const range = checkedRange(comparison);
  if (!range) return null;
  return (
    <p className="text-sm text-neutral-700" data-testid="comparison-checked">
      {range.earliest === range.latest
        ? t("comparison.checkedWhole", { date: formatIsoDate(range.latest, locale) })
        : t("comparison.checkedBetween", { earliest: formatIsoDate(range.earliest, locale), latest: formatIsoDate(range.latest, locale) })}
    </p>
  );
}

/** What goes inside the comparison's section. */
function ComparisonContent({ comparison, locale, t, today = new Date() }: { comparison: Comparison; locale: Locale; t: Translate; today?: Date }) {
  return (
    <>
      <h2 id="comparison-heading" className="text-xl font-semibold">
        {t("comparison.title")} — {comparison.title[locale]}
      </h2>
      <p className="text-sm text-neutral-700">{t("comparison.caption")}</p>
      <CheckedLine comparison={comparison} locale={locale} t={t} />
      <ul className="space-y-3 md:hidden">
        {comparison.options.map((option) => (
          <li key={option.id} className={`rounded-lg border p-3 ${option.isVendor ? "border-amber-300 bg-amber-50" : "border-neutral-200 bg-white"}`}>
            <p className="font-semibold">{option.name}</p>
            {option.isVendor && <p className="text-xs font-medium text-amber-900">{t("comparison.vendor")}</p>}
            <dl className="mt-2 space-y-2 text-sm">
              {comparison.criteria.map((criterion) => (
                <div key={criterion}>
                  <dt className="font-semibold">{t(`criterion.${criterion}`)}</dt>
                  <dd>
                    <FactCell fact={option.facts[criterion]} locale={locale} t={t} today={today} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <DataTable
        caption={{ id: "comparison-table-caption", text: t("comparison.tableCaption", { title: comparison.title[locale] }) }}
        className="border-collapse"
        frameClassName="hidden md:block"
        isHeaderBottomAligned
        columns={[
          { key: "criterion", label: t("comparison.criterion"), className: "sticky left-0 z-10 w-36 min-w-36 bg-neutral-50" },
          ...comparison.options.map((option) => ({
            key: option.id,
            label: (
              <>
                <span className="block font-semibold">{option.name}</span>
                {option.isVendor && <span className="text-xs font-medium text-amber-900">{t("comparison.vendor")}</span>}
              </>
            ),
            className: option.isVendor ? "min-w-56 bg-amber-50" : "min-w-56",
          })),
        ]}
      >
        {comparison.criteria.map((criterion) => (
          <tr key={criterion} className="border-t border-neutral-200 align-top">
            <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 font-semibold">
              {t(`criterion.${criterion}`)}
            </th>
            {comparison.options.map((option) => (
              <td key={option.id} className={`px-3 py-2 ${option.isVendor ? "bg-amber-50/50" : ""}`}>
                <FactCell fact={option.facts[criterion]} locale={locale} t={t} today={today} />
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
