import Link from "next/link";
import { getSessionUser } from "@/server/auth";
import { getTranslator } from "@/server/i18n";

export default async function ProgrammeHomePage() {
  const [{ t }, user] = await Promise.all([getTranslator(), getSessionUser()]);
  return (
    <div className="space-y-8">
      <section className="space-y-4">
        {user && <p className="text-lg font-medium text-brand-700">{t("home.welcome", { name: user.name })}</p>}
        <h1 className="text-3xl font-bold tracking-tight">{t("home.title")}</h1>
        <p className="max-w-3xl text-lg leading-relaxed text-neutral-700">{t("home.intro")}</p>
        {!user && (
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("home.cta.signUp")}
            </Link>
            <Link href="/sign-in" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("home.cta.signIn")}
            </Link>
          </div>
        )}
      </section>
      <section aria-labelledby="chapters-heading" className="rounded-lg border border-dashed border-neutral-300 bg-white p-6">
        <h2 id="chapters-heading" className="text-xl font-semibold">
          {t("home.empty.title")}
        </h2>
        <p className="mt-2 text-neutral-700">{t("home.empty.body")}</p>
      </section>
    </div>
  );
}
