"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded px-2 py-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
    >
      {label}
    </button>
  );
}
