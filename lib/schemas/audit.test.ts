import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { auditFiltersSchema, serializeAuditDetails } from "./audit";

describe("audit filters", () => {
  const valid: [input: Record<string, unknown>, expected: Record<string, unknown>][] = [
    [{}, { page: 1 }],
    [{ who: "", whose: "", action: "", from: "", to: "", page: "" }, { page: 1 }],
    [{ who: "  Karim ", whose: "ana@exemple.test", action: "learner.viewed", from: "2026-01-01", to: "2026-01-01", page: "3" }, { who: "Karim", whose: "ana@exemple.test", action: "learner.viewed", from: "2026-01-01", to: "2026-01-01", page: 3 }],
    [{ who: "   " }, { page: 1 }],
    [{ utm_source: "x", page: "2" }, { page: 2 }],
  ];
  it.each(valid)("%j is accepted", (input, expected) => {
    const parsed = auditFiltersSchema.safeParse(input);
    expect(parsed.success && Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined))).toEqual(expected);
  });

  const invalid: [input: Record<string, unknown>, errors: Record<string, string>][] = [
    [{ action: "user.deleted" }, { action: "audit.errors.action" }],
    [{ from: "2026-02-30" }, { from: "audit.errors.day" }],
    [{ to: "31/01/2026" }, { to: "audit.errors.day" }],
    [{ from: "2026-02-02", to: "2026-02-01" }, { to: "audit.errors.range" }],
    [{ who: "x".repeat(101) }, { who: "audit.errors.textTooLong" }],
    [{ whose: ["a", "b"] }, { whose: "audit.errors.text" }],
    [{ page: "0" }, { page: "audit.errors.page" }],
    [{ page: "deux" }, { page: "audit.errors.page" }],
    [{ page: "1.5" }, { page: "audit.errors.page" }],
    [{ page: "1e9" }, { page: "audit.errors.page" }],
  ];
  it.each(invalid)("%j is refused with a message", (input, errors) => {
    const parsed = auditFiltersSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toEqual(errors);
  });
});

describe("audit details", () => {
  it("are written as JSON when they fit their action", () => {
    expect(serializeAuditDetails("users.listed", { page: 2, isSearch: true })).toBe('{"page":2,"isSearch":true}');
    expect(serializeAuditDetails("cohort.exported", { cohortId: "cohorte-demo", learners: 5 })).toBe('{"cohortId":"cohorte-demo","learners":5}');
  });

  it("refuse anything else: a name, an e-mail or a search text cannot be slipped in", () => {
    expect(() => serializeAuditDetails("users.listed", { page: 1, isSearch: true, query: "ana@exemple.test" } as never)).toThrow();
    expect(() => serializeAuditDetails("learner.viewed", { cohortId: "ana@exemple.test" })).toThrow();
    expect(() => serializeAuditDetails("user.role-changed", { from: "merchant", to: "owner" } as never)).toThrow();
  });
});
