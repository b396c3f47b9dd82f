import type { Metadata } from "next";
import { ListSection } from "@/components/ui/list-section";
import { getTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: `${t("offline.metaTitle")} — ${t("site.name")}` };
}

/**
 * What the service worker shows for a page it cannot fetch (app/sw.ts): said plainly, what works
 * without a connection and what does not. Public, the same for everyone, no JavaScript needed.
 */
export default async function OfflinePage() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("offline.title")}</h1>
        <p className="text-neutral-800">{t("offline.intro")}</p>
      </div>
      <ListSection id="offline-works" title={t("offline.worksHeading")} items={[t("offline.worksProgress"), t("offline.worksThisPage")]} />
      <ListSection id="offline-not" title={t("offline.notHeading")} items={[t("offline.notPages"), t("offline.notAccount")]} />
      <p className="space-y-1">
        {/* The address bar still holds the page asked for: an empty href opens it again. */}
        <a href="" className="inline-block rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("offline.retry")}
        </a>
        <span className="block text-sm text-neutral-600">{t("offline.retryHint")}</span>
      </p>
    </div>
  );
}
