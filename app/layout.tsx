import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getTranslator } from "@/server/i18n";
import "./globals.css";

// Self-hosted font file (from @fontsource-variable/inter): nothing is fetched from outside.
const inter = localFont({
  src: "./inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: { default: "Accélérateur libre", template: "%s — Accélérateur libre" },
  description: "Formation libre et gratuite pour les commerçants qui se lancent en ligne.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce set by proxy.ts must
  // reach Next.js's own inline scripts, which a prerendered page would not carry.
  await connection();
  const { locale, t } = await getTranslator();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("nav.skipToContent")}
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
        <footer className="mx-auto w-full max-w-6xl px-4 pb-10 pt-6 text-sm text-neutral-600 sm:px-6">
          <p>{t("footer.data")}</p>
          <p className="mt-1">{t("footer.licence")}</p>
        </footer>
      </body>
    </html>
  );
}
