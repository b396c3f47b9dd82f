"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/call-api";
import { makeTranslator, type Locale } from "@/lib/i18n";


/** "Rejoindre le groupe": POST /api/memberships, then on to Mon parcours where the new work shows. */
export function JoinButton({ locale, code }: { locale: Locale; code: string }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function join() {
    setIsSaving(true);
    setError(null);
    const result = await callApi<{ cohortId?: string } | null>(t, "POST", "/api/memberships", { code });
    if (!result.ok) {
      setError(result.message);
      setIsSaving(false);
      return;
    }
    router.push(`/progress?joined=${encodeURIComponent(result.data?.cohortId ?? "")}#a-faire`);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={join}
        disabled={isSaving}
        className="rounded bg-brand-600 px-5 py-2.5 text-lg font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {isSaving ? t("join.submitting") : t("join.submit")}
      </button>
      {error && (
        <p role="alert" className="font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
