// Applies the SQL migrations of prisma/<engine>/migrations to the database named by a URL.
// Why not `prisma migrate deploy`: with the JS schema engine that these offline machines need,
// deploy on PostgreSQL fails in @prisma/adapter-pg 6.19.3 (it cannot read the `name`/`"char"`
// columns of Prisma's catalogue queries, prisma/orm#27403), and on SQLite it costs ~2 s of WASM
// start-up. This runner keeps Prisma's own `_prisma_migrations` table and checksums, so
// `prisma migrate status` and a later `migrate deploy` agree with it.
// Each migration runs in a transaction; on PostgreSQL an advisory lock lets several instances
// start at once without applying a migration twice.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MIGRATIONS_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const MIGRATIONS_TABLE_POSTGRES = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;
const ADVISORY_LOCK_ID = 72_707_369;

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The migrations of prisma/<engine>/migrations, oldest first: name, SQL and Prisma's checksum of it. */
export function readMigrations(engine) {
  const dir = join(root, "prisma", engine, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkApplied(applied, migrations) {
  for (const row of applied) {
    const local = migrations.find((m) => m.name === row.migration_name);
    if (!local) throw new Error(`Migration ${row.migration_name} is applied to the database but missing from prisma/`);
    if (local.checksum !== row.checksum) {
      throw new Error(`Migration ${row.migration_name} was changed after it was applied (checksum mismatch)`);
    }
  }
}

export function sqliteFilePath(url) {
  return resolve(process.cwd(), url.replace(/^file:/, "").split("?")[0]);
}

async function migrateSqlite(url) {
  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // WAL: readers do not wait for the writer; the setting is stored in the database file.
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(MIGRATIONS_TABLE_SQLITE);
    const migrations = readMigrations("sqlite");
    const applied = db.prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all();
    checkApplied(applied, migrations);
    const done = new Set(applied.map((row) => row.migration_name));
    const newlyApplied = [];
    // Like Prisma on SQLite: foreign keys off while a migration rebuilds tables (the pragma is a
    // no-op inside a transaction, and a rebuilt parent table would otherwise cascade its deletes),
    // then checked before commit.
    db.pragma("foreign_keys = OFF");
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      db.transaction(() => {
        db.exec(migration.sql);
        const violations = db.pragma("foreign_key_check");
        if (violations.length) throw new Error(`Migration ${migration.name} breaks foreign keys: ${JSON.stringify(violations.slice(0, 3))}`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, new Date().toISOString());
      }).immediate();
      newlyApplied.push(migration.name);
    }
    db.pragma("foreign_keys = ON");
    return newlyApplied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_ID]);
    await client.query(MIGRATIONS_TABLE_POSTGRES);
    const migrations = readMigrations("postgresql");
    const { rows: applied } = await client.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    checkApplied(applied, migrations);
    const done = new Set(applied.map((row) => row.migration_name));
    const newlyApplied = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${error.message}`);
      }
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_ID]).catch(() => {});
    await client.end();
  }
}

/** Applies pending migrations; returns the names of those it applied. */
export async function migrateDatabase(url) {
  return isPostgresUrl(url) ? migratePostgres(url) : migrateSqlite(url);
}

export function hasSqliteFile(url) {
  return !isPostgresUrl(url) && existsSync(sqliteFilePath(url));
}
