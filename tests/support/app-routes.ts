// The pages and route handlers under app/, found from the files themselves: the authorization
// matrix and the fuzz tests both fail when one of them has no entry (tests/unit/authorization-
// matrix-coverage.test.ts, tests/integration/fuzz-api.test.ts, tests/e2e/fuzz.spec.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = join(__dirname, "..", "..");

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every page and route handler, as paths relative to the repository ("app/…/page.tsx"). */
export function appRouteFiles(): string[] {
  return filesUnder(join(ROOT, "app"))
    .map((f) => relative(ROOT, f).split("\\").join("/"))
    .filter((f) => /\/(page|route)\.tsx?$/.test(f))
    .sort();
}

export const isRouteHandler = (file: string) => /\/route\.tsx?$/.test(file);
export const isPage = (file: string) => /\/page\.tsx?$/.test(file);

/** The HTTP methods a route handler file exports (declared, or re-exported `as GET`). */
export function routeMethods(file: string): HttpMethod[] {
  const source = readFileSync(join(ROOT, file), "utf8");
  const declared = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as HttpMethod);
  const reexported = [...source.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as HttpMethod);
  // `export const { GET, … } = createSerwistRoute(…)`: a library's handlers, destructured.
  const destructured = [...source.matchAll(/export const \{([^}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((n) => n[1] as HttpMethod));
  return [...new Set([...declared, ...reexported, ...destructured])];
}

/**
 * The URL segments of a page or route file: route groups "(auth)" left out, dynamic segments
 * "[id]" and catch-alls "[...x]" kept as they are written.
 */
export function urlSegments(file: string): string[] {
  return file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
}

export const isDynamicSegment = (segment: string) => /^\[.+\]$/.test(segment);
