"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { joinCodeSettingsSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "./form-message";

/** Regenerate the join code (optionally with a last day), change the current code's last day, revoke it. */
export function JoinCodeActions({ locale, cohortId, hasCode, expiresOn }: { locale: Locale; cohortId: string; hasCode: boolean; expiresOn: string | null }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const url = `/api/cohorts/${encodeURIComponent(cohortId)}/join-code`;
  const [newExpiry, setNewExpiry] = useState("");
  const [expiry, setExpiry] = useState(expiresOn ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [busy, setBusy] = useState<null | "regenerate" | "expiry" | "revoke">(null);

  async function send(action: "regenerate" | "expiry" | "revoke", method: "POST" | "PATCH" | "DELETE", body: { expiresOn: string | null } | undefined, doneText: string) {
    setMessage(null);
    if (body) {
      const invalid = checkWith(t, joinCodeSettingsSchema, body);
      if (invalid) {
        setErrors({ [action]: invalid.expiresOn ?? t("errors.form") });
        setMessage({ tone: "error", text: t("errors.form") });
        return;
      }
    }
    setErrors({});
    setBusy(action);
    const result = await callApi(t, method, url, body);
    setBusy(null);
    if (!result.ok) {
      setErrors(result.fields.expiresOn ? { [action]: result.fields.expiresOn } : {});
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setMessage({ tone: "success", text: doneText });
    router.refresh();
  }

  function onRegenerate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (hasCode && !window.confirm(t("cohorts.invitation.regenerateConfirm"))) return;
    void send("regenerate", "POST", { expiresOn: newExpiry || null }, t("cohorts.invitation.regenerated")).then(() => setNewExpiry(""));
  }

  function onExpiry(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send("expiry", "PATCH", { expiresOn: expiry || null }, t("cohorts.invitation.expirySaved"));
  }

  function onRevoke() {
    if (!window.confirm(t("cohorts.invitation.revokeConfirm"))) return;
    void send("revoke", "DELETE", undefined, t("cohorts.invitation.revoked"));
  }

  const inputClass = "block rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";
  const buttonClass = "rounded border border-brand-600 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60";
  return (
    <div className="space-y-4">
      {hasCode && (
        <form onSubmit={onExpiry} noValidate className="space-y-1">
          <label htmlFor="join-expiry" className="block text-sm font-medium">
            {t("cohorts.invitation.expiry")}
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="join-expiry"
              type="date"
              value={expiry}
              onChange={(event) => setExpiry(event.target.value)}
              aria-invalid={errors.expiry ? true : undefined}
              aria-describedby={`join-expiry-hint${errors.expiry ? " join-expiry-error" : ""}`}
              className={inputClass}
            />
            <button type="submit" disabled={busy !== null} className={buttonClass}>
              {t("cohorts.invitation.expirySubmit")}
            </button>
          </div>
          <p id="join-expiry-hint" className="text-sm text-neutral-600">
            {t("cohorts.invitation.expiryHint")}
          </p>
          {errors.expiry && (
            <p id="join-expiry-error" className="text-sm font-medium text-red-700">
              {errors.expiry}
            </p>
          )}
        </form>
      )}
      <form onSubmit={onRegenerate} noValidate className="space-y-1">
        <label htmlFor="join-new-expiry" className="block text-sm font-medium">
          {t("cohorts.invitation.regenerateExpiry")}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id="join-new-expiry"
            type="date"
            value={newExpiry}
            onChange={(event) => setNewExpiry(event.target.value)}
            aria-invalid={errors.regenerate ? true : undefined}
            aria-describedby={errors.regenerate ? "join-new-expiry-error" : undefined}
            className={inputClass}
          />
          <button type="submit" disabled={busy !== null} className="rounded bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {t("cohorts.invitation.regenerate")}
          </button>
        </div>
        {errors.regenerate && (
          <p id="join-new-expiry-error" className="text-sm font-medium text-red-700">
            {errors.regenerate}
          </p>
        )}
      </form>
      {hasCode && (
        <button type="button" onClick={onRevoke} disabled={busy !== null} className="rounded border border-red-700 px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
          {t("cohorts.invitation.revoke")}
        </button>
      )}
      <FormMessage message={message} />
    </div>
  );
}
