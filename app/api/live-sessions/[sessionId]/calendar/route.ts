import { cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { liveSessionCalendar } from "@/server/data/live-sessions";
import { route } from "@/server/http";

/** The session as an .ics file (RFC 5545, METHOD:PUBLISH), for a learner or a trainer of its cohort. */
export const GET = route<{ sessionId: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("programme:view");
  const sessionId = cuidSchema.parse((await params).sessionId);
  const text = await liveSessionCalendar(actor, sessionId);
  return new Response(text, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="session-${sessionId}.ics"`, "cache-control": "private, no-store" },
  });
});
