import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("une phrase de passe");
    expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    expect(hash).not.toContain("une phrase de passe");
    expect(await verifyPassword("une phrase de passe", hash)).toBe(true);
    expect(await verifyPassword("une phrase de passe ", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("même mot de passe")).not.toBe(await hashPassword("même mot de passe"));
  });

  it.each(["", "bcrypt$abc", "scrypt$1$2"])("refuses a malformed stored hash %j", async (stored) => {
    expect(await verifyPassword("x", stored)).toBe(false);
  });
});
