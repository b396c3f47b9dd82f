import NextAuth from "next-auth";
import { AppError } from "@/lib/errors";
import { isUsableCallbackUrl } from "@/lib/request-input";
import { getAuthOptions } from "@/server/auth";
import { errorResponse } from "@/server/http";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own endpoints (CSRF token, credentials callback, session, sign-out); they carry
 * next-auth's CSRF protection. A request next-auth refuses with a text body (an unknown action,
 * "This action with HTTP POST is not supported") gets the JSON error body of every API answer;
 * its redirects and JSON answers (the sign-in form's) pass unchanged.
 */
async function handler(request: Request, context: Context) {
  // next-auth refuses a callbackUrl query parameter that is not an http(s) URL or a path with
  // INVALID_CALLBACK_URL_ERROR, answered 500 ("/api/auth/session?callbackUrl=x%EF%BF%BD", found by
  // the fuzz): the same rule, answered 400 first (proxy.ts does it for the cookie).
  if (new URL(request.url).searchParams.getAll("callbackUrl").some((value) => !isUsableCallbackUrl(value))) {
    return errorResponse(request, new AppError("VALIDATION_FAILED"));
  }
  // next-auth parses a JSON body without catching: "{" as application/json was a 500 (found by the fuzz).
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/json")) {
    try {
      await request.clone().json();
    } catch {
      return errorResponse(request, new AppError("INVALID_JSON"));
    }
  }
  const response: Response = await NextAuth(request as never, context as never, getAuthOptions());
  const isJson = response.headers.get("content-type")?.includes("application/json");
  if (response.status >= 400 && response.status < 500 && !isJson && !response.headers.has("location")) {
    await response.body?.cancel();
    return errorResponse(request, new AppError(response.status === 404 ? "NOT_FOUND" : "VALIDATION_FAILED"));
  }
  return response;
}

export { handler as GET, handler as POST };
