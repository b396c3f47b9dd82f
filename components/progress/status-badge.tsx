import type { Translate } from "@/lib/i18n";
import type { ModuleState } from "@/lib/learner-summary";

const STYLE: Record<ModuleState["status"], string> = {
  "not-started": "bg-neutral-100 text-neutral-700",
  "in-progress": "bg-sky-100 text-sky-900",
  completed: "bg-green-100 text-green-900",
};

export function StatusBadge({ status, t }: { status: ModuleState["status"]; t: Translate }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`} data-status={status}>
      {status === "completed" ? "✓ " : ""}
      {t(`progress.status.${status}`)}
    </span>
  );
}
