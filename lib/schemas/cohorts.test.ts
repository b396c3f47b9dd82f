import { describe, expect, it } from "vitest";
import { assignmentDueSchema, assignmentSchema, cohortSchema, extensionSchema, invitationsSchema, joinSchema, MAX_INVITATIONS_AT_ONCE } from "./cohorts";

/** The catalogue keys of a failed parse, by field path. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("assignmentSchema", () => {
  const item = { itemKind: "module", itemId: "marche-vendre-sur-amazon" };
  const ok: [string, Record<string, unknown>, object][] = [
    ["no due date", { ...item, dueKind: "none" }, { dueKind: "none", dueOn: null, dueDays: null }],
    ["fixed day", { ...item, dueKind: "fixed", dueOn: "2026-12-10" }, { dueKind: "fixed", dueOn: "2026-12-10", dueDays: null }],
    ["fixed on a leap day", { ...item, dueKind: "fixed", dueOn: "2028-02-29" }, { dueKind: "fixed", dueOn: "2028-02-29", dueDays: null }],
    ["relative, 1 day", { ...item, dueKind: "relative", dueDays: 1 }, { dueKind: "relative", dueOn: null, dueDays: 1 }],
    ["relative, 365 days", { ...item, dueKind: "relative", dueDays: 365 }, { dueKind: "relative", dueOn: null, dueDays: 365 }],
    ["relative, days from a form field", { ...item, dueKind: "relative", dueDays: "14" }, { dueKind: "relative", dueOn: null, dueDays: 14 }],
    ["fixed: stray dueDays dropped", { ...item, dueKind: "fixed", dueOn: "2026-12-10", dueDays: 5 }, { dueKind: "fixed", dueOn: "2026-12-10", dueDays: null }],
    ["relative: stray dueOn dropped", { ...item, dueKind: "relative", dueOn: "2026-12-10", dueDays: 5 }, { dueKind: "relative", dueOn: null, dueDays: 5 }],
    ["none: stray fields dropped", { ...item, dueKind: "none", dueOn: "2026-12-10", dueDays: 5 }, { dueKind: "none", dueOn: null, dueDays: null }],
    ["a chapter", { itemKind: "chapter", itemId: "logistique", dueKind: "none", dueOn: "", dueDays: "" }, { itemKind: "chapter", itemId: "logistique", dueOn: null, dueDays: null }],
  ];
  it.each(ok)("accepts %s", (_name, input, expected) => {
    const result = assignmentSchema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject(expected);
  });

  const bad: [string, Record<string, unknown>, Record<string, string>][] = [
    ["fixed without a day", { ...item, dueKind: "fixed" }, { dueOn: "errors.assignment.dueOnRequired" }],
    ["fixed with an empty day", { ...item, dueKind: "fixed", dueOn: "" }, { dueOn: "errors.assignment.dueOnRequired" }],
    ["fixed on a day that does not exist", { ...item, dueKind: "fixed", dueOn: "2026-02-29" }, { dueOn: "errors.day.invalid" }],
    ["fixed with a French-style date", { ...item, dueKind: "fixed", dueOn: "10/12/2026" }, { dueOn: "errors.day.invalid" }],
    ["relative without days", { ...item, dueKind: "relative" }, { dueDays: "errors.assignment.dueDays" }],
    ["relative with empty days", { ...item, dueKind: "relative", dueDays: "" }, { dueDays: "errors.assignment.dueDays" }],
    ["relative, 0 days", { ...item, dueKind: "relative", dueDays: 0 }, { dueDays: "errors.assignment.dueDays" }],
    ["relative, 366 days", { ...item, dueKind: "relative", dueDays: 366 }, { dueDays: "errors.assignment.dueDays" }],
    ["relative, negative", { ...item, dueKind: "relative", dueDays: -3 }, { dueDays: "errors.assignment.dueDays" }],
    ["relative, fractional", { ...item, dueKind: "relative", dueDays: 2.5 }, { dueDays: "errors.assignment.dueDays" }],
    ["relative, not a number", { ...item, dueKind: "relative", dueDays: "deux" }, { dueDays: "errors.assignment.dueDays" }],
    ["an unknown due kind", { ...item, dueKind: "weekly" }, { dueKind: "errors.assignment.dueKind" }],
    ["an unknown item kind", { itemKind: "quiz", itemId: "x", dueKind: "none" }, { itemKind: "errors.assignment.item" }],
    ["an empty item id", { itemKind: "module", itemId: "", dueKind: "none" }, { itemId: "errors.assignment.item" }],
  ];
  it.each(bad)("refuses %s", (_name, input, expected) => {
    const result = assignmentSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(issues(result)).toMatchObject(expected);
  });

  it("refuses unknown fields", () => expect(assignmentSchema.safeParse({ ...item, dueKind: "none", cohortId: "x" }).success).toBe(false));
});

describe("assignmentDueSchema", () => {
  it.each([
    [{ dueKind: "fixed", dueOn: "2026-12-10" }, true],
    [{ dueKind: "fixed" }, false],
    [{ dueKind: "relative", dueDays: 30 }, true],
    [{ dueKind: "relative", dueDays: 0 }, false],
    [{ dueKind: "relative" }, false],
    [{ dueKind: "none" }, true],
    [{ dueKind: "none", itemId: "x" }, false],
  ])("%j → %s", (input, ok) => expect(assignmentDueSchema.safeParse(input).success).toBe(ok));
});

describe("invitationsSchema", () => {
  const ok: [string, string, string[]][] = [
    ["one address", "ana@exemple.fr", ["ana@exemple.fr"]],
    ["commas, semicolons, spaces and new lines", "ana@exemple.fr, bob@exemple.fr;cid@exemple.fr\ndan@exemple.fr\r\n\teve@exemple.fr  fay@exemple.fr", ["ana@exemple.fr", "bob@exemple.fr", "cid@exemple.fr", "dan@exemple.fr", "eve@exemple.fr", "fay@exemple.fr"]],
    ["duplicates, also in other cases, once", "Ana@Exemple.fr\nana@exemple.fr; ANA@EXEMPLE.FR, bob@exemple.fr", ["ana@exemple.fr", "bob@exemple.fr"]],
    ["empty pieces between separators", ";;ana@exemple.fr,,, ;\n\nbob@exemple.fr;", ["ana@exemple.fr", "bob@exemple.fr"]],
    ["as pasted from a spreadsheet column", "ana@exemple.fr\r\nbob@exemple.fr\r\n", ["ana@exemple.fr", "bob@exemple.fr"]],
  ];
  it.each(ok)("reads %s", (_name, emails, expected) => expect(invitationsSchema.parse({ emails })).toEqual({ emails: expected }));

  const bad: [string, string, string][] = [
    ["nothing", "", "errors.invitations.empty"],
    ["only separators", " ,;\n ", "errors.invitations.empty"],
    ["an invalid address among good ones", "ana@exemple.fr, pas-une-adresse, bob@exemple.fr", "errors.email.invalid"],
    ["an address without domain", "ana@", "errors.email.invalid"],
    ["too many at once", Array.from({ length: MAX_INVITATIONS_AT_ONCE + 1 }, (_, i) => `p${i}@exemple.fr`).join("\n"), "errors.invitations.tooMany"],
  ];
  it.each(bad)("refuses %s", (_name, emails, key) => {
    const result = invitationsSchema.safeParse({ emails });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(key);
  });

  it("accepts exactly the maximum", () => {
    const emails = Array.from({ length: MAX_INVITATIONS_AT_ONCE }, (_, i) => `p${i}@exemple.fr`).join(",");
    expect(invitationsSchema.parse({ emails }).emails).toHaveLength(MAX_INVITATIONS_AT_ONCE);
  });

  it("says which address is invalid", () => {
    const result = invitationsSchema.safeParse({ emails: "ana@exemple.fr, nope" });
    expect(result.error!.issues[0]!.path).toEqual(["emails", 1]);
  });
});

describe("joinSchema", () => {
  const table: [string, string | null][] = [
    ["abcd efgh", "ABCDEFGH"],
    ["ABCD-EFGH", "ABCDEFGH"],
    [" 2345-6789 ", "23456789"],
    ["ABCD-EFG0", null],
    ["ABCD", null],
    ["", null],
    ["A".repeat(41), null],
  ];
  it.each(table)("%j → %j", (code, expected) => {
    const result = joinSchema.safeParse({ code });
    expect(result.success ? result.data.code : null).toBe(expected);
    if (!expected) expect(result.error!.issues[0]!.message).toBe("errors.joinCode.invalid");
  });
  it("refuses a number", () => expect(joinSchema.safeParse({ code: 12345678 }).success).toBe(false));
});

describe("cohortSchema and extensionSchema", () => {
  it.each([
    [{ name: "Groupe de janvier" }, true],
    [{ name: "  " }, false],
    [{ name: "x".repeat(81) }, false],
    [{ name: "G", startsOn: "2026-01-05", endsOn: "2026-01-05" }, true],
    [{ name: "G", startsOn: "2026-01-05", endsOn: "2026-01-04" }, false],
    [{ name: "G", startsOn: "", endsOn: "" }, true],
    [{ name: "G", reminderDaysBefore: "0" }, true],
    [{ name: "G", reminderDaysBefore: 31 }, false],
    [{ dueOn: "2026-12-10" }, false],
    // Found by the fuzz: an invalid day beside a valid one threw from the date-order check (500).
    [{ name: "G", startsOn: "__proto__", endsOn: "2030-03-01" }, false],
    [{ name: "G", startsOn: "2030-03-01", endsOn: "2026-02-30" }, false],
    [{ name: "G", startsOn: 20300301, endsOn: "2030-03-01" }, false],
  ])("cohort %j → %s", (input, ok) => expect(cohortSchema.safeParse(input).success).toBe(ok));

  it.each([
    [{ dueOn: "2026-12-10" }, true],
    [{ dueOn: "" }, false],
    [{ dueOn: "2026-02-30" }, false],
    [{}, false],
  ])("extension %j → %s", (input, ok) => expect(extensionSchema.safeParse(input).success).toBe(ok));
});
