import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Compte supprimé", robots: { index: false } };

/** Where an erased account lands, signed out: what happened, nothing else. Public. */
export default async function AccountDeletedPage() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("account.erasedTitle")}</h1>
      <p role="status" className="text-neutral-800">
        {t("account.erasedBody")}
      </p>
      <p>
        <Link href="/" className="font-medium text-brand-700 underline">
          {t("nav.programme")}
        </Link>
      </p>
    </div>
  );
}
