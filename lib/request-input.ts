/**
 * Rules for the parts of a request that no schema sees before Next.js or next-auth read them: the
 * path's segments and next-auth's callback-URL cookie. proxy.ts applies them to every request that
 * could carry such input, and the fuzz tests generate their inputs from them. Pure: no next/*.
 */

/** next-auth's callback-URL cookie, under its plain and its HTTPS names. */
/** next-auth's session cookie, by its two names (the second over HTTPS). */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;

/**
 * Whether next-auth accepts this callback URL: an absolute http(s) URL, or a path starting with "/"
 * (the check of next-auth 4's assertConfig, which otherwise fails every session lookup with
 * INVALID_CALLBACK_URL_ERROR, a 500). Another site's address passes here: next-auth's redirect
 * callback sends those to the platform's own base URL.
 */
export function isUsableCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

/** The names of a request's callback-URL cookies that next-auth would refuse (`value` reads a cookie). */
export function unusableCallbackCookies(value: (name: string) => string | undefined): string[] {
  return CALLBACK_URL_COOKIES.filter((name) => {
    const cookie = value(name);
    return cookie !== undefined && !isUsableCallbackUrl(cookie);
  });
}

/** How such a cookie is expired in the browser (proxy.ts, server/direct-routes.ts). */
export function expiredCookieOptions(name: string) {
  return { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax" as const, secure: name.startsWith("__Secure-") };
}

/** Control characters (NUL included) have no place in an id, a code or a slug. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A decoded path segment the platform's routes can be given: no control character, well-formed
 * UTF-16, and not a dot segment (an encoded "%2e%2e" would decode into a path outside /api/).
 */
export function isAcceptableSegment(decoded: string): boolean {
  return !CONTROL_CHARACTER.test(decoded) && decoded.isWellFormed() && decoded !== "." && decoded !== "..";
}

/**
 * Whether a raw (still percent-encoded) path has a segment that cannot be decoded — a bad escape
 * such as "%ZZ" or bytes that are not UTF-8 such as "%E0%A4%A" — or decodes to something no route
 * accepts. Next.js answers the former with a 500 when the segment fills a dynamic parameter.
 */
export function hasMalformedPathSegment(pathname: string): boolean {
  if (!pathname.includes("%")) return CONTROL_CHARACTER.test(pathname);
  for (const segment of pathname.split("/")) {
    try {
      if (!isAcceptableSegment(decodeURIComponent(segment))) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Whether a string holds a NUL character or a lone surrogate (malformed UTF-16): PostgreSQL refuses
 * the first in text columns and neither engine would store the second as sent. Used on every
 * string of a JSON body, keys included.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}
