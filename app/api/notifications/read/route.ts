import { NextResponse } from "next/server";
import { notificationsReadSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { markNotificationsRead } from "@/server/data/notifications";
import { parseJsonBody, route } from "@/server/http";

/** Marks some (ids) or all of one's own notifications as read. */
export const POST = route(async (request) => {
  const actor = await requireApiPermission("notifications:view");
  const input = await parseJsonBody(request, notificationsReadSchema);
  const count = await markNotificationsRead(actor, input, now());
  return NextResponse.json({ count });
});
