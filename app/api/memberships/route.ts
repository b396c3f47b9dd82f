import { NextResponse } from "next/server";
import { joinSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { joinCohort } from "@/server/data/memberships";
import { parseJsonBody, route } from "@/server/http";

/** A merchant joins a cohort with its code (joining twice changes nothing). */
export const POST = route(async (request) => {
  const actor = await requireApiPermission("cohorts:join");
  const { code } = await parseJsonBody(request, joinSchema);
  const result = await joinCohort(actor, code, now());
  return NextResponse.json(result, { status: result.isNew ? 201 : 200 });
});
