import { NextResponse } from "next/server";
import { changeRoleSchema, userIdSchema } from "@/lib/schemas/auth";
import { requireApiPermission } from "@/server/auth";
import { changeUserRole } from "@/server/data/users";
import { parseJsonBody, route } from "@/server/http";

/** An admin changes a user's role (audited; the last admin keeps the role). */
export const PUT = route<{ id: string }>(async (request, { params }) => {
  const actor = await requireApiPermission("users:change-role");
  const userId = userIdSchema.parse((await params).id);
  const { role } = await parseJsonBody(request, changeRoleSchema);
  const user = await changeUserRole(actor, { userId, role });
  return NextResponse.json({ user: { id: user.id, name: user.name, role: user.role } });
});
