"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/call-api";
import { makeTranslator, type Locale } from "@/lib/i18n";


/**
 * "Marquer comme lu" (one notification, `id`) or "Tout marquer comme lu" (no `id`): POST
 * /api/notifications/read. It stays mounted once everything is read so that its confirmation
 * (which takes the focus the vanished button had) stays on screen.
 */
export function MarkReadButton({ locale, id, label, isRead }: { locale: Locale; id?: string; label?: string; isRead: boolean }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const isAll = id === undefined;
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (isRead && message?.tone === "success") messageRef.current?.focus();
  }, [isRead, message]);

  async function markRead() {
    setIsSaving(true);
    setMessage(null);
    const result = await callApi(t, "POST", "/api/notifications/read", isAll ? { all: true } : { ids: [id] });
    setIsSaving(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    setMessage({ tone: "success", text: isAll ? t("notifications.markedAll") : t("notifications.marked") });
    router.refresh();
  }

  if (isRead && !message) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!isRead && (
        <button
          type="button"
          onClick={markRead}
          disabled={isSaving}
          aria-label={isSaving ? undefined : label}
          className={
            isAll
              ? "rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
              : "rounded border border-brand-600 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70"
          }
        >
          {isSaving ? t("notifications.saving") : isAll ? t("notifications.markAllRead") : t("notifications.markRead")}
        </button>
      )}
      {message && (
        <p
          ref={messageRef}
          tabIndex={-1}
          role={message.tone === "error" ? "alert" : "status"}
          className={`text-sm ${message.tone === "error" ? "text-red-700" : "text-green-800"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
