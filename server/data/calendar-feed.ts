import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { feedCalendar } from "@/lib/live/ical";
import { can, type Actor } from "@/lib/permissions";
import { isRole } from "@/lib/roles";
import { getDb } from "../db";
import { publicUrl } from "../mail";
import { calendarEventOf } from "./live-sessions";

/**
 * Each learner's and trainer's private calendar feed: an address with a secret token that any
 * calendar application subscribes to, listing their live sessions (a learner: those they registered
 * for; a trainer: those of the cohorts they train). The token is made, renewed or revoked on Mon compte.
 */

/** Sessions that ended more than this long ago leave the feed. */
const FEED_PAST_DAYS = 90;
/** A token: 32 random bytes, base64url (43 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}`;
}

/** The account's feed address, or null while it has none. */
export async function getCalendarFeedUrl(actor: Actor): Promise<string | null> {
  if (!can(actor, "account:view")) throw new AppError("FORBIDDEN");
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { calendarToken: true } });
  return user?.calendarToken ? publicUrl(calendarFeedPath(user.calendarToken)) : null;
}

/** Makes a new feed address; the previous one, if any, stops working at once. */
export async function renewCalendarFeed(actor: Actor): Promise<string> {
  if (!can(actor, "account:manage")) throw new AppError("FORBIDDEN");
  const token = randomBytes(32).toString("base64url");
  await getDb().user.update({ where: { id: actor.id }, data: { calendarToken: token } });
  return publicUrl(calendarFeedPath(token));
}

export async function revokeCalendarFeed(actor: Actor): Promise<void> {
  if (!can(actor, "account:manage")) throw new AppError("FORBIDDEN");
  await getDb().user.update({ where: { id: actor.id }, data: { calendarToken: null } });
}

/** The feed behind a token (no session: the token is the key); an unknown or revoked token is a 404. */
export async function calendarFeedOf(token: string, now: Date): Promise<string> {
  if (!TOKEN_PATTERN.test(token)) throw new AppError("CALENDAR_TOKEN_UNKNOWN");
  const db = getDb();
  const user = await db.user.findUnique({ where: { calendarToken: token }, select: { id: true, role: true, name: true } });
  if (!user) throw new AppError("CALENDAR_TOKEN_UNKNOWN");
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const isTrainer = isRole(user.role) && can({ id: user.id, role: user.role }, "cohorts:train");
  const sessions = await db.liveSession.findMany({
    where: {
      startsAt: { gte: since },
      ...(isTrainer ? { cohort: { members: { some: { userId: user.id, role: "trainer" } } } } : { registrations: { some: { userId: user.id } } }),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, description: true, startsAt: true, durationMin: true, placeKind: true, address: true, sequence: true, cancelledAt: true, updatedAt: true, cohort: { select: { name: true } } },
  });
  return feedCalendar(`Accélérateur libre — ${user.name}`, sessions.map((s) => calendarEventOf({ ...s, cohortName: s.cohort.name })));
}
