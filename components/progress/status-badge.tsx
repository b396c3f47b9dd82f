import "@/components/programme/programme.css";
import type { Translate } from "@/lib/i18n";
import type { ModuleState } from "@/lib/learner-summary";

/** The learner's status in a module; its colours follow data-status (components/programme/programme.css). */
export function StatusBadge({ status, t }: { status: ModuleState["status"]; t: Translate }) {
  return (
    <span className="status" data-status={status}>
      {status === "completed" ? "✓ " : ""}
      {t(`progress.status.${status}`)}
    </span>
  );
}
