"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "@/components/cohorts/form-message";
import type { ItemGroup } from "@/components/cohorts/assignment-form";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { liveSessionSchema, LIVE_DURATION_MIN } from "@/lib/schemas/live-sessions";

export type LiveSessionFormValues = {
  title: string;
  description: string;
  day: string;
  time: string;
  durationMin: string;
  item: string;
  capacity: string;
  placeKind: "online" | "in-person";
  meetingUrl: string;
  usesBbb: boolean;
  address: string;
};

export const EMPTY_LIVE_SESSION: LiveSessionFormValues = {
  title: "",
  description: "",
  day: "",
  time: "18:00",
  durationMin: "60",
  item: "",
  capacity: "",
  placeKind: "online",
  meetingUrl: "",
  usesBbb: false,
  address: "",
};

const INPUT = "block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-neutral-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Schedules a live session for the cohort (POST), or changes it (PUT, `sessionId` given). Day and
 * time are Paris wall-clock time; the place is a videoconference address, the operator's
 * BigBlueButton (when configured), or an address for an in-person workshop.
 */
export function LiveSessionForm({
  locale,
  cohortId,
  sessionId,
  initial = EMPTY_LIVE_SESSION,
  groups,
  isBbbAvailable,
}: {
  locale: Locale;
  cohortId: string;
  sessionId?: string;
  initial?: LiveSessionFormValues;
  groups: ItemGroup[];
  isBbbAvailable: boolean;
}) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [values, setValues] = useState<LiveSessionFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);
  const set = <K extends keyof LiveSessionFormValues>(key: K, value: LiveSessionFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const prefix = sessionId ? "live-edit" : "live-new";
  const described = (id: string, hint = false) => [hint ? `${prefix}-${id}-hint` : "", errors[id] ? `${prefix}-${id}-error` : ""].filter(Boolean).join(" ") || undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const [itemKind = "", itemId = ""] = values.item ? values.item.split(/:(.*)/s) : [];
    const body = {
      title: values.title,
      description: values.description,
      day: values.day,
      time: values.time,
      durationMin: values.durationMin,
      itemKind,
      itemId,
      capacity: values.capacity,
      placeKind: values.placeKind,
      meetingUrl: values.placeKind === "online" && !values.usesBbb ? values.meetingUrl : "",
      usesBbb: values.placeKind === "online" && values.usesBbb,
      address: values.placeKind === "in-person" ? values.address : "",
    };
    const invalid = checkWith(t, liveSessionSchema, body);
    if (invalid) {
      setErrors({ ...invalid, ...(invalid.itemKind ? { itemId: invalid.itemKind } : {}) });
      setMessage({ tone: "error", text: t("errors.form") });
      return;
    }
    setErrors({});
    setIsSaving(true);
    const base = `/api/cohorts/${encodeURIComponent(cohortId)}/live-sessions`;
    const result = sessionId ? await callApi(t, "PUT", `${base}/${encodeURIComponent(sessionId)}`, body) : await callApi<{ session: { id: string } }>(t, "POST", base, body);
    setIsSaving(false);
    if (!result.ok) {
      setErrors(result.fields);
      setMessage({ tone: "error", text: result.message });
      return;
    }
    if (!sessionId && result.data && typeof result.data === "object" && "session" in result.data) {
      router.push(`/cohorts/${encodeURIComponent(cohortId)}/live-sessions/${encodeURIComponent((result.data as { session: { id: string } }).session.id)}`);
      return;
    }
    setMessage({ tone: "success", text: t("live.form.saved") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <Field id={`${prefix}-title`} label={t("live.form.title")} error={errors.title}>
        <input id={`${prefix}-title`} value={values.title} onChange={(e) => set("title", e.target.value)} required maxLength={120} aria-invalid={errors.title ? true : undefined} aria-describedby={described("title")} className={INPUT} />
      </Field>
      <Field id={`${prefix}-description`} label={t("live.form.description")} error={errors.description}>
        <textarea id={`${prefix}-description`} value={values.description} onChange={(e) => set("description", e.target.value)} rows={3} maxLength={2000} aria-invalid={errors.description ? true : undefined} className={INPUT} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${prefix}-day`} label={t("live.form.day")} error={errors.day}>
          <input id={`${prefix}-day`} type="date" value={values.day} onChange={(e) => set("day", e.target.value)} required aria-invalid={errors.day ? true : undefined} className={INPUT} />
        </Field>
        <Field id={`${prefix}-time`} label={t("live.form.time")} error={errors.time}>
          <input id={`${prefix}-time`} type="time" value={values.time} onChange={(e) => set("time", e.target.value)} required aria-invalid={errors.time ? true : undefined} className={INPUT} />
        </Field>
        <Field id={`${prefix}-durationMin`} label={t("live.form.duration")} error={errors.durationMin}>
          <input
            id={`${prefix}-durationMin`}
            type="number"
            inputMode="numeric"
            min={LIVE_DURATION_MIN.min}
            max={LIVE_DURATION_MIN.max}
            step={5}
            value={values.durationMin}
            onChange={(e) => set("durationMin", e.target.value)}
            aria-invalid={errors.durationMin ? true : undefined}
            className={INPUT}
          />
        </Field>
      </div>
      <p className="text-sm text-neutral-600">{t("live.form.timeZone")}</p>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("live.form.place")}</legend>
        {(["online", "in-person"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="radio" name={`${prefix}-placeKind`} value={kind} checked={values.placeKind === kind} onChange={() => set("placeKind", kind)} className="size-4" />
            {t(`live.place.${kind}`)}
          </label>
        ))}
      </fieldset>
      {values.placeKind === "online" ? (
        <>
          {isBbbAvailable && (
            <label className="flex items-start gap-2">
              <input type="checkbox" checked={values.usesBbb} onChange={(e) => set("usesBbb", e.target.checked)} className="mt-1 size-4" />
              <span>{t("live.form.usesBbb")}</span>
            </label>
          )}
          {!values.usesBbb && (
            <Field id={`${prefix}-meetingUrl`} label={t("live.form.meetingUrl")} hint={t("live.form.meetingUrlHint")} error={errors.meetingUrl}>
              <input
                id={`${prefix}-meetingUrl`}
                type="url"
                inputMode="url"
                placeholder="https://"
                value={values.meetingUrl}
                onChange={(e) => set("meetingUrl", e.target.value)}
                aria-invalid={errors.meetingUrl ? true : undefined}
                aria-describedby={described("meetingUrl", true)}
                className={INPUT}
              />
            </Field>
          )}
          {errors.usesBbb && <p className="text-sm font-medium text-red-700">{errors.usesBbb}</p>}
        </>
      ) : (
        <Field id={`${prefix}-address`} label={t("live.form.address")} error={errors.address}>
          <input id={`${prefix}-address`} value={values.address} onChange={(e) => set("address", e.target.value)} maxLength={300} autoComplete="street-address" aria-invalid={errors.address ? true : undefined} className={INPUT} />
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-capacity`} label={t("live.form.capacity")} hint={t("live.form.capacityHint")} error={errors.capacity}>
          <input
            id={`${prefix}-capacity`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            value={values.capacity}
            onChange={(e) => set("capacity", e.target.value)}
            aria-invalid={errors.capacity ? true : undefined}
            aria-describedby={described("capacity", true)}
            className={INPUT}
          />
        </Field>
        <Field id={`${prefix}-item`} label={t("live.form.item")} error={errors.itemId}>
          <select id={`${prefix}-item`} value={values.item} onChange={(e) => set("item", e.target.value)} aria-invalid={errors.itemId ? true : undefined} className={INPUT}>
            <option value="">{t("live.form.noItem")}</option>
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSaving}>
          {isSaving ? t("live.form.saving") : t(sessionId ? "live.form.submitChange" : "live.form.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
