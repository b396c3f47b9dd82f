import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/field";
import { FormCard } from "@/components/ui/form-card";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS } from "@/lib/audit";
import type { MessageKey, Translate } from "@/lib/i18n";
import { AUDIT_SEARCH_MAX_LENGTH } from "@/lib/schemas/audit";

export type AuditFilterValues = { who: string; whose: string; action: string; from: string; to: string };
export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues | "page", MessageKey>>;

const FIELD_ORDER = ["who", "whose", "action", "from", "to", "page"] as const;

/**
 * The audit page's filters: a plain GET form (no client script), each field labelled, errors
 * listed at the top with links to their fields and repeated under each one.
 */
export function AuditFilters({ values, errors, t }: { values: AuditFilterValues; errors: AuditFilterErrors; t: Translate }) {
  const error = (field: keyof AuditFilterErrors) => (errors[field] ? t(errors[field]) : undefined);
  const listed = FIELD_ORDER.filter((field) => errors[field]);
  return (
    <FormCard as="form" method="get" action="/admin/audit" noValidate headingId="audit-filters-title" heading={t("audit.filters.legend")} headingSize="lg" padding={4}>
      {listed.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">{t("audit.errors.summary")}</p>
          <ul className="list-disc pl-5">
            {listed.map((field) => (
              <li key={field}>
                {field === "page" ? (
                  t(errors.page!)
                ) : (
                  <a href={`#audit-${field}`} className="underline">
                    {t(errors[field]!)}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField id="audit-who" name="who" label={t("audit.filters.who")} hint={t("audit.filters.searchHint")} defaultValue={values.who} error={error("who")} maxLength={AUDIT_SEARCH_MAX_LENGTH} />
        <TextField id="audit-whose" name="whose" label={t("audit.filters.whose")} hint={t("audit.filters.searchHint")} defaultValue={values.whose} error={error("whose")} maxLength={AUDIT_SEARCH_MAX_LENGTH} />
        <SelectField
          id="audit-action"
          name="action"
          label={t("audit.filters.action")}
          placeholder={t("audit.filters.anyAction")}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(AUDIT_ACTION_LABEL[action]) }))}
          defaultValue={values.action}
          error={error("action")}
        />
        <TextField id="audit-from" name="from" type="date" label={t("audit.filters.from")} defaultValue={values.from} error={error("from")} />
        <TextField id="audit-to" name="to" type="date" label={t("audit.filters.to")} defaultValue={values.to} error={error("to")} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("audit.filters.submit")}
        </button>
        <Link href="/admin/audit" className="text-sm font-medium text-brand-700 underline">
          {t("audit.filters.reset")}
        </Link>
      </div>
    </FormCard>
  );
}
