import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestCookies } from "next/dist/server/web/spec-extension/cookies";

/**
 * The cookies of a request that the platform's server answers itself, outside Next.js's router
 * (server/direct-routes.ts): there `cookies()` from next/headers has no request to read, so
 * getSessionUser reads them from here.
 */
export const directRequestCookies = new AsyncLocalStorage<RequestCookies>();
