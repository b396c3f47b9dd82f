"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/call-api";
import { makeTranslator, type Locale } from "@/lib/i18n";

export type LearnerCohortRow = { id: string; name: string; trainerNames: string[]; joinedOn: string };

/**
 * Mon compte, "Mes groupes": the learner's cohorts, each with "Quitter le groupe" (asks first, then
 * DELETE /api/memberships/<cohortId>). The confirmation stays here once the cohort has left the list.
 */
export function LearnerCohortList({ locale, cohorts }: { locale: Locale; cohorts: LearnerCohortRow[] }) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [leavingId, setLeavingId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  async function leave(cohort: LearnerCohortRow) {
    if (!window.confirm(t("account.leaveConfirm", { name: cohort.name }))) return;
    setLeavingId(cohort.id);
    setMessage(null);
    const result = await callApi(t, "DELETE", `/api/memberships/${encodeURIComponent(cohort.id)}`);
    setLeavingId(null);
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    setMessage({ tone: "success", text: t("account.left", { name: cohort.name }) });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {message && (
        <p
          ref={messageRef}
          tabIndex={-1}
          role={message.tone === "error" ? "alert" : "status"}
          className={`rounded border px-3 py-2 text-sm ${message.tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
        >
          {message.text}
        </p>
      )}
      {cohorts.length === 0 ? (
        <p className="text-neutral-700">{t("account.cohortsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white">
          {cohorts.map((cohort) => (
            <li key={cohort.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid={`learner-cohort-${cohort.id}`}>
              <div className="min-w-0 flex-1">
                <p className="font-semibold">{cohort.name}</p>
                {cohort.trainerNames.length > 0 && (
                  <p className="text-sm text-neutral-700">{t("account.cohortTrainers", { names: cohort.trainerNames.join(", ") })}</p>
                )}
                <p className="text-sm text-neutral-600">{t("account.cohortJoined", { date: cohort.joinedOn })}</p>
              </div>
              <button
                type="button"
                onClick={() => leave(cohort)}
                disabled={leavingId !== null}
                aria-label={leavingId === cohort.id ? undefined : t("account.leaveLabel", { name: cohort.name })}
                className="rounded border border-red-700 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70"
              >
                {leavingId === cohort.id ? t("account.leaving") : t("account.leave")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
