import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { attendanceSchema } from "@/lib/schemas/live-sessions";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { markAttendance } from "@/server/data/live-sessions";
import { parseJsonBody, route } from "@/server/http";

/** After the start: present or absent for each registrant, a replay link and notes. */
export const PUT = route<{ cohortId: string; sessionId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, sessionId } = await params;
  const input = await parseJsonBody(request, attendanceSchema);
  await markAttendance(actor, cuidSchema.parse(cohortId), cuidSchema.parse(sessionId), input, now());
  return new NextResponse(null, { status: 204 });
});
