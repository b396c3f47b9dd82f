import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { inlineScriptHashes } from "@/lib/security-headers";

/**
 * The programme's prerendered pages as Next.js serves them: the HTML of `<distDir>/server/app/<path>.html`,
 * the hashes of its inline scripts (its Content-Security-Policy: proxy.ts, server/direct-routes.ts)
 * and an entity tag. Read again when the file changes (a module page rendered again by its daily
 * `revalidate`): its time of modification is checked on each request (a stat, a few microseconds).
 * null: no such prerendered page (the development server, an unknown module: the page is then
 * rendered per request, with a nonce).
 */
export type PrerenderedPage = { html: Buffer; hashes: string[]; etag: string; mtimeMs: number };
const pages = new Map<string, PrerenderedPage>();

function htmlFile(internalPath: string): string {
  return resolve(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "app", `.${internalPath}.html`);
}

export function readPrerenderedPage(internalPath: string): PrerenderedPage | null {
  const file = htmlFile(internalPath);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // Not kept: any address can be asked for, and the map holds only the prerendered pages.
    pages.delete(internalPath);
    return null;
  }
  const kept = pages.get(internalPath);
  if (kept && kept.mtimeMs === mtimeMs) return kept;
  let html: Buffer;
  try {
    html = readFileSync(file);
  } catch {
    return null;
  }
  const page = { html, hashes: inlineScriptHashes(html.toString("utf8")), etag: `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`, mtimeMs };
  pages.set(internalPath, page);
  return page;
}

export function prerenderedScriptHashes(internalPath: string): string[] | null {
  return readPrerenderedPage(internalPath)?.hashes ?? null;
}
