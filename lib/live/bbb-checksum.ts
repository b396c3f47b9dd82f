/**
 * Signing of BigBlueButton API calls (pure computation, no I/O).
 *
 * As documented in « API Reference › API Security Model › Usage » (docs.bigbluebutton.org/development/api):
 * every call is `GET {BBB_URL}/api/{callName}?{query}&checksum={hex}` where
 * `checksum = hash(callName + query + sharedSecret)` and `query` is the exact query string sent, without the
 * checksum parameter. The server recomputes the hash over the raw query string it receives, so the string
 * hashed here must be byte-for-byte the one put in the URL: `signedBbbUrl` guarantees that.
 *
 * Algorithms: SHA-1 historically; BigBlueButton 2.5+ also accepts SHA-256, SHA-384 and SHA-512 (the server
 * picks the algorithm from the checksum's length and accepts those listed in its `supportedChecksumAlgorithms`).
 *
 * Encoding: `application/x-www-form-urlencoded`, as in the documentation's own example
 * (`name=Test+Meeting&…`): UTF-8 percent-encoding, space as `+`, only `A–Z a–z 0–9 * - . _` left as is —
 * the same bytes as Java's `URLEncoder`, which BigBlueButton uses when it rebuilds a query string itself.
 */
import { createHash } from "node:crypto";

export type BbbChecksumAlgorithm = "sha1" | "sha256" | "sha384" | "sha512";

/** The algorithms BigBlueButton accepts, for parsing the operator's `BBB_CHECKSUM` setting. */
export const BBB_CHECKSUM_ALGORITHMS: readonly BbbChecksumAlgorithm[] = ["sha1", "sha256", "sha384", "sha512"];

export function isBbbChecksumAlgorithm(value: unknown): value is BbbChecksumAlgorithm {
  return typeof value === "string" && (BBB_CHECKSUM_ALGORITHMS as readonly string[]).includes(value);
}

export type BbbParams = Record<string, string | number | boolean | undefined>;

const CALL_NAME = /^[A-Za-z]+$/;

/**
 * The query string of an API call: parameters in the order given (undefined ones skipped), values
 * form-urlencoded (space → `+`). Booleans become `true`/`false`; numbers must be non-negative integers (the
 * API's « Number » type: digits only). Parameter names are never integer-like in this API, so
 * object key order is the insertion order.
 */
export function bbbQuery(params: BbbParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === "number" && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new RangeError(`BigBlueButton parameter ${name} must be a non-negative integer`);
    }
    search.append(name, String(value));
  }
  return search.toString();
}

/** Lowercase hex digest of `callName + query + secret` (the query exactly as sent, without `checksum`). */
export function bbbChecksum(
  callName: string,
  query: string,
  secret: string,
  algorithm: BbbChecksumAlgorithm = "sha256",
): string {
  if (!isBbbChecksumAlgorithm(algorithm)) throw new RangeError(`Unknown BigBlueButton checksum algorithm`);
  return createHash(algorithm).update(callName + query + secret, "utf8").digest("hex");
}

/**
 * `{baseUrl}/api/{callName}?{query}&checksum={hex}` (or `…/{callName}?checksum={hex}` without parameters).
 * `baseUrl` is what `bbb-conf --secret` prints (`https://bbb.example.org/bigbluebutton/`), with or without
 * the trailing slash; a base already ending in `/api` is accepted too (some hosts hand that out).
 */
export function signedBbbUrl(
  baseUrl: string,
  callName: string,
  params: BbbParams,
  secret: string,
  algorithm: BbbChecksumAlgorithm = "sha256",
): string {
  if (!CALL_NAME.test(callName)) throw new RangeError(`Invalid BigBlueButton API call name`);
  const query = bbbQuery(params);
  const checksum = bbbChecksum(callName, query, secret, algorithm);
  return `${bbbApiBase(baseUrl)}/${callName}?${query === "" ? "" : `${query}&`}checksum=${checksum}`;
}

/** `https://host/bigbluebutton/` → `https://host/bigbluebutton/api` (query and fragment dropped). */
function bbbApiBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new RangeError("The BigBlueButton URL must be an http(s) URL");
  }
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${path.endsWith("/api") ? path : `${path}/api`}`;
}
