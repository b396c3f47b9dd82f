import { NextResponse } from "next/server";
import { cohortSchema, cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { updateCohort } from "@/server/data/cohorts";
import { parseJsonBody, route } from "@/server/http";

/** A trainer of the cohort changes its name, description, dates and reminder delay. */
export const PATCH = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const input = await parseJsonBody(request, cohortSchema);
  await updateCohort(actor, cohortId, input);
  return NextResponse.json({ cohort: { id: cohortId } });
});
