"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { assignmentSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { DueRuleFields, dueRuleBody, type DueRuleValues } from "./due-rule-fields";
import { FormMessage } from "./form-message";

export type ItemOption = { value: string; label: string; isDisabled: boolean };
export type ItemGroup = { label: string; options: ItemOption[] };

/** Assigns a whole chapter or one module to the cohort, with a due rule. Option values are "chapter:<id>" or "module:<id>". */
export function AssignmentForm({ locale, cohortId, groups }: { locale: Locale; cohortId: string; groups: ItemGroup[] }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [item, setItem] = useState("");
  const [due, setDue] = useState<DueRuleValues>({ dueKind: "none", dueOn: "", dueDays: "14" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const [itemKind = "", itemId = ""] = item.split(/:(.*)/s);
    const body = { itemKind, itemId, ...dueRuleBody(due) };
    const invalid = checkWith(t, assignmentSchema, body);
    if (invalid) {
      setErrors({ ...invalid, ...(invalid.itemKind ? { itemId: invalid.itemKind } : {}) });
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setErrors({});
    setIsSaving(true);
    const result = await callApi(t, "POST", `/api/cohorts/${encodeURIComponent(cohortId)}/assignments`, body);
    setIsSaving(false);
    if (!result.ok) {
      setErrors(result.fields);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setItem("");
    setMessage({ tone: "success", text: t("cohorts.assign.saved") });
    router.refresh();
  }

  const itemError = errors.itemId;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <div className="space-y-1">
        <label htmlFor="assign-item" className="block text-sm font-medium">
          {t("cohorts.assign.item")}
        </label>
        <select
          id="assign-item"
          value={item}
          onChange={(event) => setItem(event.target.value)}
          required
          aria-invalid={itemError ? true : undefined}
          aria-describedby={itemError ? "assign-item-error" : undefined}
          className="block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        >
          <option value="">{t("cohorts.assign.itemPlaceholder")}</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value} disabled={option.isDisabled}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {itemError && (
          <p id="assign-item-error" className="text-sm font-medium text-red-700">
            {itemError}
          </p>
        )}
      </div>
      <DueRuleFields idPrefix="assign" values={due} onChange={setDue} errors={errors} t={t} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSaving}>
          {isSaving ? t("cohorts.assign.saving") : t("cohorts.assign.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
