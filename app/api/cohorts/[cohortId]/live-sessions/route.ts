import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { scheduleLiveSession } from "@/server/data/live-sessions";
import { parseJsonBody, route } from "@/server/http";

/** A trainer schedules a live session for one of their cohorts; its learners are told in the app. */
export const POST = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId } = await params;
  const input = await parseJsonBody(request, liveSessionSchema);
  const session = await scheduleLiveSession(actor, cuidSchema.parse(cohortId), input, now());
  return NextResponse.json({ session }, { status: 201 });
});
