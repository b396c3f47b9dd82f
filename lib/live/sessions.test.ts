import { describe, expect, it } from "vitest";
import { decideLiveReminder, endsAt, isAllowedMeetingUrl, liveSessionPhase, placesLeft } from "./sessions";

const startsAt = new Date("2026-12-10T17:00:00Z");
const session = { startsAt, durationMin: 60, cancelledAt: null };
const at = (iso: string) => new Date(iso);

describe("liveSessionPhase", () => {
  it.each([
    ["a day before", "2026-12-09T17:00:00Z", "upcoming"],
    ["16 minutes before", "2026-12-10T16:44:00Z", "upcoming"],
    ["15 minutes before: the join link shows", "2026-12-10T16:45:00Z", "open"],
    ["during", "2026-12-10T17:30:00Z", "open"],
    ["at its end", "2026-12-10T18:00:00Z", "ended"],
  ] as const)("%s → %s", (_label, now, phase) => expect(liveSessionPhase(session, at(now))).toBe(phase));
  it("a cancelled session is cancelled whatever the time", () => {
    expect(liveSessionPhase({ ...session, cancelledAt: at("2026-12-01T00:00:00Z") }, at("2026-12-10T17:30:00Z"))).toBe("cancelled");
  });
  it("ends after its duration", () => expect(endsAt({ startsAt, durationMin: 90 }).toISOString()).toBe("2026-12-10T18:30:00.000Z"));
});

describe("decideLiveReminder", () => {
  const early = "2026-12-01T09:00:00Z";
  it.each([
    ["two days before: nothing yet", early, "2026-12-08T17:00:00Z", [], null],
    ["24 h before", early, "2026-12-09T17:00:00Z", [], "24h"],
    ["23 h before, 24 h already sent", early, "2026-12-09T18:00:00Z", ["24h"], null],
    ["1 h before", early, "2026-12-10T16:00:00Z", ["24h"], "1h"],
    ["59 min before, the 24 h one missed (a server down): the 1 h one", early, "2026-12-10T16:01:00Z", [], "1h"],
    ["1 h before, already sent", early, "2026-12-10T16:30:00Z", ["24h", "1h"], null],
    ["started: nothing", early, "2026-12-10T17:00:00Z", [], null],
    ["registered 3 h before: no 24 h reminder", "2026-12-10T14:00:00Z", "2026-12-10T14:01:00Z", [], null],
    ["registered 3 h before: the 1 h one", "2026-12-10T14:00:00Z", "2026-12-10T16:00:00Z", [], "1h"],
    ["registered 30 min before: none", "2026-12-10T16:30:00Z", "2026-12-10T16:31:00Z", [], null],
  ] as const)("%s", (_label, registeredAt, now, sent, expected) => expect(decideLiveReminder({ session, registeredAt: at(registeredAt), now: at(now), sent })).toBe(expected));
  it("nothing for a cancelled session", () => {
    expect(decideLiveReminder({ session: { ...session, cancelledAt: at("2026-12-09T00:00:00Z") }, registeredAt: at(early0), now: at("2026-12-10T16:30:00Z"), sent: [] })).toBeNull();
  });
});

const early0 = "2026-12-01T09:00:00Z";

describe("placesLeft", () => {
  it.each([
    [null, 5, null],
    [10, 3, 7],
    [10, 10, 0],
    [10, 12, 0],
  ] as const)("capacity %s, %i registered → %s", (capacity, count, left) => expect(placesLeft(capacity, count)).toBe(left));
});

describe("isAllowedMeetingUrl", () => {
  it.each([
    ["https://meet.jit.si/atelier-nantes", [], true],
    ["http://meet.jit.si/atelier", [], false],
    ["javascript:alert(1)", [], false],
    ["https://user:pw@meet.jit.si/x", [], false],
    ["pas une adresse", [], false],
    ["https://webconf.numerique.gouv.fr/abc", ["webconf.numerique.gouv.fr", "jit.si"], true],
    ["https://meet.jit.si/abc", ["webconf.numerique.gouv.fr", "jit.si"], true],
    ["https://jit.si.evil.example/abc", ["jit.si"], false],
    ["https://zoom.us/j/1", ["webconf.numerique.gouv.fr"], false],
  ] as const)("%s with %j → %s", (url, hosts, allowed) => expect(isAllowedMeetingUrl(url, hosts)).toBe(allowed));
});
