/** A labelled progress bar (value in %), readable by screen readers. */
export function ProgressBar({ value, label, size = "md" }: { value: number; label: string; size?: "sm" | "md" }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="space-y-1">
      <p className="text-sm text-neutral-700">{label}</p>
      <div
        role="progressbar"
        aria-valuenow={clamped}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
        className={`overflow-hidden rounded-full bg-neutral-200 ${size === "sm" ? "h-1.5" : "h-2.5"}`}
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${clamped}%` }} />
      </div>
    </div>
  );
}
