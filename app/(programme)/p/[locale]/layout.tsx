import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { headerLabels } from "@/components/layout/header-view";
import { PageFrame } from "@/components/layout/page-frame";
import { ViewerFailure, ViewerHeader } from "@/components/viewer/viewer-client";
import { isLocale, LOCALES, makeTranslator } from "@/lib/i18n";
import "../../../globals.css";

export const metadata: Metadata = {
  title: { default: "Accélérateur libre", template: "%s — Accélérateur libre" },
  description: "Formation libre et gratuite pour les commerçants qui se lancent en ligne.",
};

export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

/**
 * The programme's four pages (home, chapters, modules, Mon parcours), prerendered at build time
 * for each language and path; proxy.ts serves them at their usual addresses (`/modules/x` is
 * `/p/fr/standard/modules/x` here) with a Content-Security-Policy made of their scripts' hashes.
 * The learner's part comes from /api/viewer (components/viewer).
 */
export default async function ProgrammeLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = makeTranslator(locale);
  return (
    <PageFrame locale={locale} t={t} header={<ViewerHeader locale={locale} labels={headerLabels(t)} />}>
      <ViewerFailure message={t("viewer.failed")} />
      {children}
    </PageFrame>
  );
}
