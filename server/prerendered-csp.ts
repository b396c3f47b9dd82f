import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { inlineScriptHashes } from "@/lib/security-headers";

/**
 * The hashes of a prerendered page's inline scripts, for its Content-Security-Policy (proxy.ts).
 * Read from the HTML that Next.js serves for it (`<distDir>/server/app/<path>.html`), and read
 * again when that file changes (a module page rendered again by its daily `revalidate`): its time
 * of modification is checked on each request (a stat, a few microseconds). null: no such
 * prerendered page (the development server, an unknown module: the page is then rendered per
 * request, with a nonce).
 */
type Entry = { hashes: string[] | null; mtimeMs: number };
const entries = new Map<string, Entry>();

function htmlFile(internalPath: string): string {
  return resolve(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "app", `.${internalPath}.html`);
}

export function prerenderedScriptHashes(internalPath: string): string[] | null {
  const file = htmlFile(internalPath);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // Not kept: any address can be asked for, and the map holds only the prerendered pages.
    entries.delete(internalPath);
    return null;
  }
  const entry = entries.get(internalPath);
  if (entry && entry.mtimeMs === mtimeMs) return entry.hashes;
  let hashes: string[] | null;
  try {
    hashes = inlineScriptHashes(readFileSync(file, "utf8"));
  } catch {
    hashes = null;
  }
  entries.set(internalPath, { hashes, mtimeMs });
  return hashes;
}
