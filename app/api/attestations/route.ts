import { NextResponse } from "next/server";
import { requireApiPermission } from "@/server/auth";
import { issueAttestation } from "@/server/data/progress";
import { route } from "@/server/http";

/** Issues (once) the signed-in learner's attestation; 409 until the programme is complete. */
export const POST = route(async () => {
  const actor = await requireApiPermission("progress:record");
  const attestation = await issueAttestation(actor);
  return NextResponse.json({ code: attestation.code, issuedAt: attestation.issuedAt }, { status: 201 });
});
