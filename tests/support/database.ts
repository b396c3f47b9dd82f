// Test-only database plumbing through the drivers (not the Prisma client, which only server/data
// uses): a fresh migrated database per test run, emptied before each test.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isPostgresUrl, migrateDatabase, sqliteFilePath } from "../../scripts/lib/migrate.mjs";

export const TABLES = ["LiveReminder", "LiveRegistration", "LiveSession", "RevokedAttestation", "StatCounter", "ModuleSliceStat", "Reminder", "Notification", "EmailMessage", "AssignmentExtension", "Assignment", "CohortMember", "Cohort", "ProgressReport", "QuizAttempt", "Attestation", "ModuleProgress", "ModuleStat", "ChapterStat", "ProgrammeStat", "AuditEntry", "LoginThrottle", "User"];

export function ensureTestDatabaseUrl(): string {
  if (!process.env.DATABASE_URL || !process.env.DATABASE_URL.includes("test")) {
    process.env.DATABASE_URL = `file:${join(tmpdir(), `accelerateur-test-${randomBytes(6).toString("hex")}.db`)}`;
  }
  return process.env.DATABASE_URL;
}

export async function migrateTestDatabase(url: string) {
  await migrateDatabase(url);
}

export async function resetDatabase(url: string) {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
    } finally {
      await client.end();
    }
    return;
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(sqliteFilePath(url));
  try {
    db.transaction(() => {
      for (const table of TABLES) db.prepare(`DELETE FROM "${table}"`).run();
    })();
  } finally {
    db.close();
  }
}
