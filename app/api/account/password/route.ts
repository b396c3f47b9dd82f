import { NextResponse } from "next/server";
import { accountPasswordSchema } from "@/lib/schemas/account";
import { renewedSessionCookie, requireApiPermission } from "@/server/auth";
import { changePassword } from "@/server/data/account";
import { parseJsonBody, route } from "@/server/http";

/** Mon compte: a new password, confirmed by the current one. Every other session of the account ends; this one goes on. */
export const PUT = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const input = await parseJsonBody(request, accountPasswordSchema);
  await changePassword(actor, input);
  const response = new NextResponse(null, { status: 204 });
  const cookie = await renewedSessionCookie();
  if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
});
