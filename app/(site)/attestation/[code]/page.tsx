import type { Metadata } from "next";
import { findRevokedAttestation, verifyAttestation } from "@/server/data/progress";
import { getTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Vérification d’une attestation", robots: { index: false } };

/** Public check of an attestation code: says whether it is genuine (or no longer valid), and only what the attestation shows. */
export default async function VerifyAttestationPage({ params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code.toUpperCase().slice(0, 32);
  const [{ locale, t }, attestation, revoked] = await Promise.all([getTranslator(), verifyAttestation(code), findRevokedAttestation(code)]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("attestation.verifyTitle")}</h1>
      <p className="font-mono text-sm">{code}</p>
      {attestation ? (
        <div role="status" className="rounded-lg border border-green-300 bg-green-50 p-4 text-green-950">
          <p className="text-lg font-semibold">✓ {t("attestation.valid")}</p>
          <p>
            {t("attestation.validDetails", {
              date: new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long" }).format(attestation.issuedAt),
              name: attestation.learnerName,
              chapters: attestation.chapterCount,
            })}
          </p>
        </div>
      ) : (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {revoked ? t("attestation.revoked") : t("attestation.invalid")}
        </p>
      )}
    </div>
  );
}
