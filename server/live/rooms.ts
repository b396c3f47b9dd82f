import "server-only";
import { getEnv } from "../env";
import { AppError } from "@/lib/errors";
import { BbbError, bbbClient, type BbbAttendee } from "./bbb";

/**
 * The operator's BigBlueButton server (BBB_URL, BBB_SECRET, BBB_CHECKSUM), when configured: a live
 * session's room is made when its first participant joins (create is idempotent), each participant
 * gets a personal link signed for their role, and attendance is read back from the server.
 */
function client() {
  const { BBB_URL, BBB_SECRET, BBB_CHECKSUM } = getEnv();
  if (!BBB_URL || !BBB_SECRET) return null;
  return bbbClient({ url: BBB_URL, secret: BBB_SECRET, algorithm: BBB_CHECKSUM });
}

/** The room's id on the BigBlueButton server: stable for the session. */
export function meetingIdOf(sessionId: string): string {
  return `accelerateur-${sessionId}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 256);
}

/** Makes the room (once; again is harmless) and the participant's own join link. */
export async function bbbJoinUrl(input: { sessionId: string; title: string; durationMin: number; role: "MODERATOR" | "VIEWER"; userId: string; fullName: string; logoutUrl: string }): Promise<string> {
  const bbb = client();
  if (!bbb) throw new Error("BigBlueButton is not configured (BBB_URL, BBB_SECRET)");
  const meetingId = meetingIdOf(input.sessionId);
  // The session's own length plus a margin: BigBlueButton ends the room after `duration` minutes.
  try {
    await bbb.createMeeting({ meetingId, name: input.title.length >= 2 ? input.title : `${input.title} —`, durationMin: input.durationMin + 60, logoutUrl: input.logoutUrl });
  } catch (error) {
    if (error instanceof BbbError) {
      console.error(`BigBlueButton: creating the room of live session ${input.sessionId} failed (${error.code} ${error.messageKey ?? ""})`);
      throw new AppError("LIVE_ROOM_UNAVAILABLE");
    }
    throw error;
  }
  return bbb.joinUrl({ meetingId, fullName: input.fullName, userId: input.userId, role: input.role });
}

/** Who is in the room now (BigBlueButton forgets a room some time after it ends): null when it does not exist. */
export async function bbbAttendees(sessionId: string): Promise<BbbAttendee[] | null> {
  const bbb = client();
  if (!bbb) return null;
  const info = await bbb.getMeetingInfo(meetingIdOf(sessionId));
  return info ? info.attendees : null;
}
