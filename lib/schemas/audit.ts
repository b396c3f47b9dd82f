/**
 * The audit log's schemas: what each action's details may hold (ids, counts, choices — never a
 * name, an e-mail or a search text), and the admin page's filters. Messages are catalogue keys.
 */
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "../audit";
import { daysBetween, isDay } from "../calendar-day";
import { ROLES } from "../roles";

/** A row id (cuid, or a seeded id such as "cohorte-demo"): letters, digits, "-" and "_" only. */
const idSchema = z.string().regex(/^[\w-]{1,64}$/);

/** Strict objects: a key that is not listed here (a name, an e-mail…) cannot reach the log. */
export const AUDIT_DETAILS_SCHEMAS = {
  "learner.viewed": z.object({ cohortId: idSchema }).strict(),
  /** A trainer opened a live session's page that shows its registrants' attendance. */
  "attendance.viewed": z.object({ cohortId: idSchema, sessionId: idSchema }).strict(),
  "cohort.exported": z.object({ cohortId: idSchema, learners: z.number().int().min(0) }).strict(),
  "account.exported": z.object({ format: z.enum(["json", "xapi"]) }).strict(),
  "users.listed": z.object({ page: z.number().int().min(1), isSearch: z.boolean() }).strict(),
  "user.role-changed": z.object({ from: z.enum(ROLES), to: z.enum(ROLES) }).strict(),
} as const satisfies Record<AuditAction, z.ZodType>;

export type AuditDetails<A extends AuditAction> = z.infer<(typeof AUDIT_DETAILS_SCHEMAS)[A]>;

/** The details as stored (JSON text), after checking them against their action's schema. */
export function serializeAuditDetails<A extends AuditAction>(action: A, details: AuditDetails<A>): string {
  return JSON.stringify(AUDIT_DETAILS_SCHEMAS[action].parse(details));
}

export const AUDIT_SEARCH_MAX_LENGTH = 100;
/** Far past any real page; keeps a typed URL from asking the database for an absurd offset. */
const MAX_PAGE = 100_000;

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const searchText = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: "audit.errors.text" })
    .trim()
    .max(AUDIT_SEARCH_MAX_LENGTH, { error: "audit.errors.textTooLong" })
    .transform((text) => text || undefined)
    .optional(),
);

const day = z.preprocess(emptyToUndefined, z.string({ error: "audit.errors.day" }).refine(isDay, { error: "audit.errors.day" }).optional());

/** The admin audit page's filters, from its GET form (every field optional; an empty field is no filter). */
export const auditFiltersSchema = z
  .object({
    who: searchText,
    whose: searchText,
    action: z.preprocess(emptyToUndefined, z.enum(AUDIT_ACTIONS, { error: "audit.errors.action" }).optional()),
    from: day,
    to: day,
    page: z.preprocess(
      (value) => (value === "" || value === undefined ? 1 : value),
      z.coerce.number({ error: "audit.errors.page" }).int({ error: "audit.errors.page" }).min(1, { error: "audit.errors.page" }).max(MAX_PAGE, { error: "audit.errors.page" }),
    ),
  })
  .refine((f) => !f.from || !f.to || daysBetween(f.from, f.to) >= 0, { error: "audit.errors.range", path: ["to"] });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export const AUDIT_FILTER_FIELDS = ["who", "whose", "action", "from", "to", "page"] as const;
