/**
 * Live sessions (« sessions en direct »): when a session can be joined, changed, reminded; what the
 * trainer may type as its place. Pure: the caller gives the clock.
 */

/** The join link shows from this many minutes before the start (to registrants and the group's trainers). */
export const JOIN_OPENS_BEFORE_MIN = 15;
/** Reminders to registrants, from the earliest: each is sent once, and a late registrant gets only the nearest. */
export const LIVE_REMINDER_KINDS = ["24h", "1h"] as const;
export type LiveReminderKind = (typeof LIVE_REMINDER_KINDS)[number];
const REMINDER_LEAD_MS: Record<LiveReminderKind, number> = { "24h": 24 * 3_600_000, "1h": 3_600_000 };

export const PLACE_KINDS = ["online", "in-person"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export type LiveSessionTimes = { startsAt: Date; durationMin: number; cancelledAt: Date | null };

export type LiveSessionPhase = "cancelled" | "upcoming" | "open" | "ended";

export function endsAt(session: Pick<LiveSessionTimes, "startsAt" | "durationMin">): Date {
  return new Date(session.startsAt.getTime() + session.durationMin * 60_000);
}

/**
 * Where a session stands at `now`: "open" from JOIN_OPENS_BEFORE_MIN minutes before its start to its
 * end (the join link shows), "ended" after, "upcoming" before; "cancelled" whatever the time.
 */
export function liveSessionPhase(session: LiveSessionTimes, now: Date): LiveSessionPhase {
  if (session.cancelledAt) return "cancelled";
  const t = now.getTime();
  if (t >= endsAt(session).getTime()) return "ended";
  if (t >= session.startsAt.getTime() - JOIN_OPENS_BEFORE_MIN * 60_000) return "open";
  return "upcoming";
}

/** A session is changed, cancelled, registered for or left until it starts. */
export function hasStarted(session: Pick<LiveSessionTimes, "startsAt">, now: Date): boolean {
  return now.getTime() >= session.startsAt.getTime();
}

/** Attendance is marked once the session has started (a trainer marks it during or after). */
export function canMarkAttendance(session: LiveSessionTimes, now: Date): boolean {
  return !session.cancelledAt && hasStarted(session, now);
}

/**
 * The reminder due for one registrant at `now`, if any: the nearest kind whose lead time has come,
 * not sent yet, before the start. A kind whose moment had passed when the learner registered is
 * skipped (their invitation e-mail has just told them): registering 3 hours before brings the 1 h
 * reminder only. Nothing once the session has started or when it was cancelled.
 */
export function decideLiveReminder(input: { session: LiveSessionTimes; registeredAt: Date; now: Date; sent: readonly string[] }): LiveReminderKind | null {
  const { session, registeredAt, now, sent } = input;
  if (session.cancelledAt || hasStarted(session, now)) return null;
  const start = session.startsAt.getTime();
  const due = [...LIVE_REMINDER_KINDS].reverse().find((kind) => now.getTime() >= start - REMINDER_LEAD_MS[kind]);
  if (!due || sent.includes(due) || registeredAt.getTime() >= start - REMINDER_LEAD_MS[due]) return null;
  return due;
}

/** Places left; null when the session has no capacity. Never below 0. */
export function placesLeft(capacity: number | null, registeredCount: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - registeredCount);
}

/**
 * May a trainer give this videoconference address? Always https; when the operator lists hosts
 * (LIVE_SESSION_HOSTS), the address's host is one of them or under one (meet.example.org under example.org).
 */
export function isAllowedMeetingUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return false;
  if (allowedHosts.length === 0) return true;
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const a = allowed.toLowerCase().replace(/^\.+/, "");
    return host === a || host.endsWith(`.${a}`);
  });
}

/** The calendar UID of a session: stable across its changes, unique to this platform. */
export function liveSessionUid(sessionId: string, platformHost: string): string {
  return `live-session-${sessionId}@${platformHost}`;
}
