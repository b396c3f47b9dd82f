import { NextResponse } from "next/server";
import { accountEmailSchema } from "@/lib/schemas/account";
import { requireApiPermission } from "@/server/auth";
import { changeEmail } from "@/server/data/account";
import { parseJsonBody, route } from "@/server/http";

/** Mon compte: a new sign-in address, confirmed by the current password. */
export const PUT = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const input = await parseJsonBody(request, accountEmailSchema);
  await changeEmail(actor, input);
  return NextResponse.json({ email: input.email });
});
