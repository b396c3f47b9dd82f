import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/server/auth";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Créer un compte" };

export default async function SignUpPage() {
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  if (user) redirect("/");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("auth.signUp.title")}</h1>
      <p className="text-neutral-700">{t("auth.signUp.intro")}</p>
      <SignUpForm locale={locale} />
    </div>
  );
}
