import { z } from "zod";
import { LOCALES } from "../i18n";

export const setLocaleSchema = z.object({ locale: z.enum(LOCALES, { error: "errors.locale.invalid" }) }).strict();
