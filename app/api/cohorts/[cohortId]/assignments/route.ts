import { NextResponse } from "next/server";
import { assignmentSchema, cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { createAssignment } from "@/server/data/assignments";
import { parseJsonBody, route } from "@/server/http";

/** Assigns a chapter or a module to the cohort, with an optional due rule. */
export const POST = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const input = await parseJsonBody(request, assignmentSchema);
  const assignment = await createAssignment(actor, cohortId, input);
  return NextResponse.json({ assignment }, { status: 201 });
});
