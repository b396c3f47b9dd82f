import { NextResponse } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { accountLocaleSchema } from "@/lib/schemas/account";
import { requireApiPermission } from "@/server/auth";
import { setAccountLocale } from "@/server/data/account";
import { parseJsonBody, route } from "@/server/http";

const ONE_YEAR_S = 365 * 24 * 3600;

/** Mon compte: the language, kept with the account and in this browser's cookie. */
export const PUT = route(async (request) => {
  const actor = await requireApiPermission("account:manage");
  const { locale } = await parseJsonBody(request, accountLocaleSchema);
  await setAccountLocale(actor, locale);
  const response = NextResponse.json({ locale });
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_S, sameSite: "lax", httpOnly: false });
  return response;
});
