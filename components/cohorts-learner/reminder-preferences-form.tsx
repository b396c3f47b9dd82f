"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/components/ui/call-api";
import { makeTranslator, type Locale } from "@/lib/i18n";


/** Mon compte: reminder e-mails on or off, and for trainers the weekly digest (PUT /api/preferences/reminders). */
export function ReminderPreferencesForm({
  locale,
  wantsReminderEmails,
  wantsWeeklyDigest,
  isTrainer,
}: {
  locale: Locale;
  wantsReminderEmails: boolean;
  wantsWeeklyDigest: boolean;
  isTrainer: boolean;
}) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [reminders, setReminders] = useState(wantsReminderEmails);
  const [digest, setDigest] = useState(wantsWeeklyDigest);
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    setMessage(null);
    const result = await callApi(t, "PUT", "/api/preferences/reminders", isTrainer ? { wantsReminderEmails: reminders, wantsWeeklyDigest: digest } : { wantsReminderEmails: reminders });
    setIsSaving(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    setMessage({ tone: "success", text: t("account.saved") });
    router.refresh();
  }

  const checkboxClass = "mt-1 h-5 w-5 shrink-0 accent-brand-600";
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div className="flex items-start gap-3">
        <input
          id="wantsReminderEmails"
          type="checkbox"
          checked={reminders}
          onChange={(event) => {
            setReminders(event.target.checked);
            setMessage(null);
          }}
          aria-describedby="wantsReminderEmails-hint"
          className={checkboxClass}
        />
        <div>
          <label htmlFor="wantsReminderEmails" className="font-medium">
            {t("account.remindersLabel")}
          </label>
          <p id="wantsReminderEmails-hint" className="text-sm text-neutral-700">
            {t("account.remindersHint")}
          </p>
        </div>
      </div>
      {isTrainer && (
        <div className="flex items-start gap-3">
          <input
            id="wantsWeeklyDigest"
            type="checkbox"
            checked={digest}
            onChange={(event) => {
              setDigest(event.target.checked);
              setMessage(null);
            }}
            aria-describedby="wantsWeeklyDigest-hint"
            className={checkboxClass}
          />
          <div>
            <label htmlFor="wantsWeeklyDigest" className="font-medium">
              {t("account.digestLabel")}
            </label>
            <p id="wantsWeeklyDigest-hint" className="text-sm text-neutral-700">
              {t("account.digestHint")}
            </p>
          </div>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={isSaving}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {isSaving ? t("account.saving") : t("account.save")}
        </button>
        {message && (
          <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "font-medium text-red-700" : "text-green-800"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
