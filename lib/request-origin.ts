/**
 * Cross-site request checks for mutating routes. Browsers send `Origin` on every POST/PUT/DELETE
 * made by fetch, forms and sendBeacon; a request from another site carries that site's origin.
 * Requests with neither `Origin` nor `Sec-Fetch-Site` come from non-browser clients, which cannot
 * be used for cross-site forgery, so they pass (their session cookie must still be valid).
 */
export function isSameOriginRequest(headers: {
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  allowedOrigins: readonly string[];
}): boolean {
  const { origin, secFetchSite, host, allowedOrigins } = headers;
  if (origin) {
    if (origin === "null") return false;
    if (allowedOrigins.includes(origin)) return true;
    try {
      return !!host && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  if (secFetchSite) return secFetchSite === "same-origin" || secFetchSite === "none";
  return true;
}

/**
 * The client's address, as the nearest proxy saw it: the right-most entry of X-Forwarded-For
 * (a reverse proxy in front appends its peer's address, or overwrites the header). `next start` fills
 * the header with the socket address only when the client sent none, so without a proxy a client
 * chooses its own address: the sign-in throttle's per-account waits do not depend on it.
 * `trustedHops` more proxies of the operator's own can be skipped with TRUSTED_PROXY_HOPS.
 */
export function clientAddressOf(forwardedFor: string | null | undefined, trustedHops = 0): string {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - 1 - trustedHops] ?? chain[0] ?? "unknown";
}
