import { NextResponse } from "next/server";
import { cuidSchema, invitationsSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { sendInvitations } from "@/server/data/cohorts";
import { parseJsonBody, route } from "@/server/http";

/** E-mails the join link to each pasted address (through the outbox). */
export const POST = route<{ cohortId: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("cohorts:train");
  const cohortId = cuidSchema.parse((await params).cohortId);
  const { emails } = await parseJsonBody(request, invitationsSchema);
  const result = await sendInvitations(actor, cohortId, emails, now());
  return NextResponse.json({ count: result.count }, { status: 201 });
});
