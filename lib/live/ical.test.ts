import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { feedCalendar, sessionCalendar, type CalendarEvent, type CalendarMethod } from "./ical";
import { parisLocalToInstant } from "./paris-time";

function paris(day: string, time: string): Date {
  const result = parisLocalToInstant(day, time);
  if (!result.ok) throw new Error(`${day} ${time}: ${result.reason}`);
  return result.instant;
}

const base: CalendarEvent = {
  uid: "cm1session42@formation.example.org",
  sequence: 0,
  stamp: new Date("2026-03-01T08:15:30Z"),
  start: paris("2026-01-15", "10:00"),
  end: paris("2026-01-15", "11:30"),
  summary: "Webinaire : vendre en ligne",
  description: "Présentation puis questions.",
  location: "https://visio.example.org/b/abc-def",
  url: "https://formation.example.org/sessions/42",
  status: "CONFIRMED",
  organizer: { name: "Camille Dupont", email: "camille@example.org" },
  attendee: { name: "Léa Martin", email: "lea@example.org" },
};

/**
 * Parses with ical.js, registering the file's own VTIMEZONE so that TZID times resolve through it
 * (and only it: it is removed after each test).
 */
function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone");
  expect(zones.length).toBeLessThanOrEqual(1);
  if (zones[0]) ICAL.TimezoneService.register(zones[0]);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent)) };
}
afterEach(() => ICAL.TimezoneService.remove("Europe/Paris"));

function only(text: string): { calendar: ICAL.Component; event: ICAL.Event } {
  const { calendar, events } = parse(text);
  expect(events).toHaveLength(1);
  return { calendar, event: events[0]! };
}

describe("sessionCalendar", () => {
  const methods: [CalendarMethod, CalendarEvent["status"], string][] = [
    ["PUBLISH", "CONFIRMED", "CONFIRMED"],
    ["REQUEST", "CONFIRMED", "CONFIRMED"],
    ["PUBLISH", "CANCELLED", "CANCELLED"],
    ["REQUEST", "CANCELLED", "CANCELLED"],
    ["CANCEL", "CANCELLED", "CANCELLED"],
    ["CANCEL", "CONFIRMED", "CANCELLED"], // a cancellation is cancelled, whatever the caller stored
  ];
  it.each(methods)("METHOD:%s with status %s → STATUS:%s", (method, status, expected) => {
    const { calendar, event } = only(sessionCalendar({ ...base, status }, method));
    expect(calendar.getFirstPropertyValue("method")).toBe(method);
    expect(event.component.getFirstPropertyValue("status")).toBe(expected);
  });

  it("UID, SEQUENCE, DTSTAMP (UTC), URL and the platform's PRODID", () => {
    const { calendar, event } = only(sessionCalendar({ ...base, sequence: 3 }, "REQUEST"));
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(3);
    const stamp = event.component.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.zone?.tzid).toBe("UTC");
    expect(stamp.toJSDate()).toEqual(base.stamp);
    expect(event.component.getFirstPropertyValue("url")).toBe(base.url);
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Accélérateur libre//Sessions en direct//FR");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  });

  it("names another product when asked", () => {
    const { calendar } = only(sessionCalendar(base, "PUBLISH", "Formations Dupont"));
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Formations Dupont//Sessions en direct//FR");
  });

  const texts: [string, string][] = [
    ["French characters", "Atelier « Créer sa boutique » — étape 1 : déjà ça"],
    ["commas and semicolons", "Un, deux; trois,; quatre"],
    ["newlines", "Ligne 1\nLigne 2\n\nLigne 4"],
    ["backslashes", "C:\\dossier\\n n'est pas un saut"],
    ["long text folded across multi-byte characters", "é".repeat(100) + " — 🎓 " + "àèù, ".repeat(40)],
  ];
  it.each(texts)("summary, description and location round-trip: %s", (_, text) => {
    const { event } = only(sessionCalendar({ ...base, summary: text, description: text, location: text }, "REQUEST"));
    expect(event.summary).toBe(text);
    expect(event.description).toBe(text);
    expect(event.location).toBe(text);
  });

  it("normalizes CRLF in a description to a newline", () => {
    const { event } = only(sessionCalendar({ ...base, description: "a\r\nb" }, "PUBLISH"));
    expect(event.description).toBe("a\nb");
  });

  it("leaves out LOCATION and URL when there are none", () => {
    const { event } = only(sessionCalendar({ ...base, location: null, url: null }, "PUBLISH"));
    expect(event.component.hasProperty("location")).toBe(false);
    expect(event.component.hasProperty("url")).toBe(false);
  });

  it("keeps a URL with a comma or a semicolon a valid URI (percent-encoded)", () => {
    const { event } = only(sessionCalendar({ ...base, url: "https://formation.example.org/s?a=1,2;b" }, "PUBLISH"));
    expect(event.component.getFirstPropertyValue("url")).toBe("https://formation.example.org/s?a=1%2C2%3Bb");
  });

  it("ORGANIZER always, ATTENDEE with RSVP for an invitation", () => {
    const { event } = only(sessionCalendar(base, "REQUEST"));
    const organizer = event.component.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe("mailto:camille@example.org");
    expect(organizer.getParameter("cn")).toBe("Camille Dupont");
    expect(event.attendees).toHaveLength(1);
    const attendee = event.attendees[0]!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe("mailto:lea@example.org");
    expect(attendee.getParameter("cn")).toBe("Léa Martin");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
    expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");
  });

  const attendees: [string, CalendarMethod, CalendarEvent["attendee"], number][] = [
    ["REQUEST with an invitee", "REQUEST", base.attendee, 1],
    ["CANCEL with an invitee", "CANCEL", base.attendee, 1],
    ["REQUEST without (null)", "REQUEST", null, 0],
    ["REQUEST without (absent)", "REQUEST", undefined, 0],
    ["PUBLISH never lists attendees (RFC 5546)", "PUBLISH", base.attendee, 0],
  ];
  it.each(attendees)("%s", (_, method, attendee, count) => {
    const { event } = only(sessionCalendar({ ...base, attendee }, method));
    expect(event.attendees).toHaveLength(count);
    expect(event.component.getFirstProperty("organizer")).not.toBeNull();
  });

  it("names an organizer without a display name by address", () => {
    const { event } = only(sessionCalendar({ ...base, organizer: { name: " ", email: "camille@example.org" } }, "REQUEST"));
    expect(event.component.getFirstProperty("organizer")!.getParameter("cn")).toBe("camille@example.org");
  });

  it("keeps a name with double quotes readable (typographic quotes) and whole", () => {
    const organizer = { name: 'Camille "la formatrice" Dupont, Lyon', email: "camille@example.org" };
    const attendee = { name: 'Zoé "Épicerie', email: "zoe@example.org" };
    const { event } = only(sessionCalendar({ ...base, organizer, attendee }, "REQUEST"));
    expect(event.component.getFirstProperty("organizer")!.getParameter("cn")).toBe("Camille “la formatrice” Dupont, Lyon");
    expect(event.component.getFirstProperty("attendee")!.getParameter("cn")).toBe("Zoé ”Épicerie");
  });

  // [what, start day, start time, end time, start UTC, end UTC]
  const instants: [string, string, string, string, string, string][] = [
    ["the day before the spring change (UTC+1)", "2026-03-28", "18:00", "19:30", "2026-03-28T17:00:00Z", "2026-03-28T18:30:00Z"],
    ["the spring change day (UTC+2)", "2026-03-29", "18:00", "19:30", "2026-03-29T16:00:00Z", "2026-03-29T17:30:00Z"],
    ["the day before the autumn change (UTC+2)", "2026-10-24", "18:00", "19:30", "2026-10-24T16:00:00Z", "2026-10-24T17:30:00Z"],
    ["the autumn change day (UTC+1)", "2026-10-25", "18:00", "19:30", "2026-10-25T17:00:00Z", "2026-10-25T18:30:00Z"],
    ["across the spring jump", "2026-03-29", "01:30", "03:30", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"],
    ["across the autumn repeated hour", "2026-10-25", "01:30", "03:30", "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"],
    ["summer 2027", "2027-07-01", "09:00", "12:00", "2027-07-01T07:00:00Z", "2027-07-01T10:00:00Z"],
    ["winter 2027, late evening", "2027-12-31", "22:00", "23:59", "2027-12-31T21:00:00Z", "2027-12-31T22:59:00Z"],
  ];
  it.each(instants)("right instants %s: %s %s–%s", (_, day, startTime, endTime, startUtc, endUtc) => {
    const text = sessionCalendar({ ...base, start: paris(day, startTime), end: paris(day, endTime) }, "REQUEST");
    const compact = (time: string) => `${day.replaceAll("-", "")}T${time.replace(":", "")}00`;
    expect(text).toContain(`\r\nDTSTART;TZID=Europe/Paris:${compact(startTime)}\r\n`);
    expect(text).toContain(`\r\nDTEND;TZID=Europe/Paris:${compact(endTime)}\r\n`);
    const { event } = only(text);
    expect(event.startDate.zone?.tzid).toBe("Europe/Paris");
    expect(event.startDate.toJSDate()).toEqual(new Date(startUtc));
    expect(event.endDate.toJSDate()).toEqual(new Date(endUtc));
  });

  // The repeated hour of the autumn change is ambiguous with a TZID (ical.js reads the second
  // occurrence, RFC 5545 the first): those events are written in UTC.
  const repeated: [string, string, string, string, string][] = [
    ["starts in the first 02:xx", "2026-10-25T00:15:00Z", "2026-10-25T00:45:00Z", "20261025T001500Z", "20261025T004500Z"],
    ["starts in the second 02:xx", "2026-10-25T01:15:00Z", "2026-10-25T02:15:00Z", "20261025T011500Z", "20261025T021500Z"],
    ["ends in the first 02:xx", "2026-10-24T23:30:00Z", "2026-10-25T00:30:00Z", "20261024T233000Z", "20261025T003000Z"],
    ["2027, starts in the repeated hour", "2027-10-31T00:00:00Z", "2027-10-31T03:00:00Z", "20271031T000000Z", "20271031T030000Z"],
  ];
  it.each(repeated)("right instants in the repeated hour, in UTC: %s", (_, start, end, startLine, endLine) => {
    const text = sessionCalendar({ ...base, start: new Date(start), end: new Date(end) }, "REQUEST");
    expect(text).toContain(`\r\nDTSTART:${startLine}\r\n`);
    expect(text).toContain(`\r\nDTEND:${endLine}\r\n`);
    const { event } = only(text);
    expect(event.startDate.toJSDate()).toEqual(new Date(start));
    expect(event.endDate.toJSDate()).toEqual(new Date(end));
  });

  it("does not depend on the server's time zone", () => {
    const event = { ...base, start: paris("2026-03-29", "18:00"), end: paris("2026-03-29", "19:00") };
    const inUtc = sessionCalendar(event, "REQUEST");
    const saved = process.env.TZ;
    try {
      for (const [zone, januaryOffset] of [["America/New_York", 300], ["Asia/Tokyo", -540], ["Europe/Paris", -60]] as const) {
        process.env.TZ = zone; // Node applies a new TZ at once
        expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(januaryOffset);
        expect(sessionCalendar(event, "REQUEST")).toBe(inUtc);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

/** ical.js keeps NAME and X-WR-* (unknown to it) raw: decode them as TEXT, with its own decoder. */
function calendarName(calendar: ICAL.Component, property: string): string {
  const raw = String(calendar.getFirstPropertyValue(property));
  return ICAL.design.icalendar.value.text!.fromICAL!(raw) as string;
}

describe("feedCalendar", () => {
  const events: CalendarEvent[] = [
    { ...base, uid: "a@formation.example.org", start: paris("2026-03-28", "18:00"), end: paris("2026-03-28", "19:00") },
    { ...base, uid: "b@formation.example.org", start: paris("2026-03-29", "18:00"), end: paris("2026-03-29", "19:00"), sequence: 1 },
    { ...base, uid: "c@formation.example.org", start: paris("2026-10-24", "18:00"), end: paris("2026-10-24", "19:00"), status: "CANCELLED", sequence: 2 },
    { ...base, uid: "d@formation.example.org", start: paris("2026-10-25", "18:00"), end: paris("2026-10-25", "19:00"), location: null, url: null },
  ];
  const name = "Accélérateur libre — Groupe « Printemps », Lyon; 2026";

  it("every event parsed back, the cancelled one cancelled, at the right instants", () => {
    const text = feedCalendar(name, events);
    const { calendar, events: parsed } = parse(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(parsed.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(parsed.map((e) => e.sequence)).toEqual([0, 1, 2, 0]);
    expect(parsed.map((e) => e.component.getFirstPropertyValue("status"))).toEqual(["CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED"]);
    expect(parsed.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      "2026-03-28T17:00:00.000Z",
      "2026-03-29T16:00:00.000Z",
      "2026-10-24T16:00:00.000Z",
      "2026-10-25T17:00:00.000Z",
    ]);
    expect(parsed.every((e) => e.attendees.length === 0)).toBe(true);
  });

  it("names the calendar (commas and semicolons kept) and asks for an hourly refresh", () => {
    const text = feedCalendar(name, events);
    const { calendar } = parse(text);
    expect(text).toContain("\r\nX-WR-CALNAME:Accélérateur libre — Groupe « Printemps »\\, Lyon\\; 2026\r\n");
    expect(calendarName(calendar, "x-wr-calname")).toBe(name);
    expect(calendarName(calendar, "name")).toBe(name);
    expect(text).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(text).toContain("\r\nX-PUBLISHED-TTL:PT1H\r\n");
  });

  it("an empty feed is still a valid calendar", () => {
    const { calendar, events: parsed } = parse(feedCalendar(name, []));
    expect(parsed).toHaveLength(0);
    expect(calendarName(calendar, "x-wr-calname")).toBe(name);
  });
});

describe("raw text", () => {
  const long = { ...base, summary: "Très long intitulé, ".repeat(10), description: "« é » ".repeat(60), attendee: { name: "É".repeat(50), email: "lea@example.org" } };
  const files: [string, string][] = [
    ["an invitation", sessionCalendar(long, "REQUEST")],
    ["a cancellation", sessionCalendar(long, "CANCEL")],
    ["a download", sessionCalendar(long, "PUBLISH")],
    ["a feed", feedCalendar("Groupe, ".repeat(20), [long, { ...long, uid: "other@formation.example.org" }])],
  ];
  it.each(files)("%s: VTIMEZONE, TZID times, CRLF, lines ≤ 75 octets", (_, text) => {
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("\r\nBEGIN:VTIMEZONE\r\n");
    expect(text).toContain("\r\nTZID:Europe/Paris\r\n");
    expect(text).toContain("\r\nDTSTART;TZID=Europe/Paris:");
    expect(text).toContain("\r\nDTEND;TZID=Europe/Paris:");
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(text).toMatch(/\r\nORGANIZER;/);
    const lines = text.slice(0, -2).split("\r\n");
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/); // no bare CR or LF
      expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    }
    expect(lines.some((line) => line.startsWith(" "))).toBe(true); // folding did happen
  });
});
