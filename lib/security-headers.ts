import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy of every page: only this origin, and inline scripts only with the
 * per-request nonce that Next.js puts on its own bootstrap scripts, or, for a prerendered page
 * (which carries no nonce), with the hashes of its own inline scripts. No third-party origin anywhere.
 * `isDev` adds what the development server's hot reload needs ('unsafe-eval' and websockets).
 * `mediaOrigin` is the operator's own media server, if the videos are not served by the platform.
 */
export function buildContentSecurityPolicy(scripts: { nonce: string } | { hashes: readonly string[] }, isDev = false, mediaOrigin: string | null = null): string {
  // With a nonce, 'strict-dynamic' lets the scripts Next.js loads from its bootstrap script run;
  // with hashes, those come from this origin ('self') and 'strict-dynamic' would refuse them.
  const inline = "nonce" in scripts ? [`'nonce-${scripts.nonce}'`, "'strict-dynamic'"] : scripts.hashes.map((hash) => `'sha256-${hash}'`);
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
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The sha-256 (base64) of each distinct inline script of a page, as a CSP source expects them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, body = ""] of html.matchAll(INLINE_SCRIPT)) hashes.add(createHash("sha256").update(body, "utf8").digest("base64"));
  return [...hashes];
}

/** The origin of the operator's media server (MEDIA_BASE_URL), if the videos are served from one. */
export function mediaOriginOf(mediaBaseUrl: string | undefined): string | null {
  try {
    return mediaBaseUrl ? new URL(mediaBaseUrl).origin : null;
  } catch {
    return null;
  }
}
