import { NextResponse } from "next/server";
import { businessProfileSchema } from "@/lib/schemas/account";
import { requireApiPermission } from "@/server/auth";
import { setBusinessProfile } from "@/server/data/account";
import { parseJsonBody, route } from "@/server/http";

/** Mon compte: the business profile (sector, département, size band), used only for aggregate statistics. */
export const PUT = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const profile = await parseJsonBody(request, businessProfileSchema);
  await setBusinessProfile(actor, profile);
  return NextResponse.json(profile);
});

/** Withdraws the business profile: the statistics count the learner as "profil non renseigné". */
export const DELETE = route(async () => {
  const actor = await requireApiPermission("account:manage");
  await setBusinessProfile(actor, null);
  return new NextResponse(null, { status: 204 });
});
