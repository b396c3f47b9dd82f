import { NextResponse } from "next/server";
import { cuidSchema, joinCodeSettingsSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { regenerateJoinCode, revokeJoinCode, setJoinCodeExpiry } from "@/server/data/cohorts";
import { parseJsonBody, route } from "@/server/http";

/** A new join code (the previous one stops working), with an optional last day. */
export const POST = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const input = await parseJsonBody(request, joinCodeSettingsSchema);
  const code = await regenerateJoinCode(actor, cohortId, input);
  return NextResponse.json(code, { status: 201 });
});

/** Changes the current code's last day (or removes it). */
export const PATCH = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const input = await parseJsonBody(request, joinCodeSettingsSchema);
  await setJoinCodeExpiry(actor, cohortId, input);
  return new NextResponse(null, { status: 204 });
});

/** Revokes the code: the link and the code stop working at once. */
export const DELETE = route<{ cohortId: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  await revokeJoinCode(actor, cohortId);
  return new NextResponse(null, { status: 204 });
});
