// The heartbeat as the platform's server answers it, before Next.js's router (server/direct-routes.ts):
// over a real HTTP server, with a real next-auth session cookie read the way next-auth writes it,
// on both engines. The same answers as the route handler gives through Next.js (tests/e2e covers
// that path's callers: the player's heartbeats go through scripts/server.mjs there too).
import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getModule } from "@/server/content";
import { getModuleProgress } from "@/server/data/progress";
import { getDb } from "@/server/db";
import { createDirectRoutes, MAX_DIRECT_BODY_BYTES } from "@/server/direct-routes";
import { createPlaybackSession } from "@/server/playback-session";
import { staticSecurityHeaders } from "@/lib/security-headers-static.cjs";
import { createUser } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const MODULE = getModule("marche-comprendre-les-places-de-marche")!;
/** What the test server answers for a request the direct routes left to Next.js. */
const LEFT_TO_NEXT = 599;

let server: Server;
let origin = "";

beforeAll(async () => {
  const direct = createDirectRoutes();
  server = createServer((request, response) => {
    if (direct.handle(request, response)) return;
    request.resume();
    response.statusCode = LEFT_TO_NEXT;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sessionCookie(userId: string) {
  const token = await encode({ token: { sub: userId, signedInAt: Math.floor(Date.now() / 1000) }, secret: process.env.AUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** node:http rather than fetch: a declared Content-Length, a chunked body and odd paths are sent as written. */
function send(method: string, path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}${path}`, { method, headers: { origin, "content-type": "application/json", ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
    });
    request.on("error", reject);
    if (Array.isArray(body)) for (const chunk of body) request.write(chunk);
    else if (body !== undefined) request.write(body);
    request.end();
  });
}

function heartbeat(userId: string, fromS: number, toS: number, reportId = randomUUID()) {
  return JSON.stringify({ reportId, moduleId: MODULE.id, session: createPlaybackSession(userId, MODULE.id, Date.now() - 3600_000), intervals: [[fromS, toS]], positionS: toS });
}

describe(`POST /api/progress answered before Next.js's router (${engine})`, () => {
  it("records a heartbeat of a signed-in learner, once, with the headers every answer carries", async () => {
    const learner = await createUser("merchant");
    const cookie = await sessionCookie(learner.id);
    const body = heartbeat(learner.id, 0, 10);

    const first = await send("POST", "/api/progress", { headers: { cookie }, body });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ addedS: 10, droppedS: 0, isReplay: false });
    expect(first.headers["content-type"]).toBe("application/json");
    expect(first.headers["cache-control"]).toBe("no-store, no-transform");
    for (const { key, value } of staticSecurityHeaders) expect(first.headers[key.toLowerCase()], key).toBe(value);

    const replay = await send("POST", "/api/progress?retry=1", { headers: { cookie }, body });
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ addedS: 0, isReplay: true });
    expect((await getModuleProgress({ id: learner.id, role: "merchant" }, MODULE.id))?.watchedS).toBe(10);
    expect(await getDb().progressReport.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("answers refusals with the route's JSON error bodies, and writes nothing", async () => {
    const learner = await createUser("merchant");
    const cookie = await sessionCookie(learner.id);
    const cases: { name: string; headers?: Record<string, string>; body?: string | Buffer[]; status: number; code: string }[] = [
      { name: "no session", body: heartbeat(learner.id, 0, 10), status: 401, code: "UNAUTHENTICATED" },
      { name: "a session cookie that does not decrypt", headers: { cookie: "next-auth.session-token=garbage" }, body: heartbeat(learner.id, 0, 10), status: 401, code: "UNAUTHENTICATED" },
      { name: "a session of an account that no longer exists", headers: { cookie: await sessionCookie(randomUUID()) }, body: heartbeat(learner.id, 0, 10), status: 401, code: "UNAUTHENTICATED" },
      { name: "another site's page", headers: { cookie, origin: "https://ailleurs.example" }, body: heartbeat(learner.id, 0, 10), status: 403, code: "BAD_ORIGIN" },
      { name: "a body that is not JSON", headers: { cookie }, body: "{", status: 400, code: "INVALID_JSON" },
      { name: "a body that fails the schema", headers: { cookie }, body: JSON.stringify({ moduleId: MODULE.id }), status: 400, code: "VALIDATION_FAILED" },
      { name: "an unknown module", headers: { cookie }, body: heartbeat(learner.id, 0, 10).replace(MODULE.id, "pas-un-module"), status: 400, code: "UNKNOWN_MODULE" },
      { name: "a declared body over the limit", headers: { cookie, "content-length": String(MAX_DIRECT_BODY_BYTES + 1) }, body: "x".repeat(MAX_DIRECT_BODY_BYTES + 1), status: 413, code: "PAYLOAD_TOO_LARGE" },
      { name: "a chunked body over the limit", headers: { cookie }, body: Array.from({ length: 20 }, () => Buffer.alloc(MAX_DIRECT_BODY_BYTES / 16, 32)), status: 413, code: "PAYLOAD_TOO_LARGE" },
    ];
    for (const c of cases) {
      const answer = await send("POST", "/api/progress", { headers: c.headers, body: c.body });
      expect(answer.status, c.name).toBe(c.status);
      const error = (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;
      expect(error.code, c.name).toBe(c.code);
      expect(error.message, c.name).toMatch(/\p{L}/u);
      expect(answer.headers["x-content-type-options"], c.name).toBe("nosniff");
    }
    expect(await getDb().progressReport.count({ where: { userId: learner.id } })).toBe(0);
  });

  it("expires a callback-URL cookie that next-auth would refuse, as proxy.ts does, and records the heartbeat", async () => {
    const learner = await createUser("merchant");
    const cookie = `${await sessionCookie(learner.id)}; next-auth.callback-url=${encodeURIComponent("javascript:alert(1)")}; __Secure-next-auth.callback-url=${encodeURIComponent("/progress")}`;
    const answer = await send("POST", "/api/progress", { headers: { cookie }, body: heartbeat(learner.id, 0, 5) });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers["set-cookie"] ?? [];
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^next-auth\.callback-url=; Path=\/; .*Max-Age=0/);
  });

  it("a client gone before the end of its body is no error, and the next heartbeat is answered", async () => {
    const errors = vi.spyOn(console, "error");
    try {
      await new Promise<void>((resolve) => {
        const request = httpRequest(`${origin}/api/progress`, { method: "POST", headers: { origin, "content-type": "application/json", "content-length": "1000" } });
        request.on("error", () => resolve());
        request.write('{"reportId":');
        setTimeout(() => request.destroy(), 50);
      });
      const learner = await createUser("merchant");
      const next = await send("POST", "/api/progress", { headers: { cookie: await sessionCookie(learner.id) }, body: heartbeat(learner.id, 0, 5) });
      expect(next.status).toBe(200);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("answers in the requester's language", async () => {
    const answer = await send("POST", "/api/progress", { headers: { "accept-language": "en-GB,en;q=0.8" }, body: "{}" });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.message).toBe("You must be signed in.");
  });

  it("leaves every other request to Next.js", async () => {
    for (const [method, path] of [
      ["GET", "/api/progress"],
      ["HEAD", "/api/progress"],
      ["OPTIONS", "/api/progress"],
      ["POST", "/api/progress/"],
      ["POST", "/api/progress/x"],
      ["POST", "/api/progressx"],
      ["POST", "/api//progress"],
      ["POST", "/api/%70rogress"],
      ["POST", "/api/quiz"],
      ["GET", "/"],
      ["GET", "/modules/x"],
    ] as const) {
      expect((await send(method, path, { body: method === "POST" ? "{}" : undefined })).status, `${method} ${path}`).toBe(LEFT_TO_NEXT);
    }
  });
});
