import { NextResponse } from "next/server";
import { cuidSchema, extensionSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { removeExtension, setExtension } from "@/server/data/assignments";
import { parseJsonBody, route } from "@/server/http";

type Params = { cohortId: string; assignmentId: string; userId: string };

async function ids(params: Promise<Params>) {
  const p = await params;
  return { cohortId: cuidSchema.parse(p.cohortId), assignmentId: cuidSchema.parse(p.assignmentId), userId: cuidSchema.parse(p.userId) };
}

/** Gives one learner a later due day. */
export const PUT = route<Params>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, assignmentId, userId } = await ids(params);
  const { dueOn } = await parseJsonBody(request, extensionSchema);
  await setExtension(actor, cohortId, assignmentId, userId, dueOn);
  return NextResponse.json({ extension: { assignmentId, userId, dueOn } });
});

/** Removes the extension: the cohort's rule applies again. */
export const DELETE = route<Params>(async (_request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const { cohortId, assignmentId, userId } = await ids(params);
  await removeExtension(actor, cohortId, assignmentId, userId);
  return new NextResponse(null, { status: 204 });
});
