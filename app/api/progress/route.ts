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
  return NextResponse.json({ progress, addedS, droppedS, isReplay });
});
