import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prerenderedScriptHashes, readPrerenderedPage } from "@/server/prerendered-pages";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const dist = mkdtempSync(join(tmpdir(), "prerendered-pages-"));
vi.stubEnv("NEXT_DIST_DIR", dist);
const page = (path: string) => join(dist, "server", "app", `${path}.html`);
mkdirSync(join(dist, "server", "app", "p", "fr", "standard", "modules"), { recursive: true });

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dist, { recursive: true, force: true });
});

describe("prerenderedScriptHashes, readPrerenderedPage", () => {
  it("hashes the inline scripts of the HTML Next.js serves for the page, and reads it again when it changes", () => {
    const file = page("p/fr/standard/modules/x");
    writeFileSync(file, '<script src="/a.js"></script><script>one()</script>');
    utimesSync(file, new Date("2026-12-01T00:00:00Z"), new Date("2026-12-01T00:00:00Z"));
    expect(prerenderedScriptHashes("/p/fr/standard/modules/x")).toEqual([sha("one()")]);
    const first = readPrerenderedPage("/p/fr/standard/modules/x")!;
    expect(first.html.toString()).toBe('<script src="/a.js"></script><script>one()</script>');
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    // Rendered again (revalidate): a new file, a new time of modification.
    writeFileSync(file, "<script>two()</script>");
    utimesSync(file, new Date("2026-12-02T00:00:00Z"), new Date("2026-12-02T00:00:00Z"));
    expect(prerenderedScriptHashes("/p/fr/standard/modules/x")).toEqual([sha("two()")]);
    expect(readPrerenderedPage("/p/fr/standard/modules/x")!.etag).not.toBe(first.etag);
  });

  it("is null when no page was prerendered there (an unknown module: rendered per request, with a nonce)", () => {
    expect(prerenderedScriptHashes("/p/fr/standard/modules/no-such-module")).toBeNull();
    expect(readPrerenderedPage("/p/fr/standard/modules/no-such-module")).toBeNull();
    writeFileSync(page("p/fr/standard"), "<p>home</p>");
    expect(prerenderedScriptHashes("/p/fr/standard")).toEqual([]);
  });
});
