import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { changeRoleSchema, signUpSchema } from "./auth";

const valid = {
  email: "  Martine@Boulangerie-Riou.FR ",
  password: "farine et levain",
  name: "Boulangerie Riou",
  sector: "alimentation",
  department: "35",
  sizeBand: "1-9",
};

describe("signUpSchema", () => {
  it("accepts a complete form and normalises the e-mail", () => {
    const parsed = signUpSchema.parse(valid);
    expect(parsed.email).toBe("martine@boulangerie-riou.fr");
  });

  const table: [string, Record<string, unknown>, string, string][] = [
    ["bad e-mail", { email: "martine" }, "email", "errors.email.invalid"],
    ["short password", { password: "court" }, "password", "errors.password.tooShort"],
    ["long password", { password: "x".repeat(201) }, "password", "errors.password.tooLong"],
    ["blank name", { name: "   " }, "name", "errors.name.required"],
    ["unknown sector", { sector: "banque" }, "sector", "errors.sector.invalid"],
    ["unknown département", { department: "99" }, "department", "errors.department.invalid"],
    ["département as a number", { department: 35 }, "department", "errors.department.invalid"],
    ["unknown size band", { sizeBand: "250+" }, "sizeBand", "errors.sizeBand.invalid"],
    ["missing sector", { sector: undefined }, "sector", "errors.sector.invalid"],
  ];
  it.each(table)("%s → %s: %s", (_name, change, field, key) => {
    const result = signUpSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)[field]).toBe(key);
  });

  it("refuses a role smuggled into sign-up (the body schema is strict)", () => {
    const result = signUpSchema.safeParse({ ...valid, role: "admin" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["role"] });
  });
});

describe("changeRoleSchema", () => {
  it.each(["merchant", "trainer", "admin"])("accepts %s", (role) => {
    expect(changeRoleSchema.parse({ role }).role).toBe(role);
  });
  it.each(["superadmin", "", null, 3])("refuses %j", (role) => {
    expect(changeRoleSchema.safeParse({ role }).success).toBe(false);
  });
});
