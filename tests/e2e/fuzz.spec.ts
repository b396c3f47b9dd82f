import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { AUTHORIZATION_MATRIX, VISITORS, type Visitor } from "../authorization-matrix";
import { appRouteFiles, isDynamicSegment, isPage, isRouteHandler, routeMethods, urlSegments, type HttpMethod } from "../support/app-routes";
import { acceptLanguage, contentType, cookieHeader, forwardedFor, hostHeader, oddBodyText, originHeader, queryString, rawSegment } from "../support/fuzz-arbitraries";
import { apiClientAs } from "./support";

/**
 * Fuzz of every page and every route against the built server (issue 12 §5): malformed path
 * segments, query strings, cookies (each of next-auth's and ours, beside a real session or none)
 * and headers (Accept-Language, Origin, X-Forwarded-For, Content-Type, Host, the router's prefetch
 * headers), sent raw with node:http so that nothing is normalized on the way. Header values stay
 * short enough for Node's 16 kB limit (beyond it Node itself answers 431, before the platform). Pages answer 2xx, 3xx
 * or 4xx; API routes never 5xx, and their errors are JSON with a code. The bodies of the route
 * handlers get their thousand runs each in-process: tests/integration/fuzz-api.test.ts.
 *
 * Every page and route file under app/ is fuzzed (found like the authorization matrix, whose row
 * gives a concrete URL): a new one is covered without an entry here.
 */
const PAGE_RUNS = Number(process.env.FUZZ_PAGE_RUNS ?? 16);
const ROUTE_RUNS = Number(process.env.FUZZ_ROUTE_RUNS ?? 8);

type RawResponse = { status: number; contentType: string; body: string };

/** One request exactly as written: the path is sent as it is, not parsed or re-encoded. */
function send(baseURL: string, method: string, path: string, headers: Record<string, string>, body: string | null): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, method, path, headers: { ...headers, ...(body === null ? {} : { "content-length": String(Buffer.byteLength(body)) }) }, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`no answer in 30 s: ${method} ${path}`)));
    request.on("error", reject);
    if (body !== null) request.write(body);
    request.end();
  });
}

/** A concrete URL for each page or route file: the first authorization-matrix row of that file. */
function exampleUrl(file: string): { segments: string[]; query: string } {
  const row = AUTHORIZATION_MATRIX.find((r) => r.file === file);
  if (!row) throw new Error(`${file} has no row in tests/authorization-matrix.ts`);
  const [path = "", query = ""] = row.path.split("?");
  return { segments: path.split("/").slice(1), query: query ? `?${query}` : "" };
}

/** Paths around the example: a dynamic segment replaced by a malformed one, a segment added, or the example itself. */
function pathVariants(file: string) {
  const template = urlSegments(file);
  const { segments } = exampleUrl(file);
  const dynamic = template.map((segment, i) => (isDynamicSegment(segment) ? i : -1)).filter((i) => i >= 0 && i < segments.length);
  const replaced = dynamic.length
    ? [fc.tuple(fc.constantFrom(...dynamic), rawSegment).map(([i, raw]) => segments.map((s, j) => (j === i ? raw : s)))]
    : [];
  return fc
    .oneof(
      { arbitrary: fc.constant(segments), weight: 2 },
      ...replaced.map((arbitrary) => ({ arbitrary, weight: 4 })),
      { arbitrary: rawSegment.map((raw) => [...segments, raw]), weight: 1 },
    )
    .map((parts) => `/${parts.join("/")}`);
}

const files = appRouteFiles();
const sessionCookies = new Map<Visitor, string>();

function requestParts(baseURL: string, file: string, method: HttpMethod) {
  const { host, origin } = new URL(baseURL);
  const example = exampleUrl(file);
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  return fc.record({
    visitor: fc.constantFrom(...VISITORS),
    path: pathVariants(file),
    query: fc.oneof(fc.constant(example.query), queryString),
    cookie: optional(cookieHeader),
    headers: fc.record({
      host: fc.oneof({ arbitrary: fc.constant(host), weight: 4 }, { arbitrary: hostHeader(host), weight: 1 }),
      "accept-language": optional(acceptLanguage),
      origin: optional(originHeader(origin)),
      "x-forwarded-for": optional(forwardedFor),
      "content-type": optional(contentType),
      "next-router-prefetch": optional(fc.constant("1")),
      rsc: optional(fc.constant("1")),
    }),
    body: method === "GET" ? fc.constant(null) : fc.oneof(oddBodyText, fc.constant(null)),
  });
}

test.describe("fuzz: every page and route against the built server", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async ({ baseURL }) => {
    for (const visitor of VISITORS) {
      const client = await apiClientAs(visitor, baseURL!);
      sessionCookies.set(visitor, (await client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; "));
      await client.dispose();
    }
  });

  test("every page and route file has a concrete URL to start from", () => {
    for (const file of files) expect(() => exampleUrl(file), file).not.toThrow();
  });

  for (const file of files.filter(isPage)) {
    test(`page ${file}: ${PAGE_RUNS} malformed requests answer 2xx, 3xx or 4xx`, async ({ baseURL }) => {
      await fc.assert(
        fc.asyncProperty(requestParts(baseURL!, file, "GET"), async (parts) => {
          const cookie = [sessionCookies.get(parts.visitor), parts.cookie].filter(Boolean).join("; ");
          const headers = Object.fromEntries(Object.entries({ ...parts.headers, cookie }).filter((e): e is [string, string] => !!e[1]));
          const response = await send(baseURL!, "GET", parts.path + parts.query, headers, null);
          expect(response.status, `GET ${parts.path}${parts.query} as ${parts.visitor} ${JSON.stringify(headers).slice(0, 600)}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        }),
        { numRuns: PAGE_RUNS, endOnFailure: true },
      );
    });
  }

  for (const file of files.filter(isRouteHandler)) {
    for (const method of routeMethods(file)) {
      test(`${method} ${file}: ${ROUTE_RUNS} malformed requests answer under 500, errors in JSON`, async ({ baseURL }) => {
        await fc.assert(
          fc.asyncProperty(requestParts(baseURL!, file, method), async (parts) => {
            const cookie = [sessionCookies.get(parts.visitor), parts.cookie].filter(Boolean).join("; ");
            const headers = Object.fromEntries(Object.entries({ ...parts.headers, cookie }).filter((e): e is [string, string] => !!e[1]));
            const response = await send(baseURL!, method, parts.path + parts.query, headers, parts.body);
            const label = `${method} ${parts.path}${parts.query} as ${parts.visitor} ${JSON.stringify(headers).slice(0, 600)} body ${JSON.stringify(parts.body)?.slice(0, 200)}: ${response.status} ${response.body.slice(0, 200)}`;
            expect(response.status, label).toBeLessThan(500);
            // Next.js answers a method that a route file does not export with its own empty 405 (with
            // Allow): no hook lets the platform give it a body. Every other error is ours: JSON.
            if (response.status === 405 && response.body === "") return;
            // A literal dot segment ("/api/../x") is resolved before routing, as URLs are (RFC 3986):
            // such a path is a page's, answered as pages are (above: under 500).
            const isStillApi = new URL(parts.path, baseURL).pathname.startsWith("/api/");
            if (response.status >= 400 && isStillApi) {
              expect(response.contentType, label).toContain("application/json");
              const body = JSON.parse(response.body) as { error?: { code?: unknown } };
              expect(typeof body.error?.code, label).toBe("string");
            }
          }),
          { numRuns: ROUTE_RUNS, endOnFailure: true },
        );
      });
    }
  }
});
