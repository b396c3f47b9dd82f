import "server-only";
import { createHmac } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { isBbbChecksumAlgorithm, signedBbbUrl, type BbbChecksumAlgorithm, type BbbParams } from "@/lib/live/bbb-checksum";

/**
 * Client of the BigBlueButton API (docs.bigbluebutton.org/development/api): creates the room of a live
 * session, builds each registrant's own join link and reads attendance back.
 *
 * Roles: `join` carries `role=MODERATOR|VIEWER` (BigBlueButton 2.4+, where `password` is deprecated) AND the
 * matching `password`, because servers older than 2.4 only know passwords and a server that gets both lets
 * `role` win. The two passwords are derived from the meeting id and the shared secret (HMAC), so that
 * - `create` is really idempotent: BigBlueButton answers `duplicateWarning` (success) to a second `create`
 *   only when its `attendeePW`/`moderatorPW` equal the first one's (otherwise `idNotUnique`);
 * - nothing has to be stored, and a learner's link (attendee password) tells nothing of the moderator one.
 *   (Changing the shared secret while a meeting runs therefore makes its next `create` fail with `idNotUnique`.)
 *
 * The shared secret never leaves this process (only checksums and derived passwords do) and is never put in an
 * error message; error messages carry the call name and the server's origin, never a signed URL (a join URL
 * is a credential).
 */

export type BbbConfig = {
  /** What `bbb-conf --secret` prints as URL, e.g. `https://bbb.example.org/bigbluebutton/`. */
  url: string;
  secret: string;
  algorithm: BbbChecksumAlgorithm;
  fetchImpl?: typeof fetch;
  /** Per request; default 5 000 ms. */
  timeoutMs?: number;
};

export type BbbAttendee = { userId: string | null; fullName: string; role: "MODERATOR" | "VIEWER" };

export type BbbErrorCode = "BBB_UNREACHABLE" | "BBB_FAILED" | "BBB_BAD_ANSWER";

/**
 * - BBB_UNREACHABLE: network error, timeout, or a gateway answering 502/503/504 for it;
 * - BBB_FAILED: BigBlueButton answered `<returncode>FAILED</returncode>`; `messageKey` says why
 *   (`checksumError`: wrong secret or algorithm; `idNotUnique`, `invalidMeetingIdentifier`, …);
 * - BBB_BAD_ANSWER: something answered, but not a BigBlueButton API answer (wrong URL, HTML page, …).
 */
export class BbbError extends Error {
  constructor(
    readonly code: BbbErrorCode,
    message: string,
    readonly messageKey?: string,
  ) {
    super(message);
    this.name = "BbbError";
  }
}

export type BbbMeetingInput = {
  /** 2–256 characters among A–Z a–z 0–9 - _ (what the documentation recommends). */
  meetingId: string;
  /** Shown in the room; BigBlueButton wants 2–64 characters: longer names are shortened with « … ». */
  name: string;
  /** Plain text (HTML-escaped here, line breaks kept), shown in the public chat on joining. */
  welcome?: string;
  /** Maximum length of the meeting in minutes (BigBlueButton ends it then); 0 or absent = no limit. */
  durationMin?: number;
  /** Where the browser goes on leaving the room (absolute URL). */
  logoutUrl?: string;
  /** Plain text, like `welcome`, shown to moderators only. */
  moderatorOnlyMessage?: string;
};

export type BbbJoinInput = { meetingId: string; fullName: string; userId: string; role: "MODERATOR" | "VIEWER" };

export type BbbMeetingInfo = { running: boolean; attendees: BbbAttendee[]; participantCount: number };

export type BbbClient = {
  /** Idempotent: creating an existing meeting with the same id succeeds (BBB answers SUCCESS, or duplicateWarning). */
  createMeeting(input: BbbMeetingInput): Promise<{ meetingId: string }>;
  /** A URL the user's browser opens; no request is made. role MODERATOR for trainers, VIEWER for learners; userID lets attendance be matched back. */
  joinUrl(input: BbbJoinInput): string;
  /** null when the meeting is not running / not found (messageKey notFound). */
  getMeetingInfo(meetingId: string): Promise<BbbMeetingInfo | null>;
};

const DEFAULT_TIMEOUT_MS = 5_000;
const MEETING_ID = /^[A-Za-z0-9_-]{2,256}$/;
const NAME_MAX = 64;
/** Error messages quote at most this much of what the server said. */
const QUOTE_MAX = 200;

const xml = new XMLParser({
  // Everything stays a string: ids and names may look numeric ("007"), counts are parsed explicitly.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  // Numeric character references (&#233;) as well as the five XML entities.
  htmlEntities: true,
  isArray: (_name, jpath) => jpath === "response.attendees.attendee",
});

export function bbbClient(config: BbbConfig): BbbClient {
  const { url, secret, algorithm } = config;
  if (!secret) throw new TypeError("BigBlueButton: the shared secret is empty");
  if (!isBbbChecksumAlgorithm(algorithm)) throw new TypeError("BigBlueButton: unknown checksum algorithm");
  let origin: string;
  try {
    origin = new URL(url).origin;
    signedBbbUrl(url, "getMeetings", {}, secret, algorithm); // validates the base URL once
  } catch {
    throw new TypeError("BigBlueButton: the server URL must be an absolute http(s) URL");
  }
  const fetchImpl = config.fetchImpl ?? fetch;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const passwords = (meetingId: string) => ({
    moderatorPW: derivedPassword(secret, "moderator", meetingId),
    attendeePW: derivedPassword(secret, "attendee", meetingId),
  });

  async function call(callName: string, params: BbbParams): Promise<Record<string, unknown>> {
    const where = `BigBlueButton ${callName} at ${origin}`;
    let response: Response;
    let body: string;
    try {
      response = await fetchImpl(signedBbbUrl(url, callName, params, secret, algorithm), {
        method: "GET",
        headers: { accept: "application/xml, text/xml" },
        cache: "no-store",
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new BbbError(
        "BBB_UNREACHABLE",
        timedOut ? `${where}: no answer within ${timeoutMs} ms` : `${where}: unreachable (${networkReason(error)})`,
      );
    }

    const answer = parseAnswer(body);
    if (!answer) {
      if ([502, 503, 504].includes(response.status)) {
        throw new BbbError("BBB_UNREACHABLE", `${where}: HTTP ${response.status} from the gateway`);
      }
      throw new BbbError(
        "BBB_BAD_ANSWER",
        `${where}: not a BigBlueButton API answer (HTTP ${response.status}); check BBB_URL`,
      );
    }
    const returncode = text(answer.returncode).toUpperCase();
    if (returncode === "SUCCESS") return answer;
    if (returncode === "FAILED") {
      const messageKey = text(answer.messageKey) || undefined;
      const message = quote(text(answer.message));
      throw new BbbError(
        "BBB_FAILED",
        `${where} failed${messageKey ? ` (${messageKey})` : ""}${message ? `: ${message}` : ""}`,
        messageKey,
      );
    }
    throw new BbbError("BBB_BAD_ANSWER", `${where}: unexpected returncode ${quote(returncode) || "(none)"}`);
  }

  return {
    async createMeeting(input) {
      checkMeetingId(input.meetingId);
      if (input.durationMin !== undefined && !(Number.isSafeInteger(input.durationMin) && input.durationMin >= 0)) {
        throw new RangeError("BigBlueButton: durationMin must be a non-negative integer");
      }
      const answer = await call("create", {
        name: meetingName(input.name),
        meetingID: input.meetingId,
        ...passwords(input.meetingId),
        welcome: input.welcome === undefined ? undefined : plainTextMessage(input.welcome),
        moderatorOnlyMessage:
          input.moderatorOnlyMessage === undefined ? undefined : plainTextMessage(input.moderatorOnlyMessage),
        duration: input.durationMin,
        logoutURL: input.logoutUrl,
      });
      return { meetingId: text(answer.meetingID) || input.meetingId };
    },

    joinUrl(input) {
      checkMeetingId(input.meetingId);
      const fullName = singleLine(input.fullName);
      if (fullName === "") throw new RangeError("BigBlueButton: fullName must not be empty");
      if (input.role !== "MODERATOR" && input.role !== "VIEWER") {
        throw new RangeError("BigBlueButton: role must be MODERATOR or VIEWER");
      }
      const pw = passwords(input.meetingId);
      return signedBbbUrl(
        url,
        "join",
        {
          fullName,
          meetingID: input.meetingId,
          role: input.role,
          password: input.role === "MODERATOR" ? pw.moderatorPW : pw.attendeePW,
          userID: input.userId || undefined,
        },
        secret,
        algorithm,
      );
    },

    async getMeetingInfo(meetingId) {
      checkMeetingId(meetingId);
      let answer: Record<string, unknown>;
      try {
        answer = await call("getMeetingInfo", { meetingID: meetingId });
      } catch (error) {
        // notFound since 0.9; invalidMeetingIdentifier in some older servers.
        if (
          error instanceof BbbError &&
          error.code === "BBB_FAILED" &&
          (error.messageKey === "notFound" || error.messageKey === "invalidMeetingIdentifier")
        ) {
          return null;
        }
        throw error;
      }
      const attendees = attendeesOf(answer.attendees);
      const count = Number.parseInt(text(answer.participantCount), 10);
      return {
        running: text(answer.running).toLowerCase() === "true",
        attendees,
        participantCount: Number.isSafeInteger(count) && count >= 0 ? count : attendees.length,
      };
    },
  };
}

/** 16 bytes of HMAC-SHA256(secret, role:meetingId), base64url: 22 characters, within BBB's 2–64. */
function derivedPassword(secret: string, role: "moderator" | "attendee", meetingId: string): string {
  return createHmac("sha256", secret).update(`bbb-${role}-password:${meetingId}`).digest().subarray(0, 16).toString("base64url");
}

function checkMeetingId(meetingId: string) {
  if (!MEETING_ID.test(meetingId)) {
    throw new RangeError("BigBlueButton: meetingId must be 2–256 characters among A–Z a–z 0–9 - _");
  }
}

/** Control characters (0x00–0x1F, 0x7F) are refused by BigBlueButton: they become spaces. */
function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
}

function meetingName(value: string): string {
  const name = singleLine(value);
  if (name.length < 2) throw new RangeError("BigBlueButton: the meeting name needs at least 2 characters");
  return clip(name, NAME_MAX);
}

/** At most `max` UTF-16 units (Java's String length), « … » included, never splitting a surrogate pair. */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = max - 1;
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${value.slice(0, cut).trimEnd()}…`;
}

/** `welcome` and `moderatorOnlyMessage` accept some HTML: plain text is escaped, line breaks become <br>. */
function plainTextMessage(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) =>
      singleLine(line)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;"),
    )
    .join("<br>")
    .replace(/^(<br>)+|(<br>)+$/g, "");
}

function parseAnswer(body: string): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = xml.parse(body);
  } catch {
    return null;
  }
  const response = isRecord(parsed) ? parsed.response : undefined;
  return isRecord(response) && "returncode" in response ? response : null;
}

function attendeesOf(value: unknown): BbbAttendee[] {
  const list = isRecord(value) ? value.attendee : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((attendee) => ({
    userId: text(attendee.userID) || null,
    fullName: text(attendee.fullName),
    role: text(attendee.role).toUpperCase() === "MODERATOR" ? "MODERATOR" : "VIEWER",
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

function quote(value: string): string {
  const line = singleLine(value);
  return line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX)}…` : line;
}

/** The network reason (ECONNREFUSED, ENOTFOUND, bad port, …), never the URL. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error && isRecord(error.cause) ? error.cause : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string" && !cause.message.includes("?")) return quote(cause.message);
  return error instanceof Error ? error.name : "network error";
}
