import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/roles";
import { createMerchant, createUserWithRole } from "@/server/data/users";

export const TEST_PASSWORD = "mot de passe de test";

export function uniqueEmail(prefix = "compte") {
  return `${prefix}-${randomBytes(4).toString("hex")}@exemple.test`;
}

export function merchantInput(overrides: Partial<Parameters<typeof createMerchant>[0]> = {}) {
  return {
    email: uniqueEmail("commercant"),
    password: TEST_PASSWORD,
    name: "Librairie des Tests",
    sector: "librairie" as const,
    department: "44" as const,
    sizeBand: "1-9" as const,
    ...overrides,
  };
}

export async function createUser(role: Role, name = `Compte ${role}`) {
  return createUserWithRole({ email: uniqueEmail(role), password: TEST_PASSWORD, name, role });
}
