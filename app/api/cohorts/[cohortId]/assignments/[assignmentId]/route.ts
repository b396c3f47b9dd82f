import { NextResponse } from "next/server";
import { assignmentDueSchema, cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { deleteAssignment, updateAssignmentDue } from "@/server/data/assignments";
import { parseJsonBody, route } from "@/server/http";

type Params = { cohortId: string; assignmentId: string };

/** Changes an assignment's due rule. */
export const PATCH = route<Params>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, assignmentId } = await params;
  const input = await parseJsonBody(request, assignmentDueSchema);
  const assignment = await updateAssignmentDue(actor, cuidSchema.parse(cohortId), cuidSchema.parse(assignmentId), input);
  return NextResponse.json({ assignment });
});

/** Removes an assignment (the learners' progress is kept: it is theirs). */
export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, assignmentId } = await params;
  await deleteAssignment(actor, cuidSchema.parse(cohortId), cuidSchema.parse(assignmentId));
  return new NextResponse(null, { status: 204 });
});
