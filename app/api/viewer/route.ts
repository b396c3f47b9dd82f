import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { PATH_COOKIE } from "@/lib/schemas/preferences";
import { viewerQuerySchema } from "@/lib/schemas/viewer";
import { pathKindOf } from "@/lib/viewer";
import { requestCookie, route } from "@/server/http";
import { readViewerState } from "@/server/viewer";

const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * The learner's part of a prerendered programme page (lib/viewer.ts). Public: a visitor gets the
 * header's part. Never cached. When the account's path is not the one of the path cookie (which
 * proxy.ts uses to pick the prerendered page), the cookie is set to it: the page then reloads it.
 */
export const GET = route(async (request) => {
  const parsed = viewerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("VALIDATION_FAILED");
  const cookiePathKind = requestCookie(request, PATH_COOKIE);
  const state = await readViewerState(parsed.data, cookiePathKind === "neutre");
  const response = NextResponse.json(state, { headers: { "cache-control": "private, no-store" } });
  if (state.viewer && cookiePathKind !== pathKindOf(state.isNeutralPath)) {
    response.cookies.set(PATH_COOKIE, pathKindOf(state.isNeutralPath), { path: "/", maxAge: ONE_YEAR_S, sameSite: "lax" });
  }
  return response;
});
