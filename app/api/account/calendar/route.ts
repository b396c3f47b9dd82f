import { NextResponse } from "next/server";
import { requireApiPermission } from "@/server/auth";
import { renewCalendarFeed, revokeCalendarFeed } from "@/server/data/calendar-feed";
import { route } from "@/server/http";

/** Mon compte: a new private calendar feed address (the previous one stops working). */
export const PUT = route(async () => {
  const actor = await requireApiPermission("account:manage");
  return NextResponse.json({ url: await renewCalendarFeed(actor) });
});

/** Mon compte: the calendar feed address is revoked; calendar applications subscribed to it get a 404. */
export const DELETE = route(async () => {
  const actor = await requireApiPermission("account:manage");
  await revokeCalendarFeed(actor);
  return new NextResponse(null, { status: 204 });
});
