import { stringify } from "csv-stringify/sync";
import { AppError } from "@/lib/errors";
import { makeTranslator } from "@/lib/i18n";
import { csvRecords } from "@/lib/stats/csv";
import { isStatTableId } from "@/lib/stats/tables";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getStatTable } from "@/server/data/admin-stats";
import { route } from "@/server/http";

/**
 * One statistics table as a CSV file for French spreadsheets (";", decimal comma, BOM), with the
 * same figures as its page: aggregates only, small cells already "< 10". French headers.
 */
export const GET = route<{ table: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("stats:view");
  const id = (await params).table;
  if (!isStatTableId(id)) throw new AppError("NOT_FOUND");
  const table = await getStatTable(actor, id, "fr", makeTranslator("fr"), now());
  const text = stringify(csvRecords(table, "fr"), { bom: true, delimiter: ";", record_delimiter: "\r\n" });
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statistiques-${id}.csv"`,
      "cache-control": "no-store",
    },
  });
});
