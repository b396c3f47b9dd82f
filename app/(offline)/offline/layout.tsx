import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PageFrame } from "@/components/layout/page-frame";
import { BRAND_GREEN } from "@/lib/app-icons";
import { getTranslator } from "@/server/i18n";
import "../../globals.css";

export const metadata: Metadata = { title: "Accélérateur libre", robots: { index: false } };
export const viewport: Viewport = { themeColor: BRAND_GREEN };

/**
 * The offline page's own root layout: the site's frame with a header that names nobody. The
 * service worker keeps this page on the device when it installs (app/sw.ts), so it must hold no
 * account's data: no session is read here. Rendered per request for the CSP nonce, as every page.
 */
export default async function OfflineLayout({ children }: { children: ReactNode }) {
  await connection();
  const { locale, t } = await getTranslator();
  return (
    <PageFrame
      locale={locale}
      t={t}
      header={
        <header className="border-b border-neutral-200 bg-white">
          <div className="mx-auto w-full max-w-6xl px-4 py-3 sm:px-6">
            <a href="/" className="text-lg font-bold text-brand-700">
              {t("site.name")}
            </a>
          </div>
        </header>
      }
    >
      {children}
    </PageFrame>
  );
}
