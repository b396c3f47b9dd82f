"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { coTrainerSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "./form-message";

/** The owner adds a co-trainer by the e-mail of their trainer account. */
export function CoTrainerForm({ locale, cohortId }: { locale: Locale; cohortId: string }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const invalid = checkWith(t, coTrainerSchema, { email });
    if (invalid) {
      setError(invalid.email ?? t("errors.form"));
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setError(null);
    setIsSaving(true);
    const result = await callApi<{ trainer: { name: string } }>(t, "POST", `/api/cohorts/${encodeURIComponent(cohortId)}/trainers`, { email });
    setIsSaving(false);
    if (!result.ok) {
      setError(result.fields.email ?? null);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    const name = result.data?.trainer.name ?? email;
    setEmail("");
    setMessage({ tone: "success", text: t("cohorts.trainers.added", { name }) });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-1">
      <label htmlFor="co-trainer-email" className="block text-sm font-medium">
        {t("cohorts.trainers.addEmail")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="co-trainer-email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "co-trainer-email-error" : undefined}
          className="block min-w-0 flex-1 rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        />
        <button type="submit" disabled={isSaving} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("cohorts.trainers.addSubmit")}
        </button>
      </div>
      {error && (
        <p id="co-trainer-email-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <FormMessage message={message} />
    </form>
  );
}
