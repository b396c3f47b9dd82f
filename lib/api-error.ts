import type { ErrorCode } from "./errors";
import { makeTranslator, type Locale, type MessageKey } from "./i18n";

export type ApiErrorBody = { error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

/** The JSON error body of every API answer, in the requester's language (server/http.ts, proxy.ts). */
export function apiErrorBody(code: ErrorCode, locale: Locale, fields?: Record<string, string>): ApiErrorBody {
  const t = makeTranslator(locale);
  const translated = fields ? Object.fromEntries(Object.entries(fields).map(([k, key]) => [k, t(key as MessageKey)])) : undefined;
  return { error: { code, message: t(`errors.${code}`), ...(translated ? { fields: translated } : {}) } };
}
