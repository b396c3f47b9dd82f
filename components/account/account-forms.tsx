"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { FormMessage } from "@/components/cohorts/form-message";
import { discardQueuedQuizAttempts } from "@/components/module/quiz-outbox";
import { discardQueuedReports } from "@/components/player/progress-reporter";
import { forgetKeptChapters } from "@/components/programme/kept-chapters";
import { Button } from "@/components/ui/button";
import { callApi, checkWith, type FieldErrors, type FormMessageState } from "@/components/ui/call-api";
import { SelectField, TextField } from "@/components/ui/field";
import { DEPARTMENTS, SECTORS, SIZE_BANDS } from "@/lib/business-profile";
import { LOCALES, makeTranslator, type Locale } from "@/lib/i18n";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/auth";
import { accountEmailSchema, accountErasureSchema, accountLocaleSchema, accountNameSchema, accountPasswordSchema, businessProfileSchema } from "@/lib/schemas/account";
import { z } from "zod";

/**
 * The forms of Mon compte. Each one checks its values with the schema its route handler uses,
 * sends them, and says the outcome next to its button (role=status / role=alert).
 */
function useApiForm<S extends z.ZodType>(locale: Locale, schema: S, method: "PATCH" | "PUT" | "DELETE", url: string) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function send(values: unknown, doneText: string, after?: () => void): Promise<boolean> {
    setMessage(null);
    const errors = checkWith(t, schema, values);
    setFields(errors ?? {});
    if (errors) return false;
    setIsBusy(true);
    const result = await callApi(t, method, url, values);
    setIsBusy(false);
    if (!result.ok) {
      setFields(result.fields);
      setMessage({ tone: "error", text: result.message });
      return false;
    }
    setMessage({ tone: "success", text: doneText });
    if (after) after();
    else router.refresh();
    return true;
  }
  return { t, fields, message, isBusy, send };
}

function formValues(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

function Actions({ children, message }: { children: ReactNode; message: FormMessageState }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {children}
      <FormMessage message={message} />
    </div>
  );
}

export function NameForm({ locale, name }: { locale: Locale; name: string }) {
  const form = useApiForm(locale, accountNameSchema, "PATCH", "/api/account");
  const { t } = form;
  return (
    <form noValidate className="space-y-3" onSubmit={(event) => void form.send(formValues(event), t("account.nameSaved"))}>
      <TextField id="account-name" name="name" label={t("account.nameLabel")} hint={t("account.nameHint")} error={form.fields.name} defaultValue={name} autoComplete="name" required />
      <Actions message={form.message}>
        <Button type="submit" disabled={form.isBusy}>
          {form.isBusy ? t("account.saving") : t("account.save")}
        </Button>
      </Actions>
    </form>
  );
}

export function EmailForm({ locale, email }: { locale: Locale; email: string }) {
  const form = useApiForm(locale, accountEmailSchema, "PUT", "/api/account/email");
  const { t } = form;
  return (
    <form noValidate className="space-y-3" onSubmit={(event) => void form.send(formValues(event), t("account.emailSaved"))}>
      <p className="text-sm text-neutral-700">{t("account.emailHint")}</p>
      <TextField id="account-email" name="email" type="email" label={t("account.emailLabel")} error={form.fields.email} defaultValue={email} autoComplete="email" required />
      <TextField id="account-email-password" name="currentPassword" type="password" label={t("account.currentPasswordLabel")} error={form.fields.currentPassword} autoComplete="current-password" required />
      <Actions message={form.message}>
        <Button type="submit" disabled={form.isBusy}>
          {form.isBusy ? t("account.saving") : t("account.emailSave")}
        </Button>
      </Actions>
    </form>
  );
}

export function PasswordForm({ locale }: { locale: Locale }) {
  const form = useApiForm(locale, accountPasswordSchema, "PUT", "/api/account/password");
  const { t } = form;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        const target = event.currentTarget;
        void form.send(formValues(event), t("account.passwordSaved"), () => target.reset());
      }}
    >
      <TextField id="account-current-password" name="currentPassword" type="password" label={t("account.currentPasswordLabel")} error={form.fields.currentPassword} autoComplete="current-password" required />
      <TextField
        id="account-new-password"
        name="newPassword"
        type="password"
        label={t("account.newPasswordLabel")}
        hint={t("account.passwordRules")}
        error={form.fields.newPassword}
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
      />
      <Actions message={form.message}>
        <Button type="submit" disabled={form.isBusy}>
          {form.isBusy ? t("account.saving") : t("account.passwordSave")}
        </Button>
      </Actions>
    </form>
  );
}

export function ProfileForm({ locale, profile }: { locale: Locale; profile: { sector: string; department: string; sizeBand: string } | null }) {
  const form = useApiForm(locale, businessProfileSchema, "PUT", "/api/account/profile");
  const withdraw = useApiForm(locale, z.undefined(), "DELETE", "/api/account/profile");
  const { t } = form;
  const choose = t("auth.field.choose");
  return (
    <div className="space-y-4">
      <form
        key={profile ? `${profile.sector}:${profile.department}:${profile.sizeBand}` : "none"}
        noValidate
        className="space-y-3"
        onSubmit={(event) => void form.send(formValues(event), t("account.profileSaved"))}
      >
        <SelectField id="account-sector" name="sector" label={t("auth.field.sector")} error={form.fields.sector} placeholder={choose} defaultValue={profile?.sector ?? ""} required options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} />
        <SelectField id="account-department" name="department" label={t("auth.field.department")} error={form.fields.department} placeholder={choose} defaultValue={profile?.department ?? ""} required options={DEPARTMENTS.map(([code, name]) => ({ value: code, label: `${code} — ${name}` }))} />
        <SelectField id="account-sizeBand" name="sizeBand" label={t("auth.field.sizeBand")} error={form.fields.sizeBand} placeholder={choose} defaultValue={profile?.sizeBand ?? ""} required options={SIZE_BANDS.map((b) => ({ value: b, label: t(`sizeBand.${b}`) }))} />
        <Actions message={form.message}>
          <Button type="submit" disabled={form.isBusy}>
            {form.isBusy ? t("account.saving") : t("account.profileSave")}
          </Button>
        </Actions>
      </form>
      <Actions message={withdraw.message}>
        {profile && (
          <button
            type="button"
            disabled={withdraw.isBusy}
            onClick={() => {
              if (window.confirm(t("account.profileWithdrawConfirm"))) void withdraw.send(undefined, t("account.profileWithdrawn"));
            }}
            className="rounded border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {t("account.profileWithdraw")}
          </button>
        )}
      </Actions>
    </div>
  );
}

export function LanguageForm({ locale }: { locale: Locale }) {
  const form = useApiForm(locale, accountLocaleSchema, "PUT", "/api/account/locale");
  const { t } = form;
  const names: Record<Locale, string> = { fr: "Français", en: "English" };
  return (
    <form noValidate className="space-y-3" onSubmit={(event) => void form.send(formValues(event), t("account.saved"))}>
      <SelectField id="account-locale" name="locale" label={t("account.languageLabel")} defaultValue={locale} options={LOCALES.map((l) => ({ value: l, label: names[l] }))} />
      <Actions message={form.message}>
        <Button type="submit" disabled={form.isBusy}>
          {t("account.languageSave")}
        </Button>
      </Actions>
    </form>
  );
}

export function EraseAccountForm({ locale }: { locale: Locale }) {
  const form = useApiForm(locale, accountErasureSchema, "DELETE", "/api/account");
  const { t } = form;
  const [confirmError, setConfirmError] = useState<string | undefined>();
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        const values = formValues(event);
        if (values.confirm !== "yes") return setConfirmError(t("account.eraseConfirmRequired"));
        setConfirmError(undefined);
        // The account is gone: what it queued and kept on this device goes too, then the session.
        void form.send({ password: values.password }, t("account.erasedTitle"), () => {
          discardQueuedReports();
          discardQueuedQuizAttempts();
          void forgetKeptChapters()
            .catch(() => undefined)
            .finally(() => void signOut({ callbackUrl: "/account/deleted" }));
        });
      }}
    >
      <TextField id="erase-password" name="password" type="password" label={t("account.erasePasswordLabel")} error={form.fields.password} autoComplete="current-password" required />
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input id="erase-confirm" name="confirm" type="checkbox" value="yes" aria-invalid={confirmError ? true : undefined} aria-describedby={confirmError ? "erase-confirm-error" : undefined} className="mt-1 h-5 w-5 shrink-0 accent-red-700" />
          <label htmlFor="erase-confirm" className="font-medium">
            {t("account.eraseConfirmLabel")}
          </label>
        </div>
        {confirmError && (
          <p id="erase-confirm-error" className="text-sm font-medium text-red-700">
            {confirmError}
          </p>
        )}
      </div>
      <Actions message={form.message}>
        <button type="submit" disabled={form.isBusy} className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {form.isBusy ? t("account.erasing") : t("account.eraseSubmit")}
        </button>
      </Actions>
    </form>
  );
}
