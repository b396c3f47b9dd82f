"use client";

import { useState } from "react";
import { callApi, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "@/components/cohorts/form-message";
import { makeTranslator, type Locale } from "@/lib/i18n";

/** Mon compte: the private calendar feed's address — make it, make a new one (the old stops), or revoke it. */
export function CalendarFeedForm({ locale, initialUrl }: { locale: Locale; initialUrl: string | null }) {
  const t = makeTranslator(locale);
  const [url, setUrl] = useState(initialUrl);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageState>(null);

  async function renew() {
    if (url && !window.confirm(t("live.feed.renewConfirm"))) return;
    setIsBusy(true);
    setMessage(null);
    const result = await callApi<{ url: string }>(t, "PUT", "/api/account/calendar");
    setIsBusy(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    setUrl(result.data.url);
    setMessage({ tone: "success", text: t(url ? "live.feed.renewed" : "live.feed.made") });
  }

  async function revoke() {
    if (!window.confirm(t("live.feed.revokeConfirm"))) return;
    setIsBusy(true);
    setMessage(null);
    const result = await callApi(t, "DELETE", "/api/account/calendar");
    setIsBusy(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    setUrl(null);
    setMessage({ tone: "success", text: t("live.feed.revoked") });
  }

  return (
    <div className="space-y-3">
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium">
            {t("live.feed.address")}
          </label>
          <input id="calendar-feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="block w-full rounded border border-neutral-400 bg-neutral-50 px-3 py-2 font-mono text-sm" data-testid="calendar-feed-url" />
        </div>
      ) : (
        <p className="text-neutral-700">{t("live.feed.none")}</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={renew} disabled={isBusy} className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          {t(url ? "live.feed.renew" : "live.feed.make")}
        </button>
        {url && (
          <button type="button" onClick={revoke} disabled={isBusy} className="rounded border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
            {t("live.feed.revoke")}
          </button>
        )}
        <FormMessage message={message} />
      </div>
    </div>
  );
}
