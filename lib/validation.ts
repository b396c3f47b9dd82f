import type { z } from "zod";
import { isMessageKey, type MessageKey } from "./i18n";

/**
 * Field path → message key, from a zod error. Schemas in lib/schemas use catalogue keys as their
 * messages; anything else (a type the schema did not anticipate) falls back to a generic key.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, MessageKey> {
  const fields: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    if (fields[path]) continue;
    fields[path] = isMessageKey(issue.message) ? issue.message : "errors.VALIDATION_FAILED";
  }
  return fields;
}
