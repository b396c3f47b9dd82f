/**
 * Input schemas for accounts, shared by the forms (client-side hints) and the route handlers
 * (the check that counts). Error messages are message-catalogue keys, translated where shown.
 */
import { z } from "zod";
import { DEPARTMENT_CODES, SECTORS, SIZE_BANDS } from "../business-profile";
import { ROLES } from "../roles";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 80;

export const emailSchema = z
  .string({ error: "errors.email.invalid" })
  .trim()
  .toLowerCase()
  .max(254, { error: "errors.email.invalid" })
  .pipe(z.email({ error: "errors.email.invalid" }));

export const passwordSchema = z
  .string({ error: "errors.password.tooShort" })
  .min(PASSWORD_MIN_LENGTH, { error: "errors.password.tooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "errors.password.tooLong" });

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z
    .string({ error: "errors.name.required" })
    .trim()
    .min(1, { error: "errors.name.required" })
    .max(NAME_MAX_LENGTH, { error: "errors.name.tooLong" }),
  sector: z.enum(SECTORS, { error: "errors.sector.invalid" }),
  department: z.enum(DEPARTMENT_CODES, { error: "errors.department.invalid" }),
  sizeBand: z.enum(SIZE_BANDS, { error: "errors.sizeBand.invalid" }),
}).strict();
export type SignUpInput = z.infer<typeof signUpSchema>;

/** The error name next-auth passes to the sign-in form when the account or address is throttled. */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

/**
 * Sign-in only checks the shape: a wrong format must not say more than "wrong credentials". Not
 * strict, unlike the bodies of our route handlers: it reads next-auth's credentials form, which
 * also carries next-auth's own fields (csrfToken, callbackUrl, json).
 */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changeRoleSchema = z
  .object({
    role: z.enum(ROLES, { error: "errors.role.invalid" }),
  })
  .strict();
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const userIdSchema = z.string().min(1).max(64);
