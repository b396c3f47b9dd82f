"use client";

import { useTransition } from "react";
import type { Locale } from "@/lib/i18n";

export function LocaleSwitch({ nextLocale, label, ariaLabel }: { nextLocale: Locale; label: string; ariaLabel: string }) {
  const [isPending, startTransition] = useTransition();
  return (
    <button
      type="button"
      lang={nextLocale}
      aria-label={ariaLabel}
      disabled={isPending}
      className="rounded border border-neutral-300 px-2 py-1 text-sm hover:bg-neutral-100"
      onClick={() =>
        startTransition(async () => {
          await fetch("/api/locale", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ locale: nextLocale }),
          });
          // A full reload: the document's language (its `lang`) changes with every text on the page.
          window.location.reload();
        })
      }
    >
      {label}
    </button>
  );
}
