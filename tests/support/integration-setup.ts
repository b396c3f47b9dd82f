import { beforeAll, beforeEach } from "vitest";
import { ensureTestDatabaseUrl, migrateTestDatabase, resetDatabase } from "./database";

// A test-only signing key; production keys come from AUTH_SECRET or data/auth-secret.
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
const url = ensureTestDatabaseUrl();

beforeAll(async () => {
  await migrateTestDatabase(url);
});

beforeEach(async () => {
  await resetDatabase(url);
});
