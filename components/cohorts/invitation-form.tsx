"use client";

import { useState, type FormEvent } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { invitationsSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "./form-message";

/** "Inviter par e-mail": pasted addresses, each sent the join link. */
export function InvitationForm({ locale, cohortId, isCodeUsable }: { locale: Locale; cohortId: string; isCodeUsable: boolean }) {
  const t = makeTranslator(locale);
  const [emails, setEmails] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const invalid = checkWith(t, invitationsSchema, { emails });
    if (invalid) {
      const text = Object.values(invalid)[0] ?? t("errors.form");
      setError(text);
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setError(null);
    setIsSaving(true);
    const result = await callApi<{ count: number }>(t, "POST", `/api/cohorts/${encodeURIComponent(cohortId)}/invitations`, { emails });
    setIsSaving(false);
    if (!result.ok) {
      setError(Object.values(result.fields)[0] ?? null);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setEmails("");
    const count = result.data.count;
    setMessage({ tone: "success", text: count === 1 ? t("cohorts.invite.sentOne") : t("cohorts.invite.sentMany", { count }) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-2">
      <label htmlFor="invite-emails" className="block text-sm font-medium">
        {t("cohorts.invite.emails")}
      </label>
      <textarea
        id="invite-emails"
        rows={4}
        value={emails}
        onChange={(event) => setEmails(event.target.value)}
        disabled={!isCodeUsable}
        aria-invalid={error ? true : undefined}
        aria-describedby={`invite-emails-hint${error ? " invite-emails-error" : ""}`}
        autoComplete="off"
        spellCheck={false}
        className="block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-base disabled:bg-neutral-100 aria-[invalid=true]:border-red-700"
      />
      <p id="invite-emails-hint" className="text-sm text-neutral-600">
        {isCodeUsable ? t("cohorts.invite.emailsHint") : t("cohorts.invite.needsCode")}
      </p>
      {error && (
        <p id="invite-emails-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isSaving || !isCodeUsable} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {isSaving ? t("cohorts.invite.saving") : t("cohorts.invite.submit")}
        </button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
