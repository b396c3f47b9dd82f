"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormCard } from "@/components/ui/form-card";
import { DEPARTMENTS, SECTORS, SIZE_BANDS } from "@/lib/business-profile";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { signUpSchema, PASSWORD_MIN_LENGTH, NAME_MAX_LENGTH } from "@/lib/schemas/auth";
import { fieldErrorsOf } from "@/lib/validation";

type ApiError = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

export function SignUpForm({ locale, callbackPath = "/" }: { locale: Locale; callbackPath?: string }) {
  const t = makeTranslator(locale);
  // Field errors are either catalogue keys (checked here) or messages already translated by the API.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<"idle" | "submitting" | "created">("idle");
  const signInHref = callbackPath === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signUpSchema.safeParse(raw);
    if (!parsed.success) {
      const keys = fieldErrorsOf(parsed.error);
      setFieldErrors(Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key)])));
      setFormError(t("errors.form"));
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setStatus("submitting");
    try {
      const response = await fetch("/api/users", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as ApiError;
        setFieldErrors(body.error?.fields ?? {});
        setFormError(body.error?.message ?? t("errors.generic"));
        setStatus("idle");
        return;
      }
      setStatus("created");
      const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      window.location.assign(result?.error ? signInHref : callbackPath);
    } catch {
      setFormError(t("errors.network"));
      setStatus("idle");
    }
  }

  const choose = t("auth.field.choose");
  return (
    <FormCard as="form" onSubmit={onSubmit} noValidate gap={6} padding={6}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {status === "created" && <Alert tone="success">{t("auth.signUp.created")}</Alert>}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("auth.signUp.accountSection")}</legend>
        <TextField
          id="name"
          label={t("auth.field.name")}
          hint={t("auth.field.nameHint")}
          error={fieldErrors.name}
          autoComplete="name"
          maxLength={NAME_MAX_LENGTH}
          required
        />
        <TextField id="email" label={t("auth.field.email")} error={fieldErrors.email} type="email" autoComplete="email" required />
        <TextField
          id="password"
          label={t("auth.field.password")}
          hint={t("auth.field.passwordHint")}
          error={fieldErrors.password}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("auth.signUp.profileSection")}</legend>
        <p className="rounded bg-brand-50 p-3 text-sm text-neutral-800">{t("auth.signUp.profilePurpose")}</p>
        <SelectField
          id="sector"
          label={t("auth.field.sector")}
          error={fieldErrors.sector}
          placeholder={choose}
          defaultValue=""
          required
          options={SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))}
        />
        <SelectField
          id="department"
          label={t("auth.field.department")}
          error={fieldErrors.department}
          placeholder={choose}
          defaultValue=""
          required
          options={DEPARTMENTS.map(([code, name]) => ({ value: code, label: `${code} — ${name}` }))}
        />
        <SelectField
          id="sizeBand"
          label={t("auth.field.sizeBand")}
          error={fieldErrors.sizeBand}
          placeholder={choose}
          defaultValue=""
          required
          options={SIZE_BANDS.map((band) => ({ value: band, label: t(`sizeBand.${band}`) }))}
        />
      </fieldset>
      <Button type="submit" disabled={status !== "idle"} className="w-full">
        {status === "submitting" ? t("auth.signUp.submitting") : t("auth.signUp.submit")}
      </Button>
      <p className="text-sm">
        {t("auth.signUp.hasAccount")}{" "}
        <Link href={signInHref} className="font-medium text-brand-700 underline">
          {t("nav.signIn")}
        </Link>
      </p>
    </FormCard>
  );
}
