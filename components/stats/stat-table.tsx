import { DataTable } from "@/components/ui/data-table";
import type { Locale, Translate } from "@/lib/i18n";
import { cellText } from "@/lib/stats/csv";
import type { StatTable } from "@/lib/stats/tables";

/** A statistics table as the CSV has it: the row label, then each cell; its download link under it. */
export function StatTableView({ table, locale, t, maxHeight }: { table: StatTable; locale: Locale; t: Translate; maxHeight?: boolean }) {
  // A column of words is read from the left, a column of figures from the right.
  const isTextColumn = (i: number) => i === 0 || table.rows[0]?.cells[i - 1]?.kind === "text";
  return (
    <div className="space-y-2">
      <DataTable
        label={t("stats.tableFrame", { title: table.title })}
        caption={{ text: table.caption }}
        maxHeight={maxHeight ? "32rem" : undefined}
        hasStickyHeader
        headerCellClassName="align-bottom font-semibold text-neutral-800"
        data-stat-table={table.id}
        columns={table.columns.map((column, i) => ({ key: column, label: column, align: isTextColumn(i) ? "start" : "end" }))}
      >
        {table.rows.map((row) => (
          <tr key={row.key} className={`border-t border-neutral-200 ${row.isTotal ? "bg-neutral-50 font-semibold" : ""}`} data-row-key={row.key}>
            <th scope="row" className="px-3 py-1.5 text-left font-medium break-words">
              {row.label}
            </th>
            {row.cells.map((cell, i) => {
              const text = cellText(cell, locale, "page");
              const isHidden = (cell.kind === "count" && cell.entry.isSuppressed) || text === "—";
              return (
                <td key={i} className={`px-3 py-1.5 whitespace-nowrap ${cell.kind === "text" ? "text-left" : "text-right tabular-nums"} ${isHidden ? "text-neutral-600" : ""}`}>
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
      <p>
        <a href={`/api/admin/stats/${table.id}`} download className="text-sm font-medium text-brand-700 underline" data-csv-link={table.id}>
          {t("stats.download")}
        </a>
      </p>
    </div>
  );
}
