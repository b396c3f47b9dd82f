/**
 * Mon compte: the inputs of the account settings and of the erasure, shared by the forms and the
 * route handlers. Error messages are message-catalogue keys.
 */
import { z } from "zod";
import { DEPARTMENT_CODES, SECTORS, SIZE_BANDS } from "../business-profile";
import { LOCALES } from "../i18n";
import { emailSchema, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, passwordSchema } from "./auth";

/** The password the user types to confirm: any non-empty text (the check is against the stored hash). */
const currentPasswordSchema = z.string({ error: "errors.currentPassword.required" }).min(1, { error: "errors.currentPassword.required" }).max(PASSWORD_MAX_LENGTH, { error: "errors.currentPassword.required" });

export const accountNameSchema = z.object({
  name: z.string({ error: "errors.name.required" }).trim().min(1, { error: "errors.name.required" }).max(NAME_MAX_LENGTH, { error: "errors.name.tooLong" }),
}).strict();

export const accountEmailSchema = z.object({ email: emailSchema, currentPassword: currentPasswordSchema }).strict();

export const accountPasswordSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: passwordSchema }).strict();

export const businessProfileSchema = z.object({
  sector: z.enum(SECTORS, { error: "errors.sector.invalid" }),
  department: z.enum(DEPARTMENT_CODES, { error: "errors.department.invalid" }),
  sizeBand: z.enum(SIZE_BANDS, { error: "errors.sizeBand.invalid" }),
}).strict();
export type BusinessProfileInput = z.infer<typeof businessProfileSchema>;

export const accountLocaleSchema = z.object({ locale: z.enum(LOCALES, { error: "errors.locale.invalid" }) }).strict();

export const accountErasureSchema = z.object({ password: currentPasswordSchema }).strict();
