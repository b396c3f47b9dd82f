"use client";

import { useState } from "react";

/** Asks the server for the attestation (issued once), then opens its print-ready page. */
export function AttestationButton({ label, errorLabel }: { label: string; errorLabel: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  async function issue() {
    setIsBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/attestations", { method: "POST" });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        setError(body.error?.message ?? errorLabel);
        return;
      }
      window.location.assign("/progress/attestation");
    } catch {
      setError(errorLabel);
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={() => void issue()} disabled={isBusy} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {label}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
