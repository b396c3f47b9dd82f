import type { StatCell, StatTable } from "@/lib/stats/tables";

/** A chart's value for a cell: the figure, or null when it is hidden (a gap in the chart). */
export function chartValue(cell: StatCell | undefined): number | null {
  if (!cell) return null;
  if (cell.kind === "count") return cell.entry.isSuppressed ? null : cell.entry.value;
  if (cell.kind === "share" || cell.kind === "mean") return cell.value;
  return null;
}

/** The values of one column over the table's rows (total rows left out). */
export function columnValues(table: StatTable, cellIndex: number): (number | null)[] {
  return table.rows.filter((r) => !r.isTotal).map((r) => chartValue(r.cells[cellIndex]));
}
