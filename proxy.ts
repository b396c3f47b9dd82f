import { NextResponse, type NextRequest } from "next/server";
import { apiErrorBody } from "@/lib/api-error";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n";
import { isInternalPath, programmePageFor } from "@/lib/programme-routes";
import { PATH_COOKIE } from "@/lib/schemas/preferences";
import { expiredCookieOptions, hasMalformedPathSegment, SESSION_COOKIES, unusableCallbackCookies } from "@/lib/request-input";
import { buildContentSecurityPolicy, mediaOriginOf } from "@/lib/security-headers";
import { prerenderedScriptHashes } from "@/server/prerendered-pages";

/**
 * Runs before every page: sets the per-request Content-Security-Policy nonce, and sends visitors
 * without a session cookie to the sign-in page for the signed-in areas. That redirect is a
 * convenience only: pages and the data layer check the session and the role themselves.
 *
 * The programme's four pages (home, chapters, modules, Mon parcours) are prerendered once per
 * language and path (lib/programme-routes.ts): this picks the copy from the locale and path
 * cookies, serves it at the public address (an internal rewrite; prefetches included), and gives
 * it a policy made of its inline scripts' hashes, since a prerendered page carries no nonce.
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

function isPrefetch(request: NextRequest): boolean {
  return request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
}

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
  const isMalformedPage = hasMalformedPathSegment(pathname);
  const programmePath = isMalformedPage
    ? null
    : programmePageFor(pathname, { localeCookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language"), pathCookie: request.cookies.get(PATH_COOKIE)?.value });

  if (isApi || (isPrefetch(request) && !isMalformedPage)) {
    const target = isApi ? null : isInternalPath(pathname) ? NOT_FOUND_PATH : programmePath;
    const init = { request: { headers: request.headers } };
    return expireCookies(target ? NextResponse.rewrite(sameServer(request, target), init) : NextResponse.next(init), dropped);
  }

  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isMalformedPage && !hasSessionCookie && SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return expireCookies(NextResponse.redirect(url), dropped);
  }

  const hashes = programmePath ? prerenderedScriptHashes(programmePath) : null;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = buildContentSecurityPolicy(hashes ? { hashes } : { nonce }, process.env.NODE_ENV === "development", mediaOriginOf(process.env.MEDIA_BASE_URL));
  const requestHeaders = new Headers(request.headers);
  if (!hashes) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }
  const target = isMalformedPage || isInternalPath(pathname) ? NOT_FOUND_PATH : programmePath;
  const init = { request: { headers: requestHeaders } };
  const response = target ? NextResponse.rewrite(sameServer(request, target), init) : NextResponse.next(init);
  response.headers.set("Content-Security-Policy", policy);
  // One address, several prerendered copies (language, path): no shared cache may keep one for
  // everyone, and the browser asks again each time (a 304 when its copy is still the one).
  if (programmePath) response.headers.set("Cache-Control", "private, no-cache");
  return expireCookies(response, dropped);
}

// Literal values only: Next.js reads this object at build time without running the module.
export const config = {
  matcher: [
    // The programme's pages, prefetches included: they are served from their prerendered copies.
    "/",
    "/chapters/:id",
    "/modules/:id",
    "/progress",
    "/p/:path*",
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
