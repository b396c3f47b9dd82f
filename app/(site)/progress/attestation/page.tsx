import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/progress/print-button";
import { formatDuration } from "@/lib/format";
import { requirePermission } from "@/server/auth";
import { getChapter } from "@/server/content";
import { findOwnAttestation } from "@/server/data/progress";
import { getEnv } from "@/server/env";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Attestation" };

/** The learner's attestation, laid out for printing (or saving as PDF from the print dialog). */
export default async function OwnAttestationPage() {
  const user = await requirePermission("progress:record", "/progress/attestation");
  const [{ locale, t }, attestation, headerList] = await Promise.all([getTranslator(), findOwnAttestation(user), headers()]);
  if (!attestation) notFound();
  const origin = getEnv().NEXTAUTH_URL ?? `http://${headerList.get("host") ?? "localhost"}`;
  const verifyUrl = `${origin.replace(/\/$/, "")}/attestation/${attestation.code}`;
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long" }).format(attestation.issuedAt);
  return (
    <div className="space-y-4">
      <PrintButton label={t("attestation.print")} />
      <article className="mx-auto max-w-3xl space-y-5 border-4 border-double border-brand-700 bg-white p-8 print:border-2" data-testid="attestation">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("site.name")}</p>
        <h1 className="text-3xl font-bold">{t("attestation.title")}</h1>
        <p className="text-lg leading-relaxed">{t("attestation.body", { name: attestation.learnerName, chapters: attestation.chapterIds.length })}</p>
        <p>{t("attestation.issuedAt", { date })}</p>
        <section>
          <h2 className="font-semibold">{t("attestation.chapters")}</h2>
          <ol className="mt-1 list-decimal pl-6">
            {attestation.chapterIds.map((id) => (
              <li key={id}>{getChapter(id)?.title[locale] ?? id}</li>
            ))}
          </ol>
        </section>
        <p>{t("attestation.totalTime", { time: formatDuration(attestation.totalWatchedS, locale) })}</p>
        <footer className="border-t border-neutral-300 pt-3 text-sm">
          <p className="font-mono">{t("attestation.code", { code: attestation.code })}</p>
          <p>{t("attestation.verifyAt", { url: verifyUrl })}</p>
        </footer>
      </article>
    </div>
  );
}
