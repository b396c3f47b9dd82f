// Accounts for the cohort tests, which create dozens of them: like factories.ts createUser(role),
// with the same password, but hashed once per test file instead of once per account (scrypt is
// deliberately slow). Sign-in and password tests keep using factories.ts.
import { hashPassword } from "@/lib/password";
import type { Role } from "@/lib/roles";
import { getDb } from "@/server/db";
import { TEST_PASSWORD, uniqueEmail } from "./factories";

let passwordHash: Promise<string> | undefined;

export async function createAccount(role: Role, name = `Compte ${role}`, email = uniqueEmail(role)) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await getDb().user.create({
    data: { email, name, role, passwordHash: await passwordHash },
    select: { id: true, role: true, name: true, email: true },
  });
  return { ...user, role: user.role as Role };
}
