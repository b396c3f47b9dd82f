/**
 * The Content-Security-Policy of every page: only this origin, and inline scripts only with the
 * per-request nonce that Next.js puts on its own bootstrap scripts (every page is rendered per
 * request, so every page has one). No third-party origin anywhere.
 * `isDev` adds what the development server's hot reload needs ('unsafe-eval' and websockets).
 * `mediaOrigin` is the operator's own media server, if the videos are not served by the platform.
 */
export function buildContentSecurityPolicy({ nonce }: { nonce: string }, isDev = false, mediaOrigin: string | null = null): string {
  // 'strict-dynamic' lets the scripts Next.js loads from its nonced bootstrap script run.
  const inline = [`'nonce-${nonce}'`, "'strict-dynamic'"];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...inline, ...(isDev ? ["'unsafe-eval'"] : [])],
    // React and Next.js set style attributes; styles cannot run code, so inline styles are allowed.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // The operator's own media server, when videos are served from one (MEDIA_BASE_URL).
    "media-src": ["'self'", "blob:", ...(mediaOrigin ? [mediaOrigin] : [])],
    "connect-src": ["'self'", ...(isDev ? ["ws:"] : [])],
    // The service worker (app/sw.ts): with 'strict-dynamic', script-src would ignore 'self' for it.
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The origin of the operator's media server (MEDIA_BASE_URL), if the videos are served from one. */
export function mediaOriginOf(mediaBaseUrl: string | undefined): string | null {
  try {
    return mediaBaseUrl ? new URL(mediaBaseUrl).origin : null;
  } catch {
    return null;
  }
}
