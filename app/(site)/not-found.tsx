import Link from "next/link";
import { getTranslator } from "@/server/i18n";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t("notFound.title")}</h1>
      <p className="text-neutral-700">{t("notFound.body")}</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        {t("forbidden.back")}
      </Link>
    </div>
  );
}
