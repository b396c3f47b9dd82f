import { NextResponse } from "next/server";
import { cuidSchema } from "@/lib/schemas/cohorts";
import { requireApiPermission } from "@/server/auth";
import { now } from "@/server/clock";
import { joinTarget, learnerSessionPath } from "@/server/data/live-sessions";
import { route } from "@/server/http";
import { publicUrl } from "@/server/mail";
import { bbbJoinUrl } from "@/server/live/rooms";

/**
 * Joining a live session: registrants and the cohort's trainers, from 15 minutes before the start to
 * its end, are sent to the videoconference — the trainer's address, or their own BigBlueButton link
 * (moderator for trainers, attendee for learners), made at the click and never stored.
 */
export const GET = route<{ sessionId: string }>(async (_request, { params }) => {
  const actor = await requireApiPermission("programme:view");
  const sessionId = cuidSchema.parse((await params).sessionId);
  const target = await joinTarget(actor, sessionId, now());
  const url =
    target.kind === "url"
      ? target.url
      : await bbbJoinUrl({ ...target, logoutUrl: publicUrl(learnerSessionPath(sessionId)) });
  return NextResponse.redirect(url, { status: 303, headers: { "cache-control": "no-store" } });
});
