import { pickLocale, type Locale } from "@/lib/i18n";
import type { PathKind } from "@/lib/viewer";

/**
 * The programme's four pages are prerendered under an internal prefix, one copy per language and
 * path (app/(programme)/p/[locale]/[pathKind]); proxy.ts serves them at their public addresses.
 */
export const INTERNAL_PREFIX = "/p";

const PUBLIC_ROUTES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^\/$/, () => ""],
  [/^\/chapters\/([^/]+)$/, (m) => `/chapters/${m[1]}`],
  [/^\/modules\/([^/]+)$/, (m) => `/modules/${m[1]}`],
  [/^\/progress$/, () => "/progress"],
];

/** The internal path of a programme page for this language and path; null for any other address. */
export function internalProgrammePath(pathname: string, locale: Locale, pathKind: PathKind): string | null {
  for (const [pattern, suffix] of PUBLIC_ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return `${INTERNAL_PREFIX}/${locale}/${pathKind}${suffix(match)}`;
  }
  return null;
}

/** The internal addresses are not pages of their own: asked for directly, they are not found. */
export function isInternalPath(pathname: string): boolean {
  return pathname === INTERNAL_PREFIX || pathname.startsWith(`${INTERNAL_PREFIX}/`);
}

/**
 * The copy of a programme page a request gets: its language from the language cookie or
 * Accept-Language, its path from the path cookie (`parcours`); null for any other address.
 * Used by proxy.ts and by the server's direct answer (server/direct-routes.ts) alike.
 */
export function programmePageFor(pathname: string, request: { localeCookie?: string; acceptLanguage: string | null; pathCookie?: string }): string | null {
  return internalProgrammePath(pathname, pickLocale(request.localeCookie, request.acceptLanguage), request.pathCookie === "neutre" ? "neutre" : "standard");
}
