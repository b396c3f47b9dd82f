import { config, type z } from "zod";
import type { Translate } from "@/lib/i18n";
import { fieldErrorsOf } from "@/lib/validation";

// In the browser, the forms check their input with the route handlers' schemas. Zod probes whether
// it may compile code (`new Function("")`) on its first check: the pages' Content-Security-Policy
// forbids eval, and each probe is logged as a violation. Without the probe, zod interprets.
config({ jitless: true });

export type FieldErrors = Record<string, string>;
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: FieldErrors };
export type FormMessageState = { tone: "error" | "success"; text: string } | null;

/**
 * Sends JSON to one of the route handlers and reads its answer: the data, or the French
 * (or English) message and field messages of `{ error: { code, message, fields? } }`.
 */
export async function callApi<T = unknown>(t: Translate, method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (response.ok) {
      const data = response.status === 204 ? null : await response.json().catch(() => null);
      return { ok: true, data: data as T };
    }
    const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string; fields?: FieldErrors } };
    return { ok: false, message: payload.error?.message ?? t("errors.generic"), fields: payload.error?.fields ?? {} };
  } catch {
    return { ok: false, message: t("errors.network"), fields: {} };
  }
}

/** Checks a form's values with the schema the route handler uses: translated field messages, or null when valid. */
export function checkWith(t: Translate, schema: z.ZodType, values: unknown): FieldErrors | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  return Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([field, key]) => [field, t(key)]));
}
