import { NextResponse } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { setLocaleSchema } from "@/lib/schemas/locale";
import { parseJsonBody, route } from "@/server/http";

const ONE_YEAR_S = 365 * 24 * 3600;

/** Remembers the visitor's UI language in a first-party cookie. Public. */
export const POST = route(async (request) => {
  const { locale } = await parseJsonBody(request, setLocaleSchema);
  const response = new NextResponse(null, { status: 204 });
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_S, sameSite: "lax", httpOnly: false });
  return response;
});
