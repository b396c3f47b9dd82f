/**
 * Input schemas for cohorts, assignments, invitations and reminders: shared by the forms and the
 * route handlers. Messages are catalogue keys.
 */
import { z } from "zod";
import { daysBetween, isDay } from "../calendar-day";
import { DUE_KINDS, ITEM_KINDS } from "../cohorts/assignments";
import { normalizeJoinCode } from "../cohorts/join-code";
import { emailSchema } from "./auth";

export const COHORT_NAME_MAX_LENGTH = 80;
export const COHORT_DESCRIPTION_MAX_LENGTH = 500;
export const MAX_INVITATIONS_AT_ONCE = 200;
export const MAX_DUE_DAYS = 365;

const daySchema = z.string({ error: "errors.day.invalid" }).refine(isDay, { error: "errors.day.invalid" });
const optionalDay = z.preprocess((v) => (v === "" ? null : v), daySchema.nullable().optional());

export const cohortSchema = z
  .object({
    name: z
      .string({ error: "errors.cohort.nameRequired" })
      .trim()
      .min(1, { error: "errors.cohort.nameRequired" })
      .max(COHORT_NAME_MAX_LENGTH, { error: "errors.cohort.nameTooLong" }),
    description: z.string().trim().max(COHORT_DESCRIPTION_MAX_LENGTH, { error: "errors.cohort.descriptionTooLong" }).default(""),
    startsOn: optionalDay,
    endsOn: optionalDay,
    reminderDaysBefore: z.coerce
      .number({ error: "errors.cohort.reminderDays" })
      .int({ error: "errors.cohort.reminderDays" })
      .min(0, { error: "errors.cohort.reminderDays" })
      .max(30, { error: "errors.cohort.reminderDays" })
      .optional(),
  })
  .strict()
  // Zod still runs this check when a day field failed its own (a refinement does not abort), so it
  // must not trust them: daysBetween throws on "__proto__" (found by the fuzz, a 500).
  .refine((c) => !isDay(c.startsOn) || !isDay(c.endsOn) || daysBetween(c.startsOn, c.endsOn) >= 0, {
    error: "errors.cohort.endsBeforeStart",
    path: ["endsOn"],
  });
export type CohortInput = z.infer<typeof cohortSchema>;

export const joinCodeSettingsSchema = z.object({ expiresOn: optionalDay }).strict();

export const joinCodeSchema = z
  .string({ error: "errors.joinCode.invalid" })
  .max(40, { error: "errors.joinCode.invalid" })
  .transform((value, ctx) => {
    const code = normalizeJoinCode(value);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "errors.joinCode.invalid" });
      return z.NEVER;
    }
    return code;
  });
export const joinSchema = z.object({ code: joinCodeSchema }).strict();

/** A pasted list of addresses, separated by commas, semicolons, spaces or new lines. */
export const invitationsSchema = z
  .object({
    emails: z
      .string({ error: "errors.invitations.empty" })
      .max(20_000, { error: "errors.invitations.tooMany" })
      .transform((text) => [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))])
      .pipe(
        z
          .array(emailSchema)
          .min(1, { error: "errors.invitations.empty" })
          .max(MAX_INVITATIONS_AT_ONCE, { error: "errors.invitations.tooMany" }),
      ),
  })
  .strict();

export const coTrainerSchema = z.object({ email: emailSchema }).strict();

/** The due rule's fields, shared by a new assignment and a change of its due rule. */
const dueRuleFields = {
  dueKind: z.enum(DUE_KINDS, { error: "errors.assignment.dueKind" }),
  dueOn: optionalDay,
  dueDays: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce
      .number({ error: "errors.assignment.dueDays" })
      .int({ error: "errors.assignment.dueDays" })
      .min(1, { error: "errors.assignment.dueDays" })
      .max(MAX_DUE_DAYS, { error: "errors.assignment.dueDays" })
      .optional(),
  ),
};

type DueRuleFields = { dueKind: (typeof DUE_KINDS)[number]; dueOn?: string | null; dueDays?: number };

/** A fixed rule needs its day, a relative one its number of days; the other field is dropped. */
function checkDueRule(rule: DueRuleFields, ctx: z.RefinementCtx) {
  if (rule.dueKind === "fixed" && !rule.dueOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "errors.assignment.dueOnRequired" });
  if (rule.dueKind === "relative" && rule.dueDays === undefined) ctx.addIssue({ code: "custom", path: ["dueDays"], message: "errors.assignment.dueDays" });
}

function toDueRule(rule: DueRuleFields) {
  return {
    dueKind: rule.dueKind,
    dueOn: rule.dueKind === "fixed" ? (rule.dueOn ?? null) : null,
    dueDays: rule.dueKind === "relative" ? (rule.dueDays ?? null) : null,
  };
}

export const assignmentSchema = z
  .object({
    itemKind: z.enum(ITEM_KINDS, { error: "errors.assignment.item" }),
    itemId: z.string({ error: "errors.assignment.item" }).min(1, { error: "errors.assignment.item" }).max(120),
    ...dueRuleFields,
  })
  .strict()
  .superRefine(checkDueRule)
  .transform((a) => ({ itemKind: a.itemKind, itemId: a.itemId, ...toDueRule(a) }));
export type AssignmentInput = z.infer<typeof assignmentSchema>;

/** Changing an assignment changes its due rule only (the item stays: remove and assign again to change it). */
export const assignmentDueSchema = z.object(dueRuleFields).strict().superRefine(checkDueRule).transform(toDueRule);

export const extensionSchema = z.object({ dueOn: daySchema }).strict();

export const reminderPreferencesSchema = z
  .object({
    wantsReminderEmails: z.boolean({ error: "errors.VALIDATION_FAILED" }).optional(),
    /** Trainers: the weekly digest, for every cohort they train. */
    wantsWeeklyDigest: z.boolean({ error: "errors.VALIDATION_FAILED" }).optional(),
  })
  .strict();

export const notificationsReadSchema = z
  .object({ ids: z.array(z.string().min(1).max(64)).max(200).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((v) => v.all || (v.ids && v.ids.length > 0), { error: "errors.VALIDATION_FAILED" });

export const cuidSchema = z.string().min(1).max(64);
