import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { leaveCohort } from "@/server/data/memberships";
import { route } from "@/server/http";

/** A learner leaves a cohort. */
export const DELETE = route<{ cohortId: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:join");
  await leaveCohort(actor, cuidSchema.parse((await params).cohortId));
  return new NextResponse(null, { status: 204 });
});
