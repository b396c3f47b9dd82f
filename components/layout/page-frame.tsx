import type { ReactNode } from "react";
import { inter } from "@/app/fonts";
import type { Locale, Translate } from "@/lib/i18n";

/** The document around every page (app/(site)/layout.tsx). */
export function PageFrame({ locale, t, header, children }: { locale: Locale; t: Translate; header: ReactNode; children: ReactNode }) {
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("nav.skipToContent")}
        </a>
        {header}
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
        {/* pb-16: room for the offline bar, fixed at the bottom (components/layout/offline-status.tsx). */}
        <footer className="mx-auto w-full max-w-6xl px-4 pb-16 pt-6 text-sm text-neutral-600 sm:px-6">
          <p>{t("footer.data")}</p>
          <p className="mt-1">{t("footer.licence")}</p>
          <p className="mt-1">
            <a href="/reuse" className="font-medium text-brand-700 underline">
              {t("footer.reuse")}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}
