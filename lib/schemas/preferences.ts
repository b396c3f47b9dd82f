import { z } from "zod";

export const PATH_COOKIE = "parcours";
export const pathPreferenceSchema = z.object({ isNeutralPath: z.boolean({ error: "errors.VALIDATION_FAILED" }) }).strict();
