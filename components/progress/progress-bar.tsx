import "@/components/programme/programme.css";

/** A labelled progress bar (value in %), readable by screen readers. Styles: components/programme/programme.css. */
export function ProgressBar({ value, label, size = "md", className }: { value: number; label: string; size?: "sm" | "md"; className?: string }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={className ? `progress-bar ${className}` : "progress-bar"}>
      <p>{label}</p>
      <div role="progressbar" aria-valuenow={clamped} aria-valuemin={0} aria-valuemax={100} aria-label={label} className={size === "sm" ? "sm" : undefined}>
        <div style={{ width: `${clamped}%` }} />
      </div>
    </div>
  );
}
