/**
 * A tiny fake BigBlueButton server for tests: a real HTTP server on 127.0.0.1 (random port) answering the
 * API calls the platform uses the way docs.bigbluebutton.org/development/api describes them.
 *
 *   const bbb = await startFakeBbb({ secret: "s3cr3t" });            // every algorithm accepted
 *   const bbb = await startFakeBbb({ secret, algorithm: "sha512" }); // like supportedChecksumAlgorithms=sha512
 *   bbbClient({ url: bbb.url, secret, algorithm: "sha256" })          // bbb.url = http://127.0.0.1:PORT/bigbluebutton/
 *   await bbb.stop();
 *
 * Checksums are checked on EVERY call like BigBlueButton's GetChecksumValidator does it, and independently
 * of lib/live/bbb-checksum.ts (so a bug there cannot hide itself): the raw query string as received, minus
 * `&checksum=…`, is hashed as `callName + query + secret` with the algorithm given by the checksum's length
 * (40 sha1, 64 sha256, 96 sha384, 128 sha512), which must be one of the accepted ones; compared
 * case-insensitively. A mismatch answers `FAILED` / `checksumError`, as the real server does.
 *
 * Calls:
 * - `create`: meetingID + name required; a second create with the same attendeePW/moderatorPW answers
 *   SUCCESS + `duplicateWarning` (and updates nothing else), with other passwords FAILED `idNotUnique` —
 *   BigBlueButton's own rule. Without passwords, random ones are generated (like the real server).
 * - `join`: `role` (MODERATOR|VIEWER, any case) decides, else `password` against the meeting's passwords
 *   (with `legacyPasswordsOnly`, `role` is ignored, like BigBlueButton before 2.4). A valid join is recorded
 *   in `joins` and answered with a 302 to `/html5client/join?sessionToken=…` (a small HTML page), or with the
 *   documented XML when `redirect=false`. A refused join is answered with the XML error (status 200).
 * - `getMeetingInfo`: the meeting with its `attendees` (none, one or several), `running`, `participantCount`,
 *   `moderatorCount`; FAILED `notFound` for an unknown meeting.
 * - `isMeetingRunning`, `end` (removes the meeting), and `/api` itself (version, no checksum).
 * Unknown calls answer 404 with FAILED `unsupportedRequest`.
 *
 * Test hooks: `addAttendee` / `removeAttendee` (what a browser entering the room would do), `join(url)`
 * (opens a join URL like a browser and, by default, enters the room), `answerNext` (a canned answer for the
 * next call, e.g. HTML or a 503), `hang` (accept connections but never answer, for timeouts), `requests`
 * (every API call, with its raw query and whether its checksum was valid).
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BbbChecksumAlgorithm } from "@/lib/live/bbb-checksum";

export type FakeBbbRole = "MODERATOR" | "VIEWER";

export type FakeBbbAttendee = { userId: string; fullName: string; role: FakeBbbRole };

export type FakeBbbJoin = { meetingId: string; fullName: string; role: FakeBbbRole; userId: string | null; sessionToken: string };

export type FakeBbbMeeting = {
  meetingId: string;
  name: string;
  attendeePW: string;
  moderatorPW: string;
  /** Every parameter of the first create call, decoded. */
  createParams: Record<string, string>;
  createCalls: number;
  createTime: number;
  /** Who is in the room now (what getMeetingInfo lists). */
  attendees: FakeBbbAttendee[];
  /** Every accepted join, in order. */
  joins: FakeBbbJoin[];
};

export type FakeBbbRequest = {
  callName: string;
  /** The raw query string as received, without the checksum parameter (what the checksum covers). */
  query: string;
  /** Decoded parameters, checksum excluded. */
  params: Record<string, string>;
  checksum: string | null;
  /** The algorithm the checksum's length designates, null when the length matches none. */
  algorithm: BbbChecksumAlgorithm | null;
  isChecksumValid: boolean;
};

export type FakeBbbCannedAnswer = { status?: number; body: string; contentType?: string };

export type FakeBbb = {
  /** Base URL as `bbb-conf --secret` prints it: `http://127.0.0.1:PORT/bigbluebutton/`. */
  url: string;
  /** Meetings by meetingID. */
  meetings: Map<string, FakeBbbMeeting>;
  /** Every API call received (not the /html5client pages), in order. */
  requests: FakeBbbRequest[];
  /** Every accepted join, all meetings. */
  joins: FakeBbbJoin[];
  /** Puts someone in the room (getMeetingInfo lists them; the meeting is then running). */
  addAttendee(meetingId: string, attendee: FakeBbbAttendee): void;
  removeAttendee(meetingId: string, userId: string): void;
  /**
   * Opens a join URL like a browser would (without following the redirect). When the join is accepted and
   * `enter` is not false, the user also enters the room (as `addAttendee`; userId falls back to the session token).
   */
  join(url: string, options?: { enter?: boolean }): Promise<{ status: number; location: string | null; body: string; joined: FakeBbbJoin | null }>;
  /** The next API call (of that name, or any when omitted) gets this answer instead, checksum unchecked. */
  answerNext(answer: FakeBbbCannedAnswer, callName?: string): void;
  /** While true, connections are accepted but never answered. */
  hang: boolean;
  /** Forgets meetings, requests, joins and canned answers. */
  reset(): void;
  stop(): Promise<void>;
};

export type FakeBbbOptions = {
  secret: string;
  /** Accepted algorithm(s), like bbb-web's supportedChecksumAlgorithms; default all four. */
  algorithm?: BbbChecksumAlgorithm | BbbChecksumAlgorithm[];
  /** Behave like BigBlueButton before 2.4: join ignores `role` and needs the right `password`. */
  legacyPasswordsOnly?: boolean;
};

const BY_LENGTH: Record<number, BbbChecksumAlgorithm> = { 40: "sha1", 64: "sha256", 96: "sha384", 128: "sha512" };
const BASE_PATH = "/bigbluebutton";

export async function startFakeBbb(options: FakeBbbOptions): Promise<FakeBbb> {
  const accepted = new Set<BbbChecksumAlgorithm>(
    options.algorithm === undefined
      ? ["sha1", "sha256", "sha384", "sha512"]
      : Array.isArray(options.algorithm)
        ? options.algorithm
        : [options.algorithm],
  );
  const meetings = new Map<string, FakeBbbMeeting>();
  const requests: FakeBbbRequest[] = [];
  const joins: FakeBbbJoin[] = [];
  const canned: { callName?: string; answer: FakeBbbCannedAnswer }[] = [];
  let baseUrl = "";

  function addAttendee(meetingId: string, attendee: FakeBbbAttendee) {
    const meeting = meetings.get(meetingId);
    if (!meeting) throw new Error(`fake BBB: no meeting ${meetingId}`);
    meeting.attendees.push({ ...attendee });
  }

  function handleApi(callName: string, rawQuery: string, res: ServerResponse) {
    const cannedIndex = canned.findIndex((c) => c.callName === undefined || c.callName === callName);
    const [cannedAnswer] = cannedIndex >= 0 ? canned.splice(cannedIndex, 1) : [];

    const all = new URLSearchParams(rawQuery);
    const checksum = all.get("checksum");
    // BigBlueButton's GetChecksum.removeChecksumFromQueryString, on the raw query string.
    const query =
      checksum === null
        ? rawQuery
        : rawQuery
            .replace(`&checksum=${checksum}`, "")
            .replace(`checksum=${checksum}&`, "")
            .replace(`checksum=${checksum}`, "");
    const params: Record<string, string> = {};
    for (const [name, value] of all) if (name !== "checksum") params[name] = value;
    const algorithm = checksum === null ? null : (BY_LENGTH[checksum.length] ?? null);
    const isChecksumValid =
      checksum !== null &&
      algorithm !== null &&
      accepted.has(algorithm) &&
      createHash(algorithm).update(callName + query + options.secret, "utf8").digest("hex") === checksum.toLowerCase();
    requests.push({ callName, query, params, checksum, algorithm, isChecksumValid });

    if (cannedAnswer) {
      const { status = 200, body, contentType = "text/xml;charset=utf-8" } = cannedAnswer.answer;
      res.writeHead(status, { "content-type": contentType });
      res.end(body);
      return;
    }
    if (!["create", "join", "getMeetingInfo", "isMeetingRunning", "end"].includes(callName)) {
      return sendXml(res, failed("unsupportedRequest", "This request is not supported."), 404);
    }
    if (!isChecksumValid) {
      return sendXml(res, failed("checksumError", "You did not pass the checksum security check"));
    }
    const meetingId = (params.meetingID ?? "").trim();
    if (!meetingId) return sendXml(res, failed("missingParamMeetingID", "You must specify a meeting ID for the meeting."));

    switch (callName) {
      case "create":
        return create(meetingId, params, res);
      case "join":
        return join(meetingId, params, res);
      case "getMeetingInfo": {
        const meeting = meetings.get(meetingId);
        if (!meeting) return sendXml(res, failed("notFound", "We could not find a meeting with that meeting ID"));
        return sendXml(res, success(meetingInfoXml(meeting)));
      }
      case "isMeetingRunning":
        return sendXml(res, success(tag("running", String((meetings.get(meetingId)?.attendees.length ?? 0) > 0))));
      case "end": {
        if (!meetings.delete(meetingId)) {
          return sendXml(res, failed("notFound", "We could not find a meeting with that meeting ID - perhaps the meeting is not yet running?"));
        }
        return sendXml(res, success(tag("messageKey", "sentEndMeetingRequest") + tag("message", "A request to end the meeting was sent.")));
      }
    }
  }

  function create(meetingId: string, params: Record<string, string>, res: ServerResponse) {
    const name = (params.name ?? "").trim();
    if (name.length < 2 || name.length > 64) {
      return sendXml(res, failed("sizeError", "Meeting name must be between 2 and 64 characters"));
    }
    if (meetingId.length < 2 || meetingId.length > 256 || meetingId.includes(",")) {
      return sendXml(res, failed("sizeError", "Meeting ID must be between 2 and 256 characters and contain no comma"));
    }
    const existing = meetings.get(meetingId);
    if (existing) {
      if (existing.attendeePW === params.attendeePW && existing.moderatorPW === params.moderatorPW) {
        existing.createCalls += 1;
        return sendXml(
          res,
          success(
            createdXml(existing) +
              tag("messageKey", "duplicateWarning") +
              tag("message", "This conference was already in existence and may currently be in progress."),
          ),
        );
      }
      return sendXml(res, failed("idNotUnique", "A meeting already exists with that meeting ID.  Please use a different meeting ID."));
    }
    const meeting: FakeBbbMeeting = {
      meetingId,
      name,
      attendeePW: params.attendeePW || randomBytes(6).toString("hex"),
      moderatorPW: params.moderatorPW || randomBytes(6).toString("hex"),
      createParams: { ...params },
      createCalls: 1,
      createTime: Date.now(),
      attendees: [],
      joins: [],
    };
    meetings.set(meetingId, meeting);
    return sendXml(res, success(createdXml(meeting) + tag("messageKey", "") + tag("message", "")));
  }

  function join(meetingId: string, params: Record<string, string>, res: ServerResponse) {
    const fullName = (params.fullName ?? "").trim();
    if (!fullName) return sendXml(res, failed("missingParamFullName", "You must specify a name for the attendee who will be joining the meeting."));
    const meeting = meetings.get(meetingId);
    if (!meeting) return sendXml(res, failed("invalidMeetingIdentifier", "The meeting ID that you supplied did not match any existing meetings"));
    let role: FakeBbbRole | null = null;
    const asked = (params.role ?? "").toUpperCase();
    if (!options.legacyPasswordsOnly && (asked === "MODERATOR" || asked === "VIEWER")) role = asked;
    else if (params.password && params.password === meeting.moderatorPW) role = "MODERATOR";
    else if (params.password && params.password === meeting.attendeePW) role = "VIEWER";
    if (!role) {
      return sendXml(res, failed("invalidPassword", "You either did not supply a password or the password supplied is neither the attendee or moderator password for this conference."));
    }
    const sessionToken = randomBytes(8).toString("hex");
    const record: FakeBbbJoin = { meetingId, fullName, role, userId: params.userID || null, sessionToken };
    meeting.joins.push(record);
    joins.push(record);
    const clientUrl = `${baseUrl}html5client/join?sessionToken=${sessionToken}`;
    if ((params.redirect ?? "true").toLowerCase() === "false") {
      return sendXml(
        res,
        success(
          tag("messageKey", "successfullyJoined") +
            tag("message", "You have joined successfully.") +
            tag("meeting_id", meeting.meetingId) +
            tag("user_id", `w_${sessionToken.slice(0, 12)}`) +
            tag("session_token", sessionToken) +
            tag("url", clientUrl),
        ),
      );
    }
    res.writeHead(302, { location: clientUrl, "content-type": "text/plain" });
    res.end();
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (fake.hang) return; // never answered; closed by stop()
    const rawUrl = req.url ?? "/";
    const questionMark = rawUrl.indexOf("?");
    const path = questionMark < 0 ? rawUrl : rawUrl.slice(0, questionMark);
    const rawQuery = questionMark < 0 ? "" : rawUrl.slice(questionMark + 1);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET" });
      return res.end();
    }
    if (path === `${BASE_PATH}/api` || path === `${BASE_PATH}/api/`) {
      return sendXml(res, success(tag("version", "2.0") + tag("apiVersion", "2.0") + tag("bbbVersion", "fake")));
    }
    const api = path.match(/^\/bigbluebutton\/api\/([A-Za-z]+)$/);
    if (api?.[1]) return handleApi(api[1], rawQuery, res);
    if (path === `${BASE_PATH}/html5client/join`) {
      res.writeHead(200, { "content-type": "text/html;charset=utf-8" });
      return res.end("<!doctype html><title>Fake BigBlueButton</title><p>In the room.</p>");
    }
    res.writeHead(404, { "content-type": "text/html;charset=utf-8" });
    res.end("<!doctype html><title>Not found</title>");
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}${BASE_PATH}/`;

  const fake: FakeBbb = {
    url: baseUrl,
    meetings,
    requests,
    joins,
    hang: false,
    addAttendee,
    removeAttendee(meetingId, userId) {
      const meeting = meetings.get(meetingId);
      if (meeting) meeting.attendees = meeting.attendees.filter((a) => a.userId !== userId);
    },
    async join(url, { enter = true } = {}) {
      const before = joins.length;
      const response = await fetch(url, { redirect: "manual" });
      const body = await response.text();
      const joined = joins.length > before ? (joins[joins.length - 1] ?? null) : null;
      if (joined && enter) {
        addAttendee(joined.meetingId, { userId: joined.userId ?? joined.sessionToken, fullName: joined.fullName, role: joined.role });
      }
      return { status: response.status, location: response.headers.get("location"), body, joined };
    },
    answerNext(answer, callName) {
      canned.push({ callName, answer });
    },
    reset() {
      meetings.clear();
      requests.length = 0;
      joins.length = 0;
      canned.length = 0;
      fake.hang = false;
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}

function meetingInfoXml(meeting: FakeBbbMeeting): string {
  const moderators = meeting.attendees.filter((a) => a.role === "MODERATOR").length;
  const attendees = meeting.attendees
    .map(
      (a) =>
        `<attendee>${tag("userID", a.userId)}${tag("fullName", a.fullName)}${tag("role", a.role)}` +
        `${tag("isPresenter", String(a.role === "MODERATOR"))}${tag("isListeningOnly", "false")}` +
        `${tag("hasJoinedVoice", "false")}${tag("hasVideo", "false")}${tag("clientType", "HTML5")}<customdata></customdata></attendee>`,
    )
    .join("\n");
  return (
    tag("meetingName", meeting.name) +
    tag("meetingID", meeting.meetingId) +
    tag("internalMeetingID", internalId(meeting)) +
    tag("createTime", String(meeting.createTime)) +
    tag("attendeePW", meeting.attendeePW) +
    tag("moderatorPW", meeting.moderatorPW) +
    tag("running", String(meeting.attendees.length > 0)) +
    tag("duration", meeting.createParams.duration ?? "0") +
    tag("hasUserJoined", String(meeting.joins.length > 0)) +
    tag("recording", "false") +
    tag("hasBeenForciblyEnded", "false") +
    tag("participantCount", String(meeting.attendees.length)) +
    tag("listenerCount", "0") +
    tag("voiceParticipantCount", "0") +
    tag("videoCount", "0") +
    tag("maxUsers", "0") +
    tag("moderatorCount", String(moderators)) +
    `<attendees>\n${attendees}\n</attendees><metadata>\n</metadata>` +
    tag("isBreakout", "false")
  );
}

function createdXml(meeting: FakeBbbMeeting): string {
  return (
    tag("meetingID", meeting.meetingId) +
    tag("internalMeetingID", internalId(meeting)) +
    tag("parentMeetingID", "bbb-none") +
    tag("attendeePW", meeting.attendeePW) +
    tag("moderatorPW", meeting.moderatorPW) +
    tag("createTime", String(meeting.createTime)) +
    tag("voiceBridge", "70757") +
    tag("hasUserJoined", String(meeting.joins.length > 0)) +
    tag("duration", meeting.createParams.duration ?? "0") +
    tag("hasBeenForciblyEnded", "false")
  );
}

function internalId(meeting: FakeBbbMeeting): string {
  return `${createHash("sha1").update(meeting.meetingId).digest("hex")}-${meeting.createTime}`;
}

function success(inner: string): string {
  return `<response>${tag("returncode", "SUCCESS")}${inner}</response>`;
}

function failed(messageKey: string, message: string): string {
  return `<response>${tag("returncode", "FAILED")}${tag("messageKey", messageKey)}${tag("message", message)}</response>`;
}

function tag(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function sendXml(res: ServerResponse, body: string, status = 200) {
  res.writeHead(status, { "content-type": "text/xml;charset=utf-8" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}
