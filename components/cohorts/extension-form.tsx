"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { extensionSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "./form-message";

/** "Prolonger pour une personne": one learner, a later due day. */
export function ExtensionForm({
  locale,
  cohortId,
  assignmentId,
  learners,
}: {
  locale: Locale;
  cohortId: string;
  assignmentId: string;
  learners: { userId: string; name: string }[];
}) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [userId, setUserId] = useState(learners[0]?.userId ?? "");
  const [dueOn, setDueOn] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);
  const id = `ext-${assignmentId}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const invalid = checkWith(t, extensionSchema, { dueOn });
    if (invalid) {
      setErrors(invalid);
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setErrors({});
    setIsSaving(true);
    const url = `/api/cohorts/${encodeURIComponent(cohortId)}/assignments/${encodeURIComponent(assignmentId)}/extensions/${encodeURIComponent(userId)}`;
    const result = await callApi(t, "PUT", url, { dueOn });
    setIsSaving(false);
    if (!result.ok) {
      setErrors(result.fields);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setDueOn("");
    setMessage({ tone: "success", text: t("cohorts.extensions.saved") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <h4 id={`${id}-title`} className="text-sm font-semibold">
        {t("cohorts.extensions.formTitle")}
      </h4>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-learner`} className="block text-sm font-medium">
            {t("cohorts.extensions.learner")}
          </label>
          <select
            id={`${id}-learner`}
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            className="block max-w-full rounded border border-neutral-400 bg-white px-3 py-2 text-base"
          >
            {learners.map((learner) => (
              <option key={learner.userId} value={learner.userId}>
                {learner.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-due`} className="block text-sm font-medium">
            {t("cohorts.extensions.dueOn")}
          </label>
          <input
            type="date"
            id={`${id}-due`}
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            required
            aria-invalid={errors.dueOn ? true : undefined}
            aria-describedby={`${id}-due-hint${errors.dueOn ? ` ${id}-due-error` : ""}`}
            className="block rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
          />
        </div>
        <button type="submit" disabled={isSaving} className="rounded bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("cohorts.extensions.submit")}
        </button>
      </div>
      <p id={`${id}-due-hint`} className="text-sm text-neutral-600">
        {t("cohorts.extensions.dueOnHint")}
      </p>
      {errors.dueOn && (
        <p id={`${id}-due-error`} className="text-sm font-medium text-red-700">
          {errors.dueOn}
        </p>
      )}
      <FormMessage message={message} />
    </form>
  );
}
