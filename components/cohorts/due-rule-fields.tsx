"use client";

import { DUE_KINDS, type DueKind } from "@/lib/cohorts/assignments";
import type { Translate } from "@/lib/i18n";
import { MAX_DUE_DAYS } from "@/lib/schemas/cohorts";
import type { FieldErrors } from "@/components/ui/call-api";

export type DueRuleValues = { dueKind: DueKind; dueOn: string; dueDays: string };

/** The due rule as a radio group: none, a fixed day, or N days after each learner joined. */
export function DueRuleFields({
  idPrefix,
  values,
  onChange,
  errors,
  t,
}: {
  idPrefix: string;
  values: DueRuleValues;
  onChange: (values: DueRuleValues) => void;
  errors: FieldErrors;
  t: Translate;
}) {
  const kindError = errors.dueKind;
  return (
    <fieldset className="space-y-2" aria-describedby={kindError ? `${idPrefix}-kind-error` : undefined}>
      <legend className="text-sm font-medium">{t("cohorts.dueRule.legend")}</legend>
      {DUE_KINDS.map((kind) => (
        <div key={kind} className="space-y-1">
          <div className="flex items-start gap-2">
            <input
              type="radio"
              id={`${idPrefix}-kind-${kind}`}
              name={`${idPrefix}-kind`}
              value={kind}
              checked={values.dueKind === kind}
              onChange={() => onChange({ ...values, dueKind: kind })}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor={`${idPrefix}-kind-${kind}`} className="text-sm">
              {t(`cohorts.dueRule.${kind}`)}
            </label>
          </div>
          {kind === "fixed" && values.dueKind === "fixed" && (
            <div className="ml-6 space-y-1">
              <label htmlFor={`${idPrefix}-due-on`} className="block text-sm font-medium">
                {t("cohorts.dueRule.dueOn")}
              </label>
              <input
                type="date"
                id={`${idPrefix}-due-on`}
                value={values.dueOn}
                onChange={(event) => onChange({ ...values, dueOn: event.target.value })}
                aria-invalid={errors.dueOn ? true : undefined}
                aria-describedby={errors.dueOn ? `${idPrefix}-due-on-error` : undefined}
                required
                className="block rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
              />
              {errors.dueOn && (
                <p id={`${idPrefix}-due-on-error`} className="text-sm font-medium text-red-700">
                  {errors.dueOn}
                </p>
              )}
            </div>
          )}
          {kind === "relative" && values.dueKind === "relative" && (
            <div className="ml-6 space-y-1">
              <label htmlFor={`${idPrefix}-due-days`} className="block text-sm font-medium">
                {t("cohorts.dueRule.dueDays")}
              </label>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_DUE_DAYS}
                id={`${idPrefix}-due-days`}
                value={values.dueDays}
                onChange={(event) => onChange({ ...values, dueDays: event.target.value })}
                aria-invalid={errors.dueDays ? true : undefined}
                aria-describedby={errors.dueDays ? `${idPrefix}-due-days-error` : undefined}
                required
                className="block w-28 rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
              />
              {errors.dueDays && (
                <p id={`${idPrefix}-due-days-error`} className="text-sm font-medium text-red-700">
                  {errors.dueDays}
                </p>
              )}
            </div>
          )}
        </div>
      ))}
      {kindError && (
        <p id={`${idPrefix}-kind-error`} className="text-sm font-medium text-red-700">
          {kindError}
        </p>
      )}
    </fieldset>
  );
}

/** The body the route handlers expect for a due rule. */
export function dueRuleBody(values: DueRuleValues) {
  return {
    dueKind: values.dueKind,
    dueOn: values.dueKind === "fixed" ? values.dueOn : null,
    dueDays: values.dueKind === "relative" ? (values.dueDays === "" ? null : Number(values.dueDays)) : null,
  };
}
