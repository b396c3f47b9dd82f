import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/redirects";
import { getSessionUser } from "@/server/auth";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ locale, t }, user, params] = await Promise.all([getTranslator(), getSessionUser(), searchParams]);
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (user) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("auth.signIn.title")}</h1>
      <p className="text-neutral-700">{t("auth.signIn.intro")}</p>
      <SignInForm locale={locale} callbackPath={callbackPath} initialError={typeof params.error === "string" ? params.error : undefined} />
    </div>
  );
}
