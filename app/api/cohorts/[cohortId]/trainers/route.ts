import { NextResponse } from "next/server";
import { coTrainerSchema, cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { addCoTrainer } from "@/server/data/cohorts";
import { parseJsonBody, route } from "@/server/http";

/** The owner adds a co-trainer by the e-mail of an existing trainer account. */
export const POST = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const { email } = await parseJsonBody(request, coTrainerSchema);
  const trainer = await addCoTrainer(actor, cohortId, email);
  return NextResponse.json({ trainer }, { status: 201 });
});
