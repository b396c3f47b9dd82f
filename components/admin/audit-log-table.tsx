import { formatInstant } from "@/components/cohorts/dates";
import { DataTable } from "@/components/ui/data-table";
import { AUDIT_ACTION_LABEL, auditDetailsText, personText, targetText, type AuditLogEntry } from "@/lib/audit";
import type { Locale, Translate } from "@/lib/i18n";

/** The audit log as a table (it scrolls sideways inside its own keyboard-reachable frame on a phone). */
export function AuditLogTable({ entries, locale, t }: { entries: AuditLogEntry[]; locale: Locale; t: Translate }) {
  const cell = "px-3 py-2 align-top";
  return (
    <DataTable
      caption={{ id: "audit-caption", text: t("audit.table.caption") }}
      minWidth="52rem"
      data-testid="audit-log"
      headerCellClassName="align-top"
      columns={[
        { key: "when", label: t("audit.col.when") },
        { key: "who", label: t("audit.col.who") },
        { key: "action", label: t("audit.col.action") },
        { key: "whose", label: t("audit.col.whose") },
        { key: "details", label: t("audit.col.details") },
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.id} className="border-t border-neutral-200" data-action={entry.action}>
          <td className={`${cell} whitespace-nowrap`}>
            <time dateTime={entry.createdAt.toISOString()}>{formatInstant(entry.createdAt, locale)}</time>
          </td>
          <td className={`${cell} break-words`}>{personText(entry.actor, t, { withRole: true })}</td>
          <td className={cell}>{t(AUDIT_ACTION_LABEL[entry.action])}</td>
          <td className={`${cell} break-words`}>{targetText(entry, t)}</td>
          <td className={`${cell} break-words`}>{auditDetailsText(entry, t)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
