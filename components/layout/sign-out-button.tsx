"use client";

import { discardQueuedQuizAttempts, sendQueuedQuizAttempts } from "@/components/module/quiz-outbox";
import { discardQueuedReports, sendQueuedReports } from "@/components/player/progress-reporter";
import { forgetKeptChapters } from "@/components/programme/kept-chapters";

/**
 * Signs out through next-auth's own endpoint (its CSRF token, then POST /api/auth/signout), as
 * next-auth/react's signOut does, without loading that library on every page (about 9 kB gzip in
 * the header's chunk); the account page's forms still use it. Before, it sends the progress reports
 * queued on this device, then deletes the queue and the chapters kept offline.
 */
async function signOutAndGoHome() {
  try {
    // The reports and quiz attempts still queued on this device go out while the session is valid;
    // then the queues and the chapters kept offline are deleted, so that nothing of the account stays on a shared device.
    await Promise.all([sendQueuedReports().catch(() => false), sendQueuedQuizAttempts().catch(() => false)]);
    discardQueuedReports();
    discardQueuedQuizAttempts();
    await forgetKeptChapters().catch(() => undefined);
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
    });
  } finally {
    window.location.assign("/");
  }
}

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void signOutAndGoHome()} className="rounded px-2 py-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
      {label}
    </button>
  );
}
