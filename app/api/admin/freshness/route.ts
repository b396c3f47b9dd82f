import { stringify } from "csv-stringify/sync";
import { freshnessCsvRecords } from "@/lib/content/freshness-csv";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { getFreshnessReport } from "@/server/content";
import { route } from "@/server/http";

/**
 * « Fraîcheur des contenus » as a CSV file for French spreadsheets (";", BOM, CRLF, French headers):
 * every comparison cell, stale first, as on /admin/freshness.
 */
export const GET = route(async () => {
  const actor = await requireApiPermission("content:review");
  const text = stringify(freshnessCsvRecords(getFreshnessReport(actor, now())), { bom: true, delimiter: ";", record_delimiter: "\r\n" });
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="fraicheur-des-contenus.csv"',
      "cache-control": "no-store",
    },
  });
});
