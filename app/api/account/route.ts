import { NextResponse } from "next/server";
import { accountErasureSchema, accountNameSchema } from "@/lib/schemas/account";
import { requireApiPermission } from "@/server/auth";
import { eraseAccount, renameAccount } from "@/server/data/account";
import { parseJsonBody, route } from "@/server/http";

/** Mon compte: the display name. */
export const PATCH = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const { name } = await parseJsonBody(request, accountNameSchema);
  await renameAccount(actor, name);
  return NextResponse.json({ name });
});

/** Erases the signed-in account for good, confirmed by its password (GDPR art. 17). */
export const DELETE = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const input = await parseJsonBody(request, accountErasureSchema);
  await eraseAccount(actor, input);
  return new NextResponse(null, { status: 204 });
});
