import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ACCOUNT_POLICY, IP_POLICY } from "@/lib/throttle";
import { authenticate, countUsers, createMerchant, findSessionUser } from "@/server/data/users";
import { createUser, merchantInput, TEST_PASSWORD, uniqueEmail } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

describe(`accounts on ${engine}`, () => {
  it("signs up a merchant with a hashed password and the business profile", async () => {
    const input = merchantInput({ email: "Martine@Exemple.test".toLowerCase() });
    const user = await createMerchant(input);
    expect(user.role).toBe("merchant");
    expect(await findSessionUser(user.id)).toEqual({ id: user.id, role: "merchant", name: input.name, email: input.email });
  });

  it("refuses a second account with the same e-mail and writes nothing", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const before = await countUsers();
    await expect(createMerchant({ ...input, name: "Autre" })).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    expect(await countUsers()).toBe(before);
  });

  it("authenticates with the right password only", async () => {
    const input = merchantInput();
    const user = await createMerchant(input);
    expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: "203.0.113.1" })).toMatchObject({ id: user.id });
    expect(await authenticate({ email: input.email, password: "mauvais mot de passe", clientAddress: "203.0.113.1" })).toBeNull();
    expect(await authenticate({ email: uniqueEmail("inconnu"), password: TEST_PASSWORD, clientAddress: "203.0.113.1" })).toBeNull();
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const input = merchantInput();
    await createMerchant(input);
    for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) {
      expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: `203.0.113.${i + 10}` })).toBeNull();
    }
    const attempt = authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: "203.0.113.99" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: "203.0.113.99" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("a success before the limit clears the account's failures", async () => {
    const input = merchantInput();
    await createMerchant(input);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) {
        await authenticate({ email: input.email, password: "mauvais", clientAddress: `198.51.100.${round}` });
      }
      expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: `198.51.100.${round}` })).not.toBeNull();
    }
  });

  it("locks an address that fails on many accounts", async () => {
    const address = "192.0.2.77";
    for (let i = 0; i < IP_POLICY.maxFailures; i++) {
      await authenticate({ email: uniqueEmail("devine"), password: "mauvais", clientAddress: address });
    }
    const victim = await createUser("merchant");
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, clientAddress: address })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await authenticate({ email: victim.email, password: TEST_PASSWORD, clientAddress: "192.0.2.78" })).not.toBeNull();
  });
});
