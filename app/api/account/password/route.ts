import { NextResponse } from "next/server";
import { accountPasswordSchema } from "@/lib/schemas/account";
import { requireApiPermission } from "@/server/auth";
import { changePassword } from "@/server/data/account";
import { parseJsonBody, route } from "@/server/http";

/** Mon compte: a new password, confirmed by the current one. */
export const PUT = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const input = await parseJsonBody(request, accountPasswordSchema);
  await changePassword(actor, input);
  return new NextResponse(null, { status: 204 });
});
