"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { callApi, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "@/components/cohorts/form-message";
import { makeTranslator, type Locale } from "@/lib/i18n";

/** Registers for a live session, or unregisters; the page's data is read again after. */
export function RegistrationButton({ locale, sessionId, isRegistered, title }: { locale: Locale; sessionId: string; isRegistered: boolean; title: string }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageState>(null);

  async function onClick() {
    if (isRegistered && !window.confirm(t("live.unregisterConfirm", { title }))) return;
    setIsBusy(true);
    setMessage(null);
    const result = await callApi(t, isRegistered ? "DELETE" : "PUT", `/api/live-sessions/${encodeURIComponent(sessionId)}/registration`);
    setIsBusy(false);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setMessage({ tone: "success", text: t(isRegistered ? "live.unregistered" : "live.registered") });
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {isRegistered ? (
        <button type="button" onClick={onClick} disabled={isBusy} className="rounded border border-neutral-500 px-4 py-2 font-medium text-neutral-800 hover:bg-neutral-100 disabled:opacity-60">
          {t("live.unregister")}
        </button>
      ) : (
        <Button type="button" onClick={onClick} disabled={isBusy}>
          {t("live.register")}
        </Button>
      )}
      <FormMessage message={message} />
    </div>
  );
}
