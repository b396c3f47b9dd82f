/**
 * « Sessions en direct » as iCalendar (RFC 5545) text: the .ics download, the file attached to an
 * invitation or cancellation e-mail (RFC 5546 methods), and the private subscribable feed.
 * Times are written as Paris wall clock with TZID=Europe/Paris plus its VTIMEZONE, so calendars
 * show « 18:00 » the way the trainer typed it, on both sides of the clock changes.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  escape,
  type ICalCalendar,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { PLATFORM_TIME_ZONE } from "@/lib/calendar-day";
import { instantToParisLocal } from "./paris-time";

export type CalendarEvent = {
  uid: string; // stable per session, e.g. "<sessionId>@<host>"
  sequence: number; // 0 at creation, +1 on each change (the caller stores it)
  stamp: Date; // DTSTAMP
  start: Date;
  end: Date; // instants; written as local times with TZID=Europe/Paris
  summary: string;
  description: string; // plain text, may contain newlines and French characters
  location: string | null; // a physical address, or the videoconference link
  url: string | null; // the session's page on the platform
  status: "CONFIRMED" | "CANCELLED";
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string } | null; // the invitee, for an invitation e-mail
};
export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

const DEFAULT_PRODUCT_NAME = "Accélérateur libre";
const FEED_REFRESH_SECONDS = 3600; // REFRESH-INTERVAL and X-PUBLISHED-TTL: PT1H
const HOUR_MS = 3_600_000;

/**
 * An instant as a Temporal.ZonedDateTime look-alike in Europe/Paris. ical-generator writes a native
 * Date with a TZID using the *process's* local getHours() (UTC on the server: 18:00 Paris would
 * come out as 16:00 or 17:00), but it formats a ZonedDateTime from its own fields. Only the
 * members its formatting and start/end ordering read are real; the rest fail loudly.
 */
function parisDateTime(instant: Date): ICalTemporalZonedDateTimeStub {
  const { day, time } = instantToParisLocal(instant);
  const fields = {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    day: Number(day.slice(8, 10)),
    hour: Number(time.slice(0, 2)),
    minute: Number(time.slice(3, 5)),
    second: instant.getUTCSeconds(), // Paris offsets are whole hours
  };
  const unused = (): never => {
    throw new Error("Not used by ical-generator for a TZID date-time");
  };
  const iso = () => instant.toISOString();
  const plain: ICalTemporalPlainDateTimeStub = { ...fields, toPlainDate: unused, toZonedDateTime: unused, toJSON: unused, toString: unused };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...fields,
    timeZoneId: PLATFORM_TIME_ZONE,
    withTimeZone: (timeZone) => (timeZone === PLATFORM_TIME_ZONE ? zoned : unused()),
    toPlainDateTime: () => plain,
    toInstant: () => ({ epochMilliseconds: instant.getTime(), toJSON: iso, toString: iso, toZonedDateTimeISO: unused }),
    toJSON: iso,
    toString: iso,
  };
  return zoned;
}

/** The Europe/Paris VTIMEZONE block (element 0; element 1 is a bare "TZID=…" parameter). */
function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

/**
 * A calendar with the platform's PRODID and the VTIMEZONE generator. The calendar's own time zone
 * name stays null on purpose: ical-generator writes DTSTAMP in the calendar's zone, without a Z or
 * TZID, when one is set — and RFC 5545 wants DTSTAMP in UTC. Events carry the zone instead.
 */
function newCalendar(method: CalendarMethod, productName: string): ICalCalendar {
  return ical({
    prodId: { company: escape(productName, false), product: "Sessions en direct", language: "FR" },
    method: ICalCalendarMethod[method],
    timezone: { name: null, generator: vtimezone },
  });
}

/** RFC 5545 ends every content line with CRLF, the last one too; ical-generator stops at END:VCALENDAR. */
function serialize(calendar: ICalCalendar): string {
  return `${calendar.toString()}\r\n`;
}

/** Whether the Paris wall clock of an instant happens twice (02:00–02:59 on the autumn change day). */
function inRepeatedHour(instant: Date): boolean {
  const { day, time } = instantToParisLocal(instant);
  return [-HOUR_MS, HOUR_MS].some((shift) => {
    const other = instantToParisLocal(new Date(instant.getTime() + shift));
    return other.day === day && other.time === time;
  });
}

function addEvent(calendar: ICalCalendar, event: CalendarEvent, method: CalendarMethod): void {
  // RFC 5546: a CANCEL's event is cancelled whatever was stored; PUBLISH carries no attendee.
  const status = method === "CANCEL" ? "CANCELLED" : event.status;
  const attendee = method === "PUBLISH" ? null : event.attendee;
  // A repeated wall-clock time is ambiguous with a TZID: RFC 5545 says first occurrence, ical.js
  // reads the second, and a second occurrence cannot be written at all. Such a rare event (a
  // Sunday around 2 a.m.) is written in UTC instead, which no client misreads.
  const inUtc = inRepeatedHour(event.start) || inRepeatedHour(event.end);
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: event.stamp,
    start: inUtc ? event.start : parisDateTime(event.start),
    end: inUtc ? event.end : parisDateTime(event.end),
    timezone: inUtc ? null : PLATFORM_TIME_ZONE,
    summary: event.summary,
    description: event.description,
    location: event.location,
    // ical-generator escapes URL like TEXT (`,` → `\,`), which would change the URI: encode those two.
    url: event.url?.replace(/[,;]/g, encodeURIComponent) ?? null,
    status: ICalEventStatus[status],
    // ical-generator throws on an empty CN; a trainer without a display name is shown by address.
    organizer: { name: parameterText(event.organizer.name.trim() || event.organizer.email), email: event.organizer.email },
    attendees: attendee
      ? [{ name: parameterText(attendee.name), email: attendee.email, rsvp: true, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }]
      : [],
  });
}

/** One session as a calendar file (the .ics download uses PUBLISH; invitation e-mails REQUEST, cancellations CANCEL). */
export function sessionCalendar(event: CalendarEvent, method: CalendarMethod, productName: string = DEFAULT_PRODUCT_NAME): string {
  const calendar = newCalendar(method, productName);
  addEvent(calendar, event, method);
  return serialize(calendar);
}

/** A subscribable feed: every event given, method PUBLISH, with a calendar name and a refresh interval hint. */
/**
 * A name as a parameter value (CN): ical-generator 10 (the last major that runs on Node 20) escapes a
 * double quote with a backslash, which RFC 5545 does not know and parsers read as the value's end;
 * RFC 6868's ^' is not understood by every client either. Straight double quotes become typographic ones.
 */
function parameterText(name: string): string {
  return name.replace(/"([^"]*)"/g, "“$1”").replace(/"/g, "”");
}

export function feedCalendar(name: string, events: CalendarEvent[]): string {
  const calendar = newCalendar("PUBLISH", DEFAULT_PRODUCT_NAME);
  // ical-generator writes NAME and X-WR-CALNAME unescaped: a newline in a group's name would break
  // the file, a comma or semicolon is not valid TEXT.
  calendar.name(escape(name, false));
  calendar.ttl(FEED_REFRESH_SECONDS);
  for (const event of events) addEvent(calendar, event, "PUBLISH");
  return serialize(calendar);
}
