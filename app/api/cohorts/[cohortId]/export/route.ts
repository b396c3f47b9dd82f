import { cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { streamCohortCsv } from "@/server/data/cohort-dashboard";
import { route } from "@/server/http";

/** The cohort dashboard as a CSV file for French spreadsheets (streamed). */
export const GET = route<{ cohortId: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const { filename, stream } = await streamCohortCsv(actor, cohortId, now());
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
