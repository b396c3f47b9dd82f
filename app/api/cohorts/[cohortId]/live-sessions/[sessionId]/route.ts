import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { liveSessionSchema } from "@/lib/schemas/live-sessions";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { cancelLiveSession, changeLiveSession } from "@/server/data/live-sessions";
import { parseJsonBody, route } from "@/server/http";

type Params = { cohortId: string; sessionId: string };

/** Changes a session until it starts (registrants get the update with its calendar file). */
export const PUT = route<Params>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, sessionId } = await params;
  const input = await parseJsonBody(request, liveSessionSchema);
  await changeLiveSession(actor, cuidSchema.parse(cohortId), cuidSchema.parse(sessionId), input, now());
  return new NextResponse(null, { status: 204 });
});

/** Cancels a session until it starts (it stays listed, marked cancelled; registrants get METHOD:CANCEL). */
export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, sessionId } = await params;
  await cancelLiveSession(actor, cuidSchema.parse(cohortId), cuidSchema.parse(sessionId), now());
  return new NextResponse(null, { status: 204 });
});
