"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { DEFAULT_REMINDER_DAYS_BEFORE } from "@/lib/cohorts/reminders";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { COHORT_DESCRIPTION_MAX_LENGTH, COHORT_NAME_MAX_LENGTH, cohortSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "./form-message";

export type CohortFormValues = { name: string; description: string; startsOn: string; endsOn: string; reminderDaysBefore: string };

/**
 * Creates a cohort (then opens it) or changes its settings. The same zod schema as the route
 * handler checks the values before they are sent.
 */
export function CohortForm({ locale, cohortId, initial }: { locale: Locale; cohortId?: string; initial?: CohortFormValues }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const isEdit = cohortId !== undefined;
  const prefix = isEdit ? "cohort-settings" : "cohort-new";
  const [values, setValues] = useState<CohortFormValues>(
    initial ?? { name: "", description: "", startsOn: "", endsOn: "", reminderDaysBefore: String(DEFAULT_REMINDER_DAYS_BEFORE) },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);

  const set = (field: keyof CohortFormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const body = {
      name: values.name,
      description: values.description,
      startsOn: values.startsOn || null,
      endsOn: values.endsOn || null,
      reminderDaysBefore: values.reminderDaysBefore === "" ? undefined : values.reminderDaysBefore,
    };
    const invalid = checkWith(t, cohortSchema, body);
    if (invalid) {
      setErrors(invalid);
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setErrors({});
    setIsSaving(true);
    const result = await callApi<{ cohort: { id: string } }>(t, isEdit ? "PATCH" : "POST", isEdit ? `/api/cohorts/${encodeURIComponent(cohortId)}` : "/api/cohorts", {
      ...body,
      reminderDaysBefore: body.reminderDaysBefore === undefined ? undefined : Number(body.reminderDaysBefore),
    });
    setIsSaving(false);
    if (!result.ok) {
      setErrors(result.fields);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    if (isEdit) {
      setMessage({ tone: "success", text: t("cohorts.settings.saved") });
      router.refresh();
    } else {
      router.push(`/cohorts/${encodeURIComponent(result.data.cohort.id)}`);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <TextField
        id={`${prefix}-name`}
        name="name"
        label={t("cohorts.form.name")}
        hint={isEdit ? undefined : t("cohorts.form.nameHint")}
        error={errors.name}
        value={values.name}
        onChange={set("name")}
        maxLength={COHORT_NAME_MAX_LENGTH}
        required
        autoComplete="off"
      />
      <div className="space-y-1">
        <label htmlFor={`${prefix}-description`} className="block text-sm font-medium">
          {t("cohorts.form.description")}
        </label>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={3}
          value={values.description}
          onChange={set("description")}
          maxLength={COHORT_DESCRIPTION_MAX_LENGTH}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${prefix}-description-error` : undefined}
          className="block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-base"
        />
        {errors.description && (
          <p id={`${prefix}-description-error`} className="text-sm font-medium text-red-700">
            {errors.description}
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${prefix}-starts`} name="startsOn" type="date" label={t("cohorts.form.startsOn")} error={errors.startsOn} value={values.startsOn} onChange={set("startsOn")} />
        <TextField id={`${prefix}-ends`} name="endsOn" type="date" label={t("cohorts.form.endsOn")} error={errors.endsOn} value={values.endsOn} onChange={set("endsOn")} />
      </div>
      <TextField
        id={`${prefix}-reminder`}
        name="reminderDaysBefore"
        type="number"
        inputMode="numeric"
        min={0}
        max={30}
        label={t("cohorts.form.reminderDays")}
        hint={t("cohorts.form.reminderDaysHint")}
        error={errors.reminderDaysBefore}
        value={values.reminderDaysBefore}
        onChange={set("reminderDaysBefore")}
        className="block w-28 rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSaving}>
          {isEdit ? (isSaving ? t("cohorts.settings.saving") : t("cohorts.settings.submit")) : isSaving ? t("cohorts.create.saving") : t("cohorts.create.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
