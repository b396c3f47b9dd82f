import { NextResponse } from "next/server";
import { signUpSchema } from "@/lib/schemas/auth";
import { createMerchant } from "@/server/data/users";
import { parseJsonBody, route } from "@/server/http";

/** Sign-up: creates a merchant account. Public. */
export const POST = route(async (request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const user = await createMerchant(input);
  return NextResponse.json({ user: { id: user.id, name: user.name, role: user.role } }, { status: 201 });
});
