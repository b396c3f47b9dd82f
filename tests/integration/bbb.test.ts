// The BigBlueButton client (server/live/bbb.ts) against the fake server of tests/support/bbb-server.ts,
// over real HTTP. No database is involved (the integration project's setup still prepares one).
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signedBbbUrl, type BbbChecksumAlgorithm } from "@/lib/live/bbb-checksum";
import { BbbError, bbbClient, type BbbConfig } from "@/server/live/bbb";
import { startFakeBbb, type FakeBbb } from "../support/bbb-server";

const SECRET = "fake-bbb-secret-0123456789abcdef";
const ALGORITHMS: BbbChecksumAlgorithm[] = ["sha1", "sha256", "sha384", "sha512"];

let bbb: FakeBbb;
const client = (overrides: Partial<BbbConfig> = {}) =>
  bbbClient({ url: bbb.url, secret: SECRET, algorithm: "sha256", ...overrides });

async function rejection(promise: Promise<unknown>): Promise<BbbError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BbbError);
  return error as BbbError;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

beforeAll(async () => {
  bbb = await startFakeBbb({ secret: SECRET });
});
afterEach(() => bbb.reset());
afterAll(async () => {
  await bbb.stop();
});

describe("createMeeting", () => {
  it("creates the room with the documented parameters, signed with a valid checksum", async () => {
    const result = await client().createMeeting({
      meetingId: "live-cm0session0001",
      name: "Atelier « vendre en ligne » — groupe d'Élodie",
      welcome: "Bienvenue !\nLes micros sont <coupés> & les caméras aussi.",
      moderatorOnlyMessage: "Pensez à lancer l'enregistrement",
      durationMin: 90,
      logoutUrl: "https://formation.exemple.fr/sessions/cm0session0001",
    });
    expect(result).toEqual({ meetingId: "live-cm0session0001" });

    expect(bbb.requests).toHaveLength(1);
    const [request] = bbb.requests;
    expect(request).toMatchObject({ callName: "create", algorithm: "sha256", isChecksumValid: true });
    expect(request?.query).toMatch(/^name=Atelier\+%C2%AB\+vendre/); // form encoding: spaces as +
    expect(request?.params).toMatchObject({
      name: "Atelier « vendre en ligne » — groupe d'Élodie",
      meetingID: "live-cm0session0001",
      welcome: "Bienvenue !<br>Les micros sont &lt;coupés&gt; &amp; les caméras aussi.",
      moderatorOnlyMessage: "Pensez à lancer l&#39;enregistrement",
      duration: "90",
      logoutURL: "https://formation.exemple.fr/sessions/cm0session0001",
    });

    const meeting = bbb.meetings.get("live-cm0session0001");
    expect(meeting?.name).toBe("Atelier « vendre en ligne » — groupe d'Élodie");
    // Passwords for servers older than 2.4: derived, distinct, never the secret.
    expect(meeting?.attendeePW).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(meeting?.moderatorPW).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(meeting?.attendeePW).not.toBe(meeting?.moderatorPW);
    expect(request?.query).not.toContain(SECRET);
  });

  it("is idempotent: creating again (even renamed) is the same meeting (duplicateWarning)", async () => {
    const bbbApi = client();
    await bbbApi.createMeeting({ meetingId: "live-twice", name: "Séance 1" });
    const again = await bbbApi.createMeeting({ meetingId: "live-twice", name: "Séance 1 (renommée)" });
    expect(again).toEqual({ meetingId: "live-twice" });
    expect(bbb.meetings.size).toBe(1);
    expect(bbb.meetings.get("live-twice")?.createCalls).toBe(2);
    expect(bbb.requests.map((r) => r.isChecksumValid)).toEqual([true, true]);
    // A second client (another server process) derives the same passwords.
    await client().createMeeting({ meetingId: "live-twice", name: "Séance 1" });
    expect(bbb.meetings.get("live-twice")?.createCalls).toBe(3);
  });

  it("reports BBB_FAILED idNotUnique when the id is taken by a meeting with other passwords", async () => {
    await fetch(signedBbbUrl(bbb.url, "create", { name: "Autre appli", meetingID: "live-taken", attendeePW: "ap", moderatorPW: "mp" }, SECRET, "sha1"));
    const error = await rejection(client().createMeeting({ meetingId: "live-taken", name: "Notre séance" }));
    expect(error.code).toBe("BBB_FAILED");
    expect(error.messageKey).toBe("idNotUnique");
  });

  it("shortens a name longer than BigBlueButton's 64 characters", async () => {
    await client().createMeeting({ meetingId: "live-long", name: `Session ${"très ".repeat(30)}longue` });
    const name = bbb.meetings.get("live-long")?.name ?? "";
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name.length).toBeGreaterThan(60);
    expect(name.startsWith("Session très très")).toBe(true);
    expect(name.endsWith("…")).toBe(true);
  });

  it("refuses invalid input before any request", async () => {
    await expect(client().createMeeting({ meetingId: "a,b", name: "Séance" })).rejects.toThrow(RangeError);
    await expect(client().createMeeting({ meetingId: "x", name: "Séance" })).rejects.toThrow(RangeError);
    await expect(client().createMeeting({ meetingId: "live-ok", name: " " })).rejects.toThrow(RangeError);
    await expect(client().createMeeting({ meetingId: "live-ok", name: "Séance", durationMin: 1.5 })).rejects.toThrow(RangeError);
    expect(bbb.requests).toHaveLength(0);
  });
});

describe("joinUrl", () => {
  it("gives a trainer a moderator link and a learner a viewer link, both accepted and recorded", async () => {
    const bbbApi = client();
    await bbbApi.createMeeting({ meetingId: "live-join", name: "Séance de groupe" });
    const before = bbb.requests.length;
    const trainerUrl = bbbApi.joinUrl({ meetingId: "live-join", fullName: "Élodie Lefèvre", userId: "cm0trainer0001", role: "MODERATOR" });
    const learnerUrl = bbbApi.joinUrl({ meetingId: "live-join", fullName: "François d'Aubigné", userId: "cm0learner0001", role: "VIEWER" });
    expect(bbb.requests.length).toBe(before); // building a link makes no request
    expect(trainerUrl.startsWith(`${bbb.url}api/join?`)).toBe(true);
    expect(new URL(trainerUrl).searchParams.get("role")).toBe("MODERATOR");
    expect(new URL(learnerUrl).searchParams.get("role")).toBe("VIEWER");
    expect(trainerUrl).not.toContain(SECRET);
    // A learner's link does not carry the moderator password.
    expect(learnerUrl).not.toContain(bbb.meetings.get("live-join")?.moderatorPW ?? "?");

    const trainer = await bbb.join(trainerUrl);
    const learner = await bbb.join(learnerUrl);
    expect(trainer.status).toBe(302);
    expect(trainer.location).toMatch(/\/html5client\/join\?sessionToken=/);
    expect(learner.status).toBe(302);
    expect(bbb.requests.slice(before).map((r) => [r.callName, r.isChecksumValid])).toEqual([
      ["join", true],
      ["join", true],
    ]);
    expect(bbb.meetings.get("live-join")?.joins.map(({ fullName, role, userId }) => ({ fullName, role, userId }))).toEqual([
      { fullName: "Élodie Lefèvre", role: "MODERATOR", userId: "cm0trainer0001" },
      { fullName: "François d'Aubigné", role: "VIEWER", userId: "cm0learner0001" },
    ]);
  });

  it("gives the right roles on a server older than 2.4, which only knows passwords", async () => {
    const legacy = await startFakeBbb({ secret: SECRET, algorithm: "sha1", legacyPasswordsOnly: true });
    try {
      const bbbApi = bbbClient({ url: legacy.url, secret: SECRET, algorithm: "sha1" });
      await bbbApi.createMeeting({ meetingId: "live-legacy", name: "Séance" });
      await legacy.join(bbbApi.joinUrl({ meetingId: "live-legacy", fullName: "Formatrice", userId: "t1", role: "MODERATOR" }));
      await legacy.join(bbbApi.joinUrl({ meetingId: "live-legacy", fullName: "Apprenant", userId: "l1", role: "VIEWER" }));
      expect(legacy.joins.map((j) => [j.userId, j.role])).toEqual([
        ["t1", "MODERATOR"],
        ["l1", "VIEWER"],
      ]);
    } finally {
      await legacy.stop();
    }
  });

  it("cannot be turned into a moderator link: editing it breaks the checksum", async () => {
    const bbbApi = client();
    await bbbApi.createMeeting({ meetingId: "live-tamper", name: "Séance" });
    const learnerUrl = bbbApi.joinUrl({ meetingId: "live-tamper", fullName: "Malin", userId: "l2", role: "VIEWER" });
    const result = await bbb.join(learnerUrl.replace("role=VIEWER", "role=MODERATOR"));
    expect(result.joined).toBeNull();
    expect(result.body).toContain("<messageKey>checksumError</messageKey>");
    expect(bbb.requests.at(-1)?.isChecksumValid).toBe(false);
  });

  it("refuses an empty name or an invalid meeting id", () => {
    expect(() => client().joinUrl({ meetingId: "live-x", fullName: " \n ", userId: "u", role: "VIEWER" })).toThrow(RangeError);
    expect(() => client().joinUrl({ meetingId: "live x", fullName: "Ana", userId: "u", role: "VIEWER" })).toThrow(RangeError);
  });
});

describe("getMeetingInfo", () => {
  it("lists no attendee for a room created but not entered (not running)", async () => {
    await client().createMeeting({ meetingId: "live-empty", name: "Séance" });
    expect(await client().getMeetingInfo("live-empty")).toEqual({ running: false, attendees: [], participantCount: 0 });
  });

  it("lists one attendee who entered through their join link", async () => {
    const bbbApi = client();
    await bbbApi.createMeeting({ meetingId: "live-one", name: "Séance" });
    await bbb.join(bbbApi.joinUrl({ meetingId: "live-one", fullName: "Élodie Lefèvre", userId: "cm0trainer0001", role: "MODERATOR" }));
    expect(await bbbApi.getMeetingInfo("live-one")).toEqual({
      running: true,
      attendees: [{ userId: "cm0trainer0001", fullName: "Élodie Lefèvre", role: "MODERATOR" }],
      participantCount: 1,
    });
    expect(bbb.requests.at(-1)).toMatchObject({ callName: "getMeetingInfo", isChecksumValid: true });
  });

  it("lists several attendees, ids kept as strings and names unescaped", async () => {
    const bbbApi = client();
    await bbbApi.createMeeting({ meetingId: "live-many", name: "Séance" });
    bbb.addAttendee("live-many", { userId: "cm0trainer0001", fullName: "Élodie", role: "MODERATOR" });
    bbb.addAttendee("live-many", { userId: "00042", fullName: "Paul & Virginie <3", role: "VIEWER" });
    bbb.addAttendee("live-many", { userId: "1e3", fullName: "  Zoé  ", role: "VIEWER" });
    const info = await bbbApi.getMeetingInfo("live-many");
    expect(info).toEqual({
      running: true,
      attendees: [
        { userId: "cm0trainer0001", fullName: "Élodie", role: "MODERATOR" },
        { userId: "00042", fullName: "Paul & Virginie <3", role: "VIEWER" },
        { userId: "1e3", fullName: "Zoé", role: "VIEWER" },
      ],
      participantCount: 3,
    });
    bbb.removeAttendee("live-many", "00042");
    expect((await bbbApi.getMeetingInfo("live-many"))?.attendees.map((a) => a.userId)).toEqual(["cm0trainer0001", "1e3"]);
  });

  it("is null for a meeting the server does not know (notFound)", async () => {
    expect(await client().getMeetingInfo("live-unknown")).toBeNull();
    expect(bbb.requests.at(-1)).toMatchObject({ callName: "getMeetingInfo", isChecksumValid: true });
  });
});

describe("failures", () => {
  it("a wrong secret is BBB_FAILED checksumError, the fake server saw an invalid checksum, no secret in the message", async () => {
    const wrong = client({ secret: "not-the-right-secret" });
    const error = await rejection(wrong.createMeeting({ meetingId: "live-wrong", name: "Séance" }));
    expect(error.code).toBe("BBB_FAILED");
    expect(error.messageKey).toBe("checksumError");
    expect(error.message).not.toContain("not-the-right-secret");
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain("checksum=");
    expect(bbb.requests.at(-1)).toMatchObject({ callName: "create", isChecksumValid: false });
    expect(bbb.meetings.size).toBe(0);
    // getMeetingInfo does not mistake it for "no such meeting".
    expect((await rejection(wrong.getMeetingInfo("live-wrong"))).messageKey).toBe("checksumError");
  });

  it("an algorithm the server does not accept is a checksumError too", async () => {
    const strict = await startFakeBbb({ secret: SECRET, algorithm: "sha512" });
    try {
      const error = await rejection(
        bbbClient({ url: strict.url, secret: SECRET, algorithm: "sha1" }).createMeeting({ meetingId: "live-alg", name: "Séance" }),
      );
      expect(error.messageKey).toBe("checksumError");
      expect(strict.requests[0]).toMatchObject({ algorithm: "sha1", isChecksumValid: false });
    } finally {
      await strict.stop();
    }
  });

  it("an unreachable server is BBB_UNREACHABLE, quickly", async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await rejection(
      bbbClient({ url: `http://127.0.0.1:${port}/bigbluebutton/`, secret: SECRET, algorithm: "sha256" }).getMeetingInfo("live-x"),
    );
    expect(error.code).toBe("BBB_UNREACHABLE");
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a server that does not answer is BBB_UNREACHABLE after timeoutMs", async () => {
    bbb.hang = true;
    const started = Date.now();
    const error = await rejection(client({ timeoutMs: 200 }).createMeeting({ meetingId: "live-slow", name: "Séance" }));
    expect(error.code).toBe("BBB_UNREACHABLE");
    expect(error.message).toContain("200 ms");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each([
    ["an HTML page (wrong BBB_URL)", "BBB_BAD_ANSWER", { status: 200, body: "<!doctype html><p>Welcome to nginx</p>", contentType: "text/html" }],
    ["a 404", "BBB_BAD_ANSWER", { status: 404, body: "Not Found", contentType: "text/plain" }],
    ["XML without returncode", "BBB_BAD_ANSWER", { status: 200, body: "<response><running>true</running></response>" }],
    ["an unknown returncode", "BBB_BAD_ANSWER", { status: 200, body: "<response><returncode>MAYBE</returncode></response>" }],
    ["a 503 from the gateway", "BBB_UNREACHABLE", { status: 503, body: "<html>Service Unavailable</html>", contentType: "text/html" }],
  ] as const)("%s is %s", async (_label, code, answer) => {
    bbb.answerNext(answer, "getMeetingInfo");
    const error = await rejection(client().getMeetingInfo("live-x"));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain(SECRET);
  });

  it("uses the injected fetch", async () => {
    const seen: string[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await client({ fetchImpl }).createMeeting({ meetingId: "live-fetch", name: "Séance" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/\/bigbluebutton\/api\/create\?name=S%C3%A9ance&meetingID=live-fetch&/);
  });

  it("refuses a bad configuration without echoing the secret", () => {
    expect(() => bbbClient({ url: "bbb.example.org", secret: SECRET, algorithm: "sha256" })).toThrow(TypeError);
    expect(() => bbbClient({ url: bbb.url, secret: "", algorithm: "sha256" })).toThrow(TypeError);
    expect(() => bbbClient({ url: bbb.url, secret: SECRET, algorithm: "md5" as BbbChecksumAlgorithm })).toThrow(TypeError);
    try {
      bbbClient({ url: "nope", secret: SECRET, algorithm: "sha256" });
    } catch (error) {
      expect(String(error)).not.toContain(SECRET);
    }
  });
});

describe.each(ALGORITHMS)("with %s only on the server", (algorithm) => {
  it("creates, joins and reads attendance", async () => {
    const only = await startFakeBbb({ secret: SECRET, algorithm });
    try {
      const bbbApi = bbbClient({ url: only.url.replace(/\/$/, ""), secret: SECRET, algorithm });
      await bbbApi.createMeeting({ meetingId: `live-${algorithm}`, name: "Séance chiffrée" });
      await bbbApi.createMeeting({ meetingId: `live-${algorithm}`, name: "Séance chiffrée" });
      const joined = await only.join(bbbApi.joinUrl({ meetingId: `live-${algorithm}`, fullName: "Zoé Ñúñez", userId: "u1", role: "VIEWER" }));
      expect(joined.joined?.role).toBe("VIEWER");
      expect(await bbbApi.getMeetingInfo(`live-${algorithm}`)).toEqual({
        running: true,
        attendees: [{ userId: "u1", fullName: "Zoé Ñúñez", role: "VIEWER" }],
        participantCount: 1,
      });
      expect(only.requests.map((r) => [r.callName, r.algorithm, r.isChecksumValid])).toEqual([
        ["create", algorithm, true],
        ["create", algorithm, true],
        ["join", algorithm, true],
        ["getMeetingInfo", algorithm, true],
      ]);
    } finally {
      await only.stop();
    }
  });
});

describe("the fake server itself", () => {
  it("checks the checksum over the raw query string: %20 instead of + is a mismatch", async () => {
    const url = signedBbbUrl(bbb.url, "create", { name: "Test Meeting", meetingID: "abc123" }, SECRET, "sha1");
    expect(url).toContain("name=Test+Meeting");
    const respelled = await (await fetch(url.replace("Test+Meeting", "Test%20Meeting"))).text();
    expect(respelled).toContain("<messageKey>checksumError</messageKey>");
    expect(bbb.requests.at(-1)?.params.name).toBe("Test Meeting"); // same decoded value, other bytes
    const original = await (await fetch(url)).text();
    expect(original).toContain("<returncode>SUCCESS</returncode>");
  });

  it("accepts a checksum in upper case and refuses one missing", async () => {
    const url = signedBbbUrl(bbb.url, "getMeetingInfo", { meetingID: "nope-1" }, SECRET, "sha256");
    const [head, checksum] = url.split("checksum=");
    expect(await (await fetch(`${head}checksum=${(checksum ?? "").toUpperCase()}`)).text()).toContain("notFound");
    expect(await (await fetch(url.replace(/&checksum=.*$/, ""))).text()).toContain("checksumError");
  });

  it("answers isMeetingRunning and end, and /api without checksum", async () => {
    const bbbApi = client();
    await bbbApi.createMeeting({ meetingId: "live-end", name: "Séance" });
    const running = async () =>
      (await fetch(signedBbbUrl(bbb.url, "isMeetingRunning", { meetingID: "live-end" }, SECRET))).text();
    expect(await running()).toContain("<running>false</running>");
    bbb.addAttendee("live-end", { userId: "u", fullName: "U", role: "VIEWER" });
    expect(await running()).toContain("<running>true</running>");
    const ended = await (await fetch(signedBbbUrl(bbb.url, "end", { meetingID: "live-end" }, SECRET))).text();
    expect(ended).toContain("sentEndMeetingRequest");
    expect(await bbbApi.getMeetingInfo("live-end")).toBeNull();
    expect(await (await fetch(`${bbb.url}api`)).text()).toContain("<returncode>SUCCESS</returncode>");
  });
});
