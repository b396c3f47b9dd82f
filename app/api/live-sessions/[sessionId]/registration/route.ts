import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { registerForLiveSession, unregisterFromLiveSession } from "@/server/data/live-sessions";
import { route } from "@/server/http";

type Params = { sessionId: string };

/** A learner of the session's cohort registers, while a place is left (409 LIVE_FULL otherwise). */
export const PUT = route<Params>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:join");
  await registerForLiveSession(actor, cuidSchema.parse((await params).sessionId), now());
  return new NextResponse(null, { status: 204 });
});

/** The learner unregisters until the session starts. */
export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:join");
  await unregisterFromLiveSession(actor, cuidSchema.parse((await params).sessionId), now());
  return new NextResponse(null, { status: 204 });
});
