import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { removeMember } from "@/server/data/cohorts";
import { route } from "@/server/http";

/** A trainer removes a learner (the owner also removes co-trainers). The learner's progress stays theirs. */
export const DELETE = route<{ cohortId: string; userId: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, userId } = await params;
  await removeMember(actor, cuidSchema.parse(cohortId), cuidSchema.parse(userId));
  return new NextResponse(null, { status: 204 });
});
