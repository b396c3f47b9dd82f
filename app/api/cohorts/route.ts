import { NextResponse } from "next/server";
import { cohortSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { createCohort } from "@/server/data/cohorts";
import { parseJsonBody, route } from "@/server/http";

/** A trainer creates a cohort (they become its owner and first trainer). */
export const POST = route(async (request) => {
  const actor = await requireApiPermission("cohorts:train");
  const input = await parseJsonBody(request, cohortSchema);
  const cohort = await createCohort(actor, input);
  return NextResponse.json({ cohort }, { status: 201 });
});
