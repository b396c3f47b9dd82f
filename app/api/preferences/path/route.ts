import { NextResponse } from "next/server";
import { PATH_COOKIE, pathPreferenceSchema } from "@/lib/schemas/preferences";
import { getSessionUser } from "@/server/auth";
import { setNeutralPathPreference } from "@/server/data/preferences";
import { parseJsonBody, route } from "@/server/http";

const ONE_YEAR_S = 365 * 24 * 3600;

/** Switches the parcours neutre on or off: in the account when signed in, in a cookie otherwise. Public. */
export const PUT = route(async (request) => {
  const { isNeutralPath } = await parseJsonBody(request, pathPreferenceSchema);
  const user = await getSessionUser();
  if (user) await setNeutralPathPreference(user, isNeutralPath);
  const response = NextResponse.json({ isNeutralPath });
  response.cookies.set(PATH_COOKIE, isNeutralPath ? "neutre" : "standard", { path: "/", maxAge: ONE_YEAR_S, sameSite: "lax" });
  return response;
});
