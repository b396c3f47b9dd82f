import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { apiErrorBody } from "@/lib/api-error";
import { AppError, isAppError } from "@/lib/errors";
import { pickLocale, LOCALE_COOKIE } from "@/lib/i18n";
import { isSameOriginRequest } from "@/lib/request-origin";
import { isStorableText } from "@/lib/request-input";
import { fieldErrorsOf } from "@/lib/validation";
import { getEnv } from "./env";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** One cookie of the request, read from its header (outside Next.js's request context too). */
export function requestCookie(request: Request, cookieName: string): string | undefined {
  return request.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === cookieName)?.[1];
}

function localeOf(request: Request) {
  return pickLocale(requestCookie(request, LOCALE_COOKIE), request.headers.get("accept-language"));
}

/** The JSON error body of every API answer: `{ error: { code, message, fields? } }`. */
export function errorResponse(request: Request, error: AppError): Response {
  return NextResponse.json(apiErrorBody(error.code, localeOf(request), error.fields), { status: error.status });
}

/**
 * Wraps a route handler: refuses cross-site mutating requests, turns AppError and zod errors into
 * JSON answers with a code, and never lets an unexpected error leak details.
 */
export function route<P = Record<string, never>>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      if (MUTATING_METHODS.has(request.method)) {
        const isSameOrigin = isSameOriginRequest({
          origin: request.headers.get("origin"),
          secFetchSite: request.headers.get("sec-fetch-site"),
          host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
          allowedOrigins: getEnv().appOrigins,
        });
        if (!isSameOrigin) throw new AppError("BAD_ORIGIN");
      }
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) return errorResponse(request, error);
      if (error instanceof ZodError) {
        return errorResponse(request, new AppError("VALIDATION_FAILED", undefined, fieldErrorsOf(error)));
      }
      console.error("Unexpected error in route handler", request.method, new URL(request.url).pathname, error);
      return NextResponse.json({ error: { code: "INTERNAL", message: "Erreur interne." } }, { status: 500 });
    }
  };
}

type PathNode = { key: string; parent: PathNode | null } | null;

function pathOf(node: PathNode): string {
  const keys: string[] = [];
  for (let n = node; n; n = n.parent) keys.unshift(n.key);
  return keys.join(".") || "_";
}

/**
 * The path (dot-separated, "_" for the body itself) of the first string or key holding a NUL
 * character or malformed UTF-16, or null. Iterative and linear: a body nested 100,000 levels deep
 * must neither overflow the stack nor copy its path at every level.
 */
function findUnstorableText(body: unknown): string | null {
  const pending: [unknown, PathNode][] = [[body, null]];
  while (pending.length) {
    const [value, node] = pending.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value)) return pathOf(node);
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const child = { key, parent: node };
        if (!isStorableText(key)) return pathOf({ key: "_", parent: node });
        pending.push([item, child]);
      }
    }
  }
  return null;
}

/**
 * Reads and validates a JSON body; a body that is not JSON is a 400, not a 500, and so is text
 * that could not be stored as sent (NUL, lone surrogates) anywhere in it.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("INVALID_JSON");
  }
  const badText = findUnstorableText(body);
  if (badText !== null) throw new AppError("VALIDATION_FAILED", undefined, { [badText]: "errors.invalidCharacters" });
  return schema.parse(body);
}
