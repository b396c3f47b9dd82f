import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { getEnv, isPostgresUrl } from "./env";

/**
 * The Prisma client, for server/data/* only. The engine follows DATABASE_URL: a `file:` URL
 * is SQLite through better-sqlite3, a `postgresql://` URL is PostgreSQL through node-postgres.
 * Both clients are generated from the same models (prisma/models.prisma), so they expose the same
 * API; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;

const globalForDb = globalThis as unknown as { accelerateurDb?: { url: string; client: Db } };

function createClient(url: string): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // Wait up to 5 s for a lock instead of failing at once when two requests write together.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return new SqliteClient({ adapter });
}

export function getDb(): Db {
  const { DATABASE_URL } = getEnv();
  if (globalForDb.accelerateurDb?.url !== DATABASE_URL) {
    globalForDb.accelerateurDb = { url: DATABASE_URL, client: createClient(DATABASE_URL) };
  }
  return globalForDb.accelerateurDb.client;
}

export function isPostgres(): boolean {
  return isPostgresUrl(getEnv().DATABASE_URL);
}

/** A write refused by a unique index (Prisma's P2002): "someone else already did it". */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
