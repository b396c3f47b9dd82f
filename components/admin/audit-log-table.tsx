import { formatInstant } from "@/components/cohorts/dates";
import { AUDIT_ACTION_LABEL, auditDetailsText, personText, targetText, type AuditLogEntry } from "@/lib/audit";
import type { Locale, Translate } from "@/lib/i18n";

/** The audit log as a table (it scrolls sideways inside its own keyboard-reachable frame on a phone). */
export function AuditLogTable({ entries, locale, t }: { entries: AuditLogEntry[]; locale: Locale; t: Translate }) {
  const cell = "px-3 py-2 align-top";
  return (
    <div className="relative overflow-x-auto rounded-lg border border-neutral-200 bg-white" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="audit-log">
        <caption id="audit-caption" className="sr-only">
          {t("audit.table.caption")}
        </caption>
        <thead className="bg-neutral-50">
          <tr>
            <th scope="col" className={cell}>{t("audit.col.when")}</th>
            <th scope="col" className={cell}>{t("audit.col.who")}</th>
            <th scope="col" className={cell}>{t("audit.col.action")}</th>
            <th scope="col" className={cell}>{t("audit.col.whose")}</th>
            <th scope="col" className={cell}>{t("audit.col.details")}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
