import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, makeTranslator, pickLocale, type Locale, type Translate } from "@/lib/i18n";

export async function getLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: makeTranslator(locale) };
}
