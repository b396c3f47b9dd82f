import { NextResponse, type NextRequest } from "next/server";
import { apiErrorBody } from "@/lib/api-error";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n";
import { expiredCookieOptions, hasMalformedPathSegment, SESSION_COOKIES, unusableCallbackCookies } from "@/lib/request-input";
import { buildContentSecurityPolicy, mediaOriginOf } from "@/lib/security-headers";

/**
 * Runs before every page: sets the per-request Content-Security-Policy nonce, and sends visitors
 * without a session cookie to the sign-in page for the signed-in areas. That redirect is a
 * convenience only: pages and the data layer check the session and the role themselves.
 *
 * It also keeps two kinds of bad input away from Next.js and next-auth, for pages and API routes
 * alike (see `config.matcher` for when it runs):
 * - a path segment that does not decode ("/modules/%ZZ"): the not-found page, or a 400 with a JSON
 *   error body under /api/ (Next.js itself would answer 500 when such a segment fills a parameter);
 * - a next-auth callback-URL cookie that next-auth would refuse ("javascript:…"): removed from the
 *   request before any session lookup sees it (next-auth would fail every lookup: 500) and
 *   expired in the browser.
 */
const SIGNED_IN_AREAS = ["/admin", "/progress"];
/** A page that only answers not found (app/(site)/introuvable): it has no parameter to decode. */
const NOT_FOUND_PATH = "/introuvable";

/** Takes next-auth's unusable callback-URL cookies out of the request; returns their names. */
function dropUnusableCallbackCookies(request: NextRequest): string[] {
  const dropped = unusableCallbackCookies((name) => request.cookies.get(name)?.value);
  for (const name of dropped) request.cookies.delete(name);
  return dropped;
}

function expireCookies(response: NextResponse, names: string[]): NextResponse {
  for (const name of names) response.cookies.set(name, "", expiredCookieOptions(name));
  return response;
}

/**
 * An internal rewrite to `pathname` (the query string kept, except for the not-found page). From the
 * request's own URL, so that Next.js serves it itself: a URL on another host (the server's name
 * where the client used its address) would be fetched from there, through this proxy again.
 */
function sameServer(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  if (pathname === NOT_FOUND_PATH) url.search = "";
  return url;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const dropped = dropUnusableCallbackCookies(request);

  if (hasMalformedPathSegment(pathname) && isApi) {
    const locale = pickLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
    return expireCookies(NextResponse.json(apiErrorBody("INVALID_PATH", locale), { status: 400 }), dropped);
  }
  if (isApi) return expireCookies(NextResponse.next({ request: { headers: request.headers } }), dropped);
  const isMalformedPage = hasMalformedPathSegment(pathname);

  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isMalformedPage && !hasSessionCookie && SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return expireCookies(NextResponse.redirect(url), dropped);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = buildContentSecurityPolicy({ nonce }, process.env.NODE_ENV === "development", mediaOriginOf(process.env.MEDIA_BASE_URL));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const init = { request: { headers: requestHeaders } };
  const response = isMalformedPage ? NextResponse.rewrite(sameServer(request, NOT_FOUND_PATH), init) : NextResponse.next(init);
  response.headers.set("Content-Security-Policy", policy);
  return expireCookies(response, dropped);
}

// Literal values only: Next.js reads this object at build time without running the module.
export const config = {
  matcher: [
    {
      // Pages, except the router's prefetches.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Any request with a percent sign in its path (API routes and prefetches included), to check
    // that its segments decode; the path is matched as received, still encoded.
    "/:path(.*%.*)",
    // Any request carrying one of next-auth's callback-URL cookies (CALLBACK_URL_COOKIES), to check it.
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "cookie", key: "next-auth.callback-url" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "cookie", key: "__Secure-next-auth.callback-url" }] },
  ],
};
