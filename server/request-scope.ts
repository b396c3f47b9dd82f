import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextRequest } from "next/server";

/**
 * The cookies of a request that the platform's server answers itself, outside Next.js's router
 * (server/direct-routes.ts): there `cookies()` from next/headers has no request to read, so
 * getSessionUser reads them from here. The same cookie API as Next.js's own (`NextRequest.cookies`,
 * from next/server).
 */
export type RequestCookieStore = NextRequest["cookies"];
export const directRequestCookies = new AsyncLocalStorage<RequestCookieStore>();
