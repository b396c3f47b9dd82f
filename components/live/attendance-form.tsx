"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { callApi, type FormMessageState } from "@/components/ui/call-api";
import { FormMessage } from "@/components/cohorts/form-message";
import { makeTranslator, type Locale } from "@/lib/i18n";

type Row = { userId: string; name: string; attended: boolean | null };

/**
 * After the session: present or absent for each registrant (pre-filled with what BigBlueButton saw,
 * when the room was there), a replay link and notes, saved together.
 */
export function AttendanceForm({ locale, cohortId, sessionId, registrants, replayUrl, notes }: { locale: Locale; cohortId: string; sessionId: string; registrants: Row[]; replayUrl: string | null; notes: string }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [marks, setMarks] = useState<Record<string, boolean | null>>(Object.fromEntries(registrants.map((r) => [r.userId, r.attended])));
  const [replay, setReplay] = useState(replayUrl ?? "");
  const [text, setText] = useState(notes);
  const [message, setMessage] = useState<FormMessageState>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    setMessage(null);
    const entries = registrants.filter((r) => marks[r.userId] !== null && marks[r.userId] !== undefined).map((r) => ({ userId: r.userId, attended: marks[r.userId] === true }));
    const result = await callApi(t, "PUT", `/api/cohorts/${encodeURIComponent(cohortId)}/live-sessions/${encodeURIComponent(sessionId)}/attendance`, { entries, replayUrl: replay, notes: text });
    setIsSaving(false);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.fields.replayUrl ?? result.message });
      return;
    }
    setMessage({ tone: "success", text: t("live.attendance.saved") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {registrants.length === 0 ? (
        <p className="text-neutral-700">{t("live.attendance.nobody")}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white">
          {registrants.map((r) => (
            <li key={r.userId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-registrant={r.userId}>
              <span className="font-medium">{r.name}</span>
              <fieldset className="flex gap-4">
                <legend className="sr-only">{t("live.attendance.for", { name: r.name })}</legend>
                {([true, false] as const).map((value) => (
                  <label key={String(value)} className="flex items-center gap-1.5">
                    <input type="radio" name={`attended-${r.userId}`} checked={marks[r.userId] === value} onChange={() => setMarks((m) => ({ ...m, [r.userId]: value }))} className="size-4" />
                    {t(value ? "live.attendance.present" : "live.attendance.absent")}
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ul>
      )}
      <div className="space-y-1">
        <label htmlFor="live-replay" className="block text-sm font-medium">
          {t("live.attendance.replay")}
        </label>
        <input id="live-replay" type="url" inputMode="url" placeholder="https://" value={replay} onChange={(e) => setReplay(e.target.value)} className="block w-full max-w-2xl rounded border border-neutral-400 bg-white px-3 py-2 text-base" />
      </div>
      <div className="space-y-1">
        <label htmlFor="live-notes" className="block text-sm font-medium">
          {t("live.attendance.notes")}
        </label>
        <textarea id="live-notes" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} className="block w-full max-w-2xl rounded border border-neutral-400 bg-white px-3 py-2 text-base" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSaving}>
          {t("live.attendance.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
