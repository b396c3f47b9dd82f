"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { callApi, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "./form-message";

/** A destructive action (DELETE): asks for confirmation, sends, then reloads the page's data. */
export function ConfirmButton({
  locale,
  url,
  label,
  accessibleLabel,
  confirmText,
  doneText,
  redirectTo,
  tone = "danger",
}: {
  locale: Locale;
  url: string;
  label: string;
  /** A fuller name for screen readers when the visible label is short ("Retirer" → "Retirer Léa du groupe"). */
  accessibleLabel?: string;
  confirmText: string;
  doneText: string;
  redirectTo?: string;
  tone?: "danger" | "neutral";
}) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageState>(null);

  async function onClick() {
    if (!window.confirm(confirmText)) return;
    setIsBusy(true);
    setMessage(null);
    const result = await callApi(t, "DELETE", url);
    setIsBusy(false);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setMessage({ tone: "success", text: doneText });
    if (redirectTo) router.push(redirectTo);
    router.refresh();
  }

  const style =
    tone === "danger"
      ? "border-red-700 text-red-800 hover:bg-red-50"
      : "border-neutral-500 text-neutral-800 hover:bg-neutral-100";
  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={onClick}
        disabled={isBusy}
        aria-label={accessibleLabel}
        className={`rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${style}`}
      >
        {label}
      </button>
      <FormMessage message={message} />
    </div>
  );
}
