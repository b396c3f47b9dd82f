import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, ADDRESS_POLICY, PAIR_POLICY, pairThrottleKey, throttleKeys } from "@/lib/throttle";
import { getDb } from "@/server/db";
import { purgeSpentThrottleRows } from "@/server/data/throttle";
import { authenticate, countUsers, createMerchant, findSessionUser, SignInRateLimited } from "@/server/data/users";
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

  it("an address that fails on an account is refused there for 15 minutes; the owner, from another address, still signs in", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const attacker = "203.0.113.66";
    for (let i = 0; i < PAIR_POLICY.failuresBeforeWait; i++) {
      expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: attacker }, at(i))).toBeNull();
    }
    // Even the right password is not checked from that address, and the wait is said.
    await expect(authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: attacker }, at(10))).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterS: 900 - 6 });
    expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: "198.51.100.20" }, at(11))).toMatchObject({ email: input.email });
    await expect(authenticate({ email: input.email, password: "mauvais", clientAddress: attacker }, at(12))).rejects.toBeInstanceOf(SignInRateLimited);
    // The lock ends 15 minutes after the last counted failure.
    expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: attacker }, at(4 + 900))).not.toBeNull();
  });

  it("an unknown e-mail is counted and refused exactly like an account's", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const unknown = uniqueEmail("inconnu");
    const outcomes = async (email: string, address: string) => {
      const answers: unknown[] = [];
      for (let i = 0; i <= PAIR_POLICY.failuresBeforeWait; i++) {
        answers.push(await authenticate({ email, password: "mauvais", clientAddress: address }, at(i)).catch((error: SignInRateLimited) => ({ code: error.code, retryAfterS: error.retryAfterS })));
      }
      return answers;
    };
    const known = await outcomes(input.email, "192.0.2.10");
    expect(await outcomes(unknown, "192.0.2.11")).toEqual(known);
    expect(known.at(-1)).toEqual({ code: "RATE_LIMITED", retryAfterS: 899 });
  });

  it("a success clears its address's failures on the account", async () => {
    const input = merchantInput();
    await createMerchant(input);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PAIR_POLICY.failuresBeforeWait - 1; i++) {
        await authenticate({ email: input.email, password: "mauvais", clientAddress: "198.51.100.1" });
      }
      expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: "198.51.100.1" })).not.toBeNull();
    }
    expect(await throttleRow(input.email, "198.51.100.1")).toBeNull();
    // The failures stay counted on the account (all addresses) and the address (all accounts).
    expect(await throttleRows(input.email)).toMatchObject({ account: { failures: 12 }, address: { failures: 12 } });
  });

  it("many addresses on one account: free for 20 failures, then growing waits that the owner gets past", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const free = ACCOUNT_POLICY.failuresBeforeWait;
    for (let i = 0; i < free; i++) {
      expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: `203.0.113.${100 + i}` }, at(i))).toBeNull();
    }
    const owner = "198.51.100.77";
    // The 20th failure (at 19 s) set a wait of 1 s; each further failure doubles it.
    await expect(authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: owner }, at(19.5))).rejects.toMatchObject({ retryAfterS: 1 });
    expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: "203.0.113.200" }, at(20))).toBeNull();
    await expect(authenticate({ email: input.email, password: "mauvais", clientAddress: "203.0.113.201" }, at(21))).rejects.toMatchObject({ retryAfterS: 1 });
    expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: "203.0.113.201" }, at(22))).toBeNull();
    await expect(authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: owner }, at(22))).rejects.toMatchObject({ retryAfterS: 4 });
    // The owner waits the time said, and is in.
    expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: owner }, at(26))).toMatchObject({ email: input.email });
    // Waits never exceed 5 minutes, however long the attack.
    let now = 26;
    for (let i = 0; i < 12; i++) {
      now += 300;
      expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: `203.0.113.${220 + i}` }, at(now))).toBeNull();
    }
    await expect(authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: owner }, at(now))).rejects.toMatchObject({ retryAfterS: 300 });
    expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: owner }, at(now + 300))).not.toBeNull();
    // 38 password checks (scrypt, CPU-bound): over 30 s on 2 busy cores, seen once in CI.
  }, 60_000);

  it("locks an address that fails on many accounts", async () => {
    const address = "192.0.2.77";
    for (let i = 0; i < ADDRESS_POLICY.failuresBeforeWait; i++) {
      await authenticate({ email: uniqueEmail("devine"), password: "mauvais", clientAddress: address });
    }
    const victim = await createUser("merchant");
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD, clientAddress: address })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await authenticate({ email: victim.email, password: TEST_PASSWORD, clientAddress: "192.0.2.78" })).not.toBeNull();
  });

  it("concurrent attempts from one address are counted one by one: no more than 5 passwords checked, no error", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const address = "203.0.113.150";
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => authenticate({ email: input.email, password: "mauvais", clientAddress: address })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof SignInRateLimited)).toBe(true);
    expect(results.filter((r) => r.status === "fulfilled" && r.value === null)).toHaveLength(PAIR_POLICY.failuresBeforeWait);
    expect(refused).toHaveLength(12 - PAIR_POLICY.failuresBeforeWait);
    expect(await throttleRows(input.email, address)).toMatchObject({ account: { failures: 5 }, address: { failures: 5 }, pair: { failures: 5 } });
  });

  it("concurrent attempts from many addresses on one account stop at the account's threshold", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const attempts = ACCOUNT_POLICY.failuresBeforeWait + 6;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) => authenticate({ email: input.email, password: "mauvais", clientAddress: `198.51.100.${150 + i}` })),
    );
    const admitted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof SignInRateLimited)).toBe(true);
    // The 20th failure sets a 1 s wait: a slow machine may let one more in after it.
    expect(admitted.length).toBeGreaterThanOrEqual(ACCOUNT_POLICY.failuresBeforeWait);
    expect(admitted.length).toBeLessThanOrEqual(ACCOUNT_POLICY.failuresBeforeWait + 1);
    expect((await throttleRows(input.email)).account?.failures).toBe(admitted.length);
  });

  it("the scheduler's purge deletes only the rows that no longer count, and the counting goes on as if they had never been", async () => {
    const input = merchantInput();
    await createMerchant(input);
    const address = "198.51.100.77";
    // Two failures at T0: the account, address and pair rows (e-mail and client address in them).
    for (const s of [0, 1]) expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: address }, at(s))).toBeNull();
    // Another account whose wait (set near the end of its day) runs past its window.
    const waiting = uniqueEmail("attente");
    const day = ACCOUNT_POLICY.windowS;
    await getDb().loginThrottle.create({ data: { key: throttleKeys(waiting, "192.0.2.200").account, email: waiting, failures: 25, windowStartsAt: at(0), lockedUntil: at(day + 300) } });
    const rowCount = () => getDb().loginThrottle.count();
    expect(await rowCount()).toBe(4);

    // An hour later the pair's and the address's 15-minute windows are over, the account's day is not: all stay.
    expect(await purgeSpentThrottleRows(at(3600))).toBe(0);
    // A day after their first failure, the three rows count nothing; the waiting account's wait still runs.
    expect(await purgeSpentThrottleRows(at(day + 1))).toBe(3);
    expect(await throttleRows(input.email, address)).toEqual({ account: null, address: null, pair: null });
    expect(await rowCount()).toBe(1);
    await expect(authenticate({ email: waiting, password: "mauvais", clientAddress: "192.0.2.201" }, at(day + 10))).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterS: 290 });
    // Once the wait is over, that row goes too.
    expect(await purgeSpentThrottleRows(at(day + 300))).toBe(1);
    expect(await rowCount()).toBe(0);
    // A new failure starts afresh, and the owner signs in.
    expect(await authenticate({ email: input.email, password: "mauvais", clientAddress: address }, at(day + 400))).toBeNull();
    expect(await throttleRows(input.email, address)).toMatchObject({ account: { failures: 1 }, address: { failures: 1 }, pair: { failures: 1 } });
    expect(await authenticate({ email: input.email, password: TEST_PASSWORD, clientAddress: address }, at(day + 401))).toMatchObject({ email: input.email });
  });
});

const T0 = Date.parse("2026-12-01T10:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000);

async function throttleRow(email: string, address: string) {
  return getDb().loginThrottle.findUnique({ where: { key: pairThrottleKey(email, address) } });
}

async function throttleRows(email: string, address = "198.51.100.1") {
  const db = getDb();
  const keys = throttleKeys(email, address);
  const [account, addressRow, pair] = await Promise.all([keys.account, keys.address, keys.pair].map((key) => db.loginThrottle.findUnique({ where: { key } })));
  return { account, address: addressRow, pair };
}
