/**
 * One text per statistics cell, shared by the pages and their CSV files so that both say the same
 * figures: counts (or "< 10"), percentages, means and median durations. The CSV flavour is for
 * French spreadsheets (plain integers, decimal comma, durations in minutes); the page flavour
 * groups thousands and writes durations in words. A hidden figure is "—" on the page, empty in the CSV.
 */
import type { Locale } from "../i18n";
import { decimalComma } from "../cohorts/dashboard-csv";
import { publishedCount } from "./suppression";
import type { StatCell, StatTable } from "./tables";

export const HIDDEN = "—";

function durationWords(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `≈ ${Math.max(1, minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `≈ ${hours} h ${String(minutes % 60).padStart(2, "0")}`;
  return `≈ ${Math.round(hours / 24)} j`;
}

export function cellText(cell: StatCell, locale: Locale, flavour: "page" | "csv"): string {
  const numberFormat = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
  const decimal = (value: number) => (flavour === "csv" ? decimalComma(value) : numberFormat.format(Math.round(value * 10) / 10));
  switch (cell.kind) {
    case "count":
      return cell.entry.isSuppressed || flavour === "csv" ? publishedCount(cell.entry) : numberFormat.format(cell.entry.value);
    case "share":
      if (cell.value === null) return flavour === "csv" ? "" : HIDDEN;
      return flavour === "csv" ? decimalComma(cell.value * 100) : `${decimal(cell.value * 100)} %`;
    case "mean":
      return cell.value === null ? (flavour === "csv" ? "" : HIDDEN) : decimal(cell.value);
    case "duration":
      if (cell.seconds === null) return flavour === "csv" ? "" : HIDDEN;
      return flavour === "csv" ? decimalComma(cell.seconds / 60) : durationWords(cell.seconds);
    case "text":
      return cell.value;
  }
}

/** The CSV's header line and records: the row label first, then each cell; units in the header. */
export function csvRecords(table: StatTable, locale: Locale): string[][] {
  const kinds = table.rows[0]?.cells.map((c) => c.kind) ?? [];
  const header = table.columns.map((name, i) => {
    const kind = kinds[i - 1];
    return kind === "share" ? `${name} (%)` : kind === "duration" ? `${name} (min)` : name;
  });
  return [header, ...table.rows.map((row) => [row.label, ...row.cells.map((cell) => cellText(cell, locale, "csv"))])];
}
