import { notFound } from "next/navigation";
import { isLocale, makeTranslator, type Locale, type Translate } from "@/lib/i18n";
import { PATH_KINDS, type PathKind } from "@/lib/viewer";

export type ProgrammeParams = Promise<{ locale: string; pathKind: string }>;

/** A programme page's language and path, from its (prerendered) address. */
export async function programmeParams(params: ProgrammeParams): Promise<{ locale: Locale; t: Translate; pathKind: PathKind; isNeutralPath: boolean }> {
  const { locale, pathKind } = await params;
  if (!isLocale(locale) || !(PATH_KINDS as readonly string[]).includes(pathKind)) notFound();
  return { locale, t: makeTranslator(locale), pathKind: pathKind as PathKind, isNeutralPath: pathKind === "neutre" };
}
