import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PageFrame } from "@/components/layout/page-frame";
import { BRAND_GREEN } from "@/lib/app-icons";
import { SiteHeader } from "@/components/layout/site-header";
import { getTranslator } from "@/server/i18n";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Accélérateur libre", template: "%s — Accélérateur libre" },
  description: "Formation libre et gratuite pour les commerçants qui se lancent en ligne.",
};

/** The browser's bars on a phone, and the installed platform's window, in the brand's green (as the manifest's theme). */
export const viewport: Viewport = { themeColor: BRAND_GREEN };

/**
 * The root layout of every page but the offline one (app/(offline)/offline). Every page is
 * rendered per request for the person viewing it: the HTML holds their part whole (header,
 * statuses, progress, « À faire »), so nothing moves once painted and the pages read right without
 * JavaScript.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the Content-Security-Policy nonce set by proxy.ts must reach Next.js's
  // own inline scripts, which a prerendered page would not carry.
  await connection();
  const { locale, t } = await getTranslator();
  return (
    <PageFrame locale={locale} t={t} header={<SiteHeader />}>
      {children}
    </PageFrame>
  );
}
