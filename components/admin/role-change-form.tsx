"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { makeTranslator, type Locale } from "@/lib/i18n";
import { ROLES, type Role } from "@/lib/roles";

export function RoleChangeForm({
  locale,
  userId,
  userName,
  currentRole,
  roleLabels,
}: {
  locale: Locale;
  userId: string;
  userName: string;
  currentRole: Role;
  roleLabels: Record<string, string>;
}) {
  const t = makeTranslator(locale);
  const router = useRouter();
  const [role, setRole] = useState<Role>(currentRole);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const selectId = `role-${userId}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/admin/users/${encodeURIComponent(userId)}/role`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role }),
      });
      if (response.ok) {
        setMessage({ tone: "success", text: t("admin.users.saved") });
        router.refresh();
      } else {
        const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        setMessage({ tone: "error", text: body.error?.message ?? t("errors.generic") });
        setRole(currentRole);
      }
    } catch {
      setMessage({ tone: "error", text: t("errors.network") });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        {t("admin.users.roleFor", { name: userName })}
      </label>
      <select
        id={selectId}
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        className="rounded border border-neutral-400 bg-white px-2 py-1"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={isSaving || role === currentRole}
        className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {isSaving ? t("admin.users.saving") : t("admin.users.save")}
      </button>
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "basis-full text-red-700" : "basis-full text-green-800"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
