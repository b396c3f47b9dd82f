"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { DueRule } from "@/lib/cohorts/assignments";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { assignmentDueSchema } from "@/lib/schemas/cohorts";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { DueRuleFields, dueRuleBody, type DueRuleValues } from "./due-rule-fields";
import { FormMessage } from "./form-message";

/** Changes an assignment's due rule (the item stays), inside a disclosure. */
export function ChangeDueForm({ locale, cohortId, assignmentId, rule }: { locale: Locale; cohortId: string; assignmentId: string; rule: DueRule }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [due, setDue] = useState<DueRuleValues>({ dueKind: rule.dueKind, dueOn: rule.dueOn ?? "", dueDays: rule.dueDays === null ? "14" : String(rule.dueDays) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const body = dueRuleBody(due);
    const invalid = checkWith(t, assignmentDueSchema, body);
    if (invalid) {
      setErrors(invalid);
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setErrors({});
    setIsSaving(true);
    const result = await callApi(t, "PATCH", `/api/cohorts/${encodeURIComponent(cohortId)}/assignments/${encodeURIComponent(assignmentId)}`, body);
    setIsSaving(false);
    if (!result.ok) {
      setErrors(result.fields);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setMessage({ tone: "success", text: t("cohorts.assignments.changeDueSaved") });
    router.refresh();
  }

  return (
    <details className="rounded border border-neutral-300 bg-white">
      <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium text-brand-700">{t("cohorts.assignments.changeDue")}</summary>
      <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-neutral-200 p-3">
        <DueRuleFields idPrefix={`due-${assignmentId}`} values={due} onChange={setDue} errors={errors} t={t} />
        <button type="submit" disabled={isSaving} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("cohorts.assignments.changeDueSubmit")}
        </button>
        <FormMessage message={message} />
      </form>
    </details>
  );
}
