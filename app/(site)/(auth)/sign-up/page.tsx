import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/redirects";
import { getSessionUser } from "@/server/auth";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Créer un compte" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ locale, t }, user, params] = await Promise.all([getTranslator(), getSessionUser(), searchParams]);
  // Like sign-in: an invitation link (/join/CODE) sends people here and expects them back.
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (user) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("auth.signUp.title")}</h1>
      <p className="text-neutral-700">{t("auth.signUp.intro")}</p>
      <SignUpForm locale={locale} callbackPath={callbackPath} />
    </div>
  );
}
