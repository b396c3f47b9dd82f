// fast-check generators of malformed request parts, shared by the in-process fuzz of the route
// handlers (tests/integration/fuzz-api.test.ts) and the fuzz of every page and route against the
// built server (tests/e2e/fuzz.spec.ts). Relative imports only: Playwright loads this file too.
import fc from "fast-check";
import { CALLBACK_URL_COOKIES } from "../../lib/request-input";

/** Characters that break naive code: NUL and other controls, lone surrogates, bidi, combining marks. */
const oddChar = fc.oneof(
  fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\n", "\r", "\t", "\u00a0", "\u200b", "\u202e", "\ufeff", "\uffff", "\u0301", "'", '"', "\\", "<", ">", "&", "%", "/", "?", "#", ";", ",", "=", "."),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);

/** A short string of ordinary and odd characters (lone surrogates and NUL included). */
export const oddString = fc.string({ unit: fc.oneof({ arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 3 }, { arbitrary: oddChar, weight: 2 }), maxLength: 24 });

/** Strings an attacker tries first. */
export const nastyString = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "🧀",
  "e\u0301",
  "' OR 1=1 --",
  "' ORDER BY 1#",
  "\"; DROP TABLE \"User\"; --",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "../../../../etc/passwd",
  "%00",
  "%E0%A4%A",
  "%ZZ",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "{{7*7}}",
  "${7*7}",
  "2026-02-30",
  "9999-99-99",
  "0000-00-00",
  "true",
);

/** A string of 1,000 to 60,000 characters, or a long run of one odd character. */
export const hugeString = fc.oneof(
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => "a".repeat(n)),
  fc.tuple(oddChar, fc.integer({ min: 100, max: 20_000 })).map(([c, n]) => c.repeat(n)),
);

export const anyString = fc.oneof({ arbitrary: oddString, weight: 4 }, { arbitrary: nastyString, weight: 4 }, { arbitrary: hugeString, weight: 1 });

/** Numbers JSON cannot carry (NaN, ±Infinity: sent as raw tokens), and awkward ones it can. */
export const NAN_TOKEN = "\u0000NaN\u0000";
export const INFINITY_TOKEN = "\u0000Infinity\u0000";
export const MINUS_INFINITY_TOKEN = "\u0000-Infinity\u0000";
export const oddNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, 2 ** 31, -(2 ** 31) - 1, 10_000),
  fc.double(),
  fc.integer(),
);

/** Nested n levels deep: arrays, objects, or both. */
export function nested(depth: number, kind: "array" | "object" | "mixed", leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kind === "array" || (kind === "mixed" && i % 2) ? [value] : { a: value };
  return value;
}

export const deepValue = fc.tuple(fc.integer({ min: 20, max: 300 }), fc.constantFrom("array", "object", "mixed") as fc.Arbitrary<"array" | "object" | "mixed">).map(([depth, kind]) => nested(depth, kind));

/** Any value of a wrong type for a field: other scalars, arrays, objects, deep nesting. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyString, weight: 4 },
  { arbitrary: oddNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [""], { "": "" }), weight: 2 },
  { arbitrary: fc.array(fc.oneof(oddString, oddNumber), { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  { arbitrary: deepValue, weight: 1 },
);

/** Keys that reach an object's prototype, or that no schema expects. */
export const oddKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "", " ", "\u0000", "\ud800", "role", "id", "userId", "isAdmin"), oddString);

/** Sets a key as an own, enumerable property, even "__proto__" (as JSON.parse would). */
export function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** JSON text, with the NaN and ±Infinity tokens written out as the raw (invalid) literals a careless client sends. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== "number" || Number.isFinite(v)) return v;
    return Number.isNaN(v) ? NAN_TOKEN : v > 0 ? INFINITY_TOKEN : MINUS_INFINITY_TOKEN;
  });
  return (text ?? "")
    .replaceAll(JSON.stringify(NAN_TOKEN), "NaN")
    .replaceAll(JSON.stringify(INFINITY_TOKEN), "Infinity")
    .replaceAll(JSON.stringify(MINUS_INFINITY_TOKEN), "-Infinity");
}

type Mutation = { kind: "remove"; key: string } | { kind: "replace"; key: string; value: unknown } | { kind: "add"; key: string; value: unknown };

/**
 * A valid body broken in one to three ways: a field missing, a field of a wrong type or value, an
 * unexpected field (prototype keys included).
 */
export function mutatedBody(sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(sample);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    ...(keys.length
      ? [
          fc.constantFrom(...keys).map((key) => ({ kind: "remove" as const, key })),
          fc.tuple(fc.constantFrom(...keys), oddValue).map(([key, value]) => ({ kind: "replace" as const, key, value })),
          fc.tuple(fc.constantFrom(...keys), oddValue).map(([key, value]) => ({ kind: "replace" as const, key, value })),
        ]
      : []),
    fc.tuple(oddKey, oddValue).map(([key, value]) => ({ kind: "add" as const, key, value })),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) =>
    mutations.reduce<Record<string, unknown>>((body, m) => {
      if (m.kind === "remove") {
        const { [m.key]: _removed, ...rest } = body;
        return rest;
      }
      return withKey(body, m.key, m.value);
    }, sample),
  );
}

/** Body text that is not a JSON object, or not JSON at all. */
export const oddBodyText = fc.oneof(
  fc.constantFrom("", " ", "{", "}", "[", "]", "{}", "[]", "null", "0", "\"\"", "NaN", "Infinity", "-Infinity", "undefined", "{'a':1}", "{\"a\":1,}", "{\"a\":NaN}", "\ufeff{}", "\u0000", "{\"a\":\"\\ud800\"}", "{\"__proto__\":{\"role\":\"admin\"}}", "{\"constructor\":{\"prototype\":{\"role\":\"admin\"}}}", "a=1&b=2", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"),
  oddString,
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => "[".repeat(n)),
);

/** A header value a real client can send (HTTP forbids CR, LF and NUL, and wants bytes, not UTF-16). */
export function isSendableHeaderValue(value: string): boolean {
  return /^[\t\u0020-\u007e\u0080-\u00ff]*$/.test(value) && value.trim() === value;
}

const headerText = fc.oneof(oddString, nastyString, fc.string({ maxLength: 40 }), fc.integer({ min: 200, max: 2_000 }).map((n) => "x".repeat(n))).filter(isSendableHeaderValue);

export const acceptLanguage = fc.oneof(fc.constantFrom("fr", "en", "en-US,en;q=0.9", "de", "*", "fr;q=NaN", "en;q=-1", "xx;q=abc", ";q=", ",,,", "q=1", "fr-FR;q=0.5,en;q=1e999", "\u00e9;q=1"), headerText).filter(isSendableHeaderValue);
export const forwardedFor = fc.oneof(fc.constantFrom("127.0.0.1", "::1", "1.2.3.4, 5.6.7.8", "", ",,,", "999.999.999.999", "unknown", "[::1]:80", "1.2.3.4, , ", "localhost"), headerText).filter(isSendableHeaderValue);
export const contentType = fc.oneof(
  fc.constantFrom("application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "*/*", "", ";", "application/json; boundary=\""),
  headerText,
);
export function hostHeader(realHost: string) {
  return fc.oneof({ arbitrary: fc.constant(realHost), weight: 3 }, { arbitrary: fc.constantFrom("evil.example", "localhost:1", "[::1]", "a b", "", "localhost:99999", "xn--a", "..", "localhost/.."), weight: 1 }, { arbitrary: headerText, weight: 1 }).filter(isSendableHeaderValue);
}
export function originHeader(realOrigin: string) {
  return fc.oneof(
    { arbitrary: fc.constant(realOrigin), weight: 6 },
    { arbitrary: fc.constantFrom("null", "https://evil.example", "http://localhost", "file://", "http://", realOrigin + "/x", realOrigin.replace("http", "https"), "javascript:alert(1)"), weight: 1 },
    { arbitrary: headerText, weight: 1 },
  ).filter(isSendableHeaderValue);
}

/** Cookie values for next-auth's cookies and ours (locale, parcours), valid-looking or not. */
export const NEXT_AUTH_COOKIES = [
  "next-auth.session-token",
  "__Secure-next-auth.session-token",
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  ...CALLBACK_URL_COOKIES,
  "next-auth.pkce.code_verifier",
  "next-auth.state",
  "next-auth.nonce",
] as const;
export const OUR_COOKIES = ["locale", "parcours"] as const;

const cookieValue = fc.oneof(
  fc.constantFrom("", "fr", "en", "xx", "neutre", "standard", "javascript:alert(1)", "http://localhost:3000' ORDER BY 1#", "http://evil.example/", "/progress", "%E0%A4%A", "%ZZ", "a%00b", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z", "a.b.c.d.e", "undefined", "\"quoted\"", "a=b=c"),
  headerText.filter((v) => !/[;,]/.test(v)),
);

export const cookieHeader = fc
  .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...NEXT_AUTH_COOKIES, ...OUR_COOKIES), weight: 4 }, { arbitrary: fc.constantFrom("", "=", " ", "a b", "__proto__"), weight: 1 }), cookieValue), { maxLength: 4 })
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("; "))
  .filter(isSendableHeaderValue);

/** A query string: odd names and values, repeated keys, bare "&" and "=" and bad escapes. */
export const queryString = fc.oneof(
  fc.constantFrom("", "?", "?&", "?=", "?a", "?a=%", "?a=%E0%A4%A", "?a=%ZZ", "?%00=1", "?page=-1", "?page=1e999", "?page=NaN", "?q=" + "a".repeat(5_000), "?callbackUrl=javascript:alert(1)", "?callbackUrl=%2F%2Fevil.example", "?__proto__[role]=admin", "?code=", "?from=2026-02-30&to=0000-00-00"),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "page", "code", "action", "from", "to", "callbackUrl", "error", "table", "chapter"), oddString), fc.oneof(oddString, nastyString)), { maxLength: 4 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) params.append(key.toWellFormed(), value.toWellFormed());
    const text = params.toString();
    return text ? `?${text}` : "";
  }),
);

/** A raw (percent-encoded) path segment: well formed or not. */
export const rawSegment = fc.oneof(
  fc.constantFrom("%E0%A4%A", "%ZZ", "%", "%%", "%0", "%00", "%0A", "%C0%AF", "%ED%A0%80", "%FF", "..", ".", "%2e%2e", "%2F", "a%2Fb", "%5C", "%20", "~", "%7E", "%23", "%3F"),
  oddString.map((s) => encodeURIComponent(s.toWellFormed())),
  fc.integer({ min: 100, max: 3_000 }).map((n) => "a".repeat(n)),
);
