/**
 * The Content-Security-Policy of every page: only this origin, and inline scripts only with the
 * per-request nonce that Next.js puts on its own bootstrap scripts. No third-party origin anywhere.
 * `isDev` adds what the development server's hot reload needs ('unsafe-eval' and websockets).
 * `mediaOrigin` is the operator's own media server, if the videos are not served by the platform.
 */
export function buildContentSecurityPolicy(nonce: string, isDev = false, mediaOrigin: string | null = null): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    // React and Next.js set style attributes; styles cannot run code, so inline styles are allowed.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // The operator's own media server, when videos are served from one (MEDIA_BASE_URL).
    "media-src": ["'self'", "blob:", ...(mediaOrigin ? [mediaOrigin] : [])],
    "connect-src": ["'self'", ...(isDev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
