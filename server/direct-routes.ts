import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest, NextResponse } from "next/server";
import { POST as recordHeartbeat } from "@/app/api/progress/route";
import { AppError } from "@/lib/errors";
import { expiredCookieOptions, unusableCallbackCookies } from "@/lib/request-input";
import { staticSecurityHeaders } from "@/lib/security-headers-static.cjs";
import { errorResponse } from "./http";
import { directRequestCookies } from "./request-scope";

/**
 * The request the platform's server (scripts/server.mjs) answers itself, before Next.js's router:
 * the player's heartbeat, POST /api/progress, sent every few seconds by every learner watching.
 * Next.js's router and route-module pipeline cost about 1 ms of CPU per POST on these machines
 * (routing, tracing, web streams for the body both ways): more than recording the report. Here the
 * same route handler (app/api/progress/route.ts: origin check, session, permission, validation,
 * JSON errors) gets a Request built from the body read in full, and its Response is
 * written back with the headers next.config.js gives every answer. What proxy.ts does for API
 * requests is done here too, or has nothing to do: it checks paths with a percent sign (the paths
 * here are exact), and expires next-auth callback-URL cookies that next-auth would refuse (done
 * here too).
 */
export type DirectRoutes = { handle(request: IncomingMessage, response: ServerResponse): boolean };

/** Far above any heartbeat (a few hundred bytes): a larger body is answered 413 PAYLOAD_TOO_LARGE, unread. */
export const MAX_DIRECT_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS = staticSecurityHeaders.map(({ key, value }) => [key, value] as const);

function pathOf(url: string | undefined): string {
  const end = url ? url.search(/[?#]/) : -1;
  return url ? (end < 0 ? url : url.slice(0, end)) : "";
}

/** The body, or null past MAX_DIRECT_BODY_BYTES (the rest is drained, not kept); rejects when the client goes away first. */
function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    request.once("close", () => request.complete || reject(new Error("the client closed the connection before the end of its body")));
    const declared = Number(request.headers["content-length"]);
    if (declared > MAX_DIRECT_BODY_BYTES) {
      request.resume();
      request.once("end", () => resolve(null));
      request.once("error", reject);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_DIRECT_BODY_BYTES) chunks.push(chunk);
    });
    request.once("end", () => resolve(size > MAX_DIRECT_BODY_BYTES ? null : Buffer.concat(chunks, size)));
    request.once("error", reject);
  });
}

function toWebHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

function write(response: ServerResponse, status: number, headers: Headers, text: string) {
  response.statusCode = status;
  for (const [key, value] of SECURITY_HEADERS) response.setHeader(key, value);
  headers.forEach((value, key) => key !== "set-cookie" && response.setHeader(key, value));
  const cookies = headers.getSetCookie();
  if (cookies.length) response.setHeader("set-cookie", cookies);
  response.setHeader("content-length", Buffer.byteLength(text));
  response.end(text);
}

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
const ROUTES: Record<string, Handler> = { "POST /api/progress": recordHeartbeat };

async function answer(request: IncomingMessage, response: ServerResponse, handler: Handler) {
  const body = await readBody(request);
  const headers = toWebHeaders(request);
  // The handler reads the origin from the headers (Origin, Host, X-Forwarded-Host), not from this URL.
  const url = `http://localhost${request.url}`;
  const { cookies } = new NextRequest(url, { headers });
  // As proxy.ts does for every request carrying one: expired in the browser (the session lookup
  // here reads the session cookie only, so it cannot trip on them).
  const unusable = unusableCallbackCookies((name) => cookies.get(name)?.value);
  const reply = (status: number, replyHeaders: Headers, text: string) => {
    if (unusable.length) {
      const withCookies = new NextResponse(null, { headers: replyHeaders });
      for (const name of unusable) withCookies.cookies.set(name, "", expiredCookieOptions(name));
      replyHeaders = withCookies.headers;
    }
    write(response, status, replyHeaders, text);
  };
  if (!body) {
    const refusal = errorResponse(new Request(url, { headers }), new AppError("PAYLOAD_TOO_LARGE"));
    return reply(refusal.status, refusal.headers, await refusal.text());
  }
  const webRequest = new Request(url, { method: request.method, headers, body: body.toString("utf8") });
  const webResponse = await directRequestCookies.run(cookies, () => handler(webRequest, { params: Promise.resolve({}) }));
  reply(webResponse.status, webResponse.headers, await webResponse.text());
}

export function createDirectRoutes(): DirectRoutes {
  return {
    handle(request, response) {
      const handler = ROUTES[`${request.method} ${pathOf(request.url)}`];
      if (!handler) return false;
      answer(request, response, handler).catch((error: unknown) => {
        // A client gone before the end of its body (a tab closed mid-request): nobody to answer.
        if (!request.complete) return void response.destroy();
        console.error("Unexpected error in a direct route", request.method, pathOf(request.url), error);
        if (!response.headersSent) {
          response.statusCode = 500;
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify({ error: { code: "INTERNAL", message: "Erreur interne." } }));
        } else response.destroy();
      });
      return true;
    },
  };
}
