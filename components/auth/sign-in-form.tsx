"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormCard } from "@/components/ui/form-card";
import { formatDuration } from "@/lib/format";
import { makeTranslator, type Locale, type MessageKey, type Params } from "@/lib/i18n";
import { retryAfterOfSignInError, shownWaitS } from "@/lib/throttle";

type SignInError = { key: MessageKey; params?: Params };

/** The same words whether or not the e-mail has an account; a throttled attempt says how long to wait. */
function messageForSignInError(error: string | undefined, locale: Locale): SignInError | null {
  if (!error) return null;
  const retryAfterS = retryAfterOfSignInError(error);
  if (typeof retryAfterS === "number") return { key: "auth.signIn.rateLimitedFor", params: { wait: formatDuration(shownWaitS(retryAfterS), locale) } };
  if (retryAfterS === null) return { key: "auth.signIn.rateLimited" };
  return { key: "auth.signIn.invalid" };
}

export function SignInForm({ locale, callbackPath, initialError }: { locale: Locale; callbackPath: string; initialError?: string }) {
  const t = makeTranslator(locale);
  const [error, setError] = useState<SignInError | null>(messageForSignInError(initialError, locale));
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(messageForSignInError(result?.error ?? "CredentialsSignin", locale));
        return;
      }
      // A full navigation, so that every server component sees the new session.
      window.location.assign(callbackPath);
    } catch {
      setError({ key: "errors.network" });
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <FormCard as="form" onSubmit={onSubmit} noValidate padding={6}>
      {error && <Alert tone="error">{t(error.key, error.params)}</Alert>}
      <TextField id="email" label={t("auth.field.email")} type="email" autoComplete="email" required />
      <TextField id="password" label={t("auth.field.password")} type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("auth.signIn.submitting") : t("auth.signIn.submit")}
      </Button>
      <p className="text-sm">
        {t("auth.signIn.noAccount")}{" "}
        <Link href={callbackPath === "/" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackPath)}`} className="font-medium text-brand-700 underline">
          {t("nav.signUp")}
        </Link>
      </p>
    </FormCard>
  );
}
