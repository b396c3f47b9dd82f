"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 print:hidden">
      {label}
    </button>
  );
}
