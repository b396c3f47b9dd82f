// Environment shared by `npm start`, the test runner and the benchmarks.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_DATABASE_URL = "file:./data/accelerateur.db";

/**
 * The key that signs session cookies: AUTH_SECRET when set, otherwise one generated on first start
 * and kept in data/auth-secret (git-ignored, readable by the owner only), so that sessions survive
 * a restart.
 */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(root, "data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export function baseEnv(overrides = {}) {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    ...overrides,
  };
}
