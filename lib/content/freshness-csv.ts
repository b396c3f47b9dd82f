/**
 * « Fraîcheur des contenus » as CSV lines for French spreadsheets, with the conventions of the other
 * admin CSVs: the caller writes them with ";" as separator, CRLF and a BOM; French headers; ISO days;
 * states in French words, as on the page. One line a cell, in the page's order (stale first).
 */
import { makeTranslator } from "../i18n";
import type { FreshnessReport, FreshnessRow } from "./freshness";

export const FRESHNESS_CSV_COLUMNS = [
  { key: "state", header: "État" },
  { key: "ageMonths", header: "Âge (mois)" },
  { key: "checkedAt", header: "Vérifié le" },
  { key: "sourceDate", header: "Date donnée par la source" },
  { key: "comparison", header: "Comparatif" },
  { key: "option", header: "Option" },
  { key: "criterion", header: "Critère" },
  { key: "kind", header: "Type de case" },
  { key: "value", header: "Ce que dit la case" },
  { key: "source", header: "Source (ou page consultée)" },
  { key: "modules", header: "Modules" },
] as const;

type Key = (typeof FRESHNESS_CSV_COLUMNS)[number]["key"];

const KIND_LABELS = { fact: "Fait sourcé", notDisclosed: "Non communiqué par le fournisseur", illustrative: "Exemple illustratif" } as const;

/** « À revérifier », « À jour » or « Sans date » (an illustrative value), as on the page. */
export function freshnessState(row: Pick<FreshnessRow, "isStale" | "ageMonths">): "stale" | "fresh" | "undated" {
  if (row.isStale) return "stale";
  return row.ageMonths === null ? "undated" : "fresh";
}

const STATE_LABELS = { stale: "À revérifier", fresh: "À jour", undated: "Sans date" } as const;

export function freshnessCsvRecords(report: FreshnessReport): string[][] {
  const t = makeTranslator("fr");
  const header = FRESHNESS_CSV_COLUMNS.map((c) => c.header);
  const lines = report.rows.map((row) => {
    const record: Record<Key, string> = {
      state: STATE_LABELS[freshnessState(row)],
      ageMonths: row.ageMonths === null ? "" : String(row.ageMonths),
      checkedAt: row.checkedAt ?? "",
      sourceDate: row.sourceDate ?? "",
      comparison: row.comparisonTitle.fr,
      option: row.optionName,
      criterion: t(`criterion.${row.criterion}`),
      kind: KIND_LABELS[row.kind],
      value: row.value ?? "",
      source: row.source ?? "",
      modules: row.modules.map((m) => m.title.fr).join(" | "),
    };
    return FRESHNESS_CSV_COLUMNS.map((c) => record[c.key]);
  });
  return [header, ...lines];
}
