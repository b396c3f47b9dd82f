import { NextResponse } from "next/server";
import { progressReportSchema } from "@/lib/schemas/progress";
import { requireApiPermission } from "@/server/auth";
import { recordProgressReport } from "@/server/data/progress";
import { parseJsonBody, route } from "@/server/http";

/** The player's heartbeat (also sent with sendBeacon when the page is hidden). */
export const POST = route(async (request) => {
  const actor = await requireApiPermission("progress:record");
  const body = await parseJsonBody(request, progressReportSchema);
  const { progress, addedS, droppedS, isReplay } = await recordProgressReport(actor, body);
  // A few hundred bytes, sent every few seconds by every learner watching: `no-transform` keeps
  // next start's gzip off it (compressing it cost more CPU than recording the report).
  return NextResponse.json({ progress, addedS, droppedS, isReplay }, { headers: { "cache-control": "no-store, no-transform" } });
});
