"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** The visible "parcours neutre" switch (a real switch for screen readers: role="switch"). */
export function PathSwitch({
  isNeutralPath,
  label,
  description,
  stateText,
}: {
  isNeutralPath: boolean;
  label: string;
  description: string;
  stateText: string;
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [isOn, setIsOn] = useState(isNeutralPath);

  function toggle() {
    const next = !isOn;
    setIsOn(next);
    startTransition(async () => {
      const response = await fetch("/api/preferences/path", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ isNeutralPath: next }),
      });
      if (!response.ok) setIsOn(!next);
      router.refresh();
    });
  }

  return (
    <div className="flex items-start gap-3 rounded-lg border border-brand-100 bg-brand-50 p-3">
      <button
        type="button"
        role="switch"
        aria-checked={isOn}
        aria-describedby="path-switch-description"
        onClick={toggle}
        disabled={isPending}
        className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition ${isOn ? "bg-brand-600" : "bg-neutral-400"}`}
      >
        <span className="sr-only">{label}</span>
        <span aria-hidden="true" className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${isOn ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
      <div>
        <p className="font-semibold">{label}</p>
        <p id="path-switch-description" className="text-sm text-neutral-700">
          {description}
        </p>
        <p className="mt-1 text-sm font-medium text-brand-800" aria-live="polite">
          {stateText}
        </p>
      </div>
    </div>
  );
}
