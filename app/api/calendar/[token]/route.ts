import { now } from "@/server/clock";
import { calendarFeedOf } from "@/server/data/calendar-feed";
import { route } from "@/server/http";

/**
 * A private calendar feed (RFC 5545), for calendar applications: no session, the secret token in
 * the address is the key. Unknown or revoked: 404 JSON.
 */
export const GET = route<{ token: string }>(async (_request, { params }) => {
  const { token } = await params;
  const text = await calendarFeedOf(token, now());
  return new Response(text, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="accelerateur-libre.ics"', "cache-control": "private, no-store" },
  });
});
