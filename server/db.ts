import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
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

/** The SQLite driver connection Prisma uses (and its transaction lock), for the one hot path that talks to the driver directly. */
export type SqliteDriver = {
  /** The better-sqlite3 connection (integers read as BigInt: Prisma's setting). */
  client: import("better-sqlite3").Database;
  /** Prisma's own transaction start on that connection: takes its lock, then BEGIN. `commit`/`rollback` only release the lock. */
  startTransaction: () => Promise<{ commit: () => Promise<void>; rollback: () => Promise<void> }>;
};

const globalForDb = globalThis as unknown as {
  accelerateurPgPool?: import("pg").Pool;
  accelerateurDb?: { url: string; client: Db };
  accelerateurCountQueries?: boolean;
  accelerateurSqliteDriver?: SqliteDriver;
};

type PgTransaction = {
  client: { release: (error?: Error | boolean) => void };
  executeRaw: (query: { sql: string }) => Promise<number>;
  commit: () => Promise<void>;
  rollback: () => Promise<void>;
};

/**
 * Prisma 6.19 leaks a pooled PostgreSQL connection when COMMIT itself fails: it sends COMMIT and
 * only then calls the transaction's commit(), which is what gives the connection back to the pool.
 * A serializable transaction that PostgreSQL refuses at COMMIT (SQLSTATE 40001, found by the
 * heartbeat benchmark) kept its connection for ever; after ten, the instance hung. Here a COMMIT or
 * ROLLBACK that fails closes its connection (the pool opens another), once; commit() and rollback()
 * afterwards do nothing. The error still reaches the caller, which retries a conflict.
 */
function releasingFailedCommits(factory: PrismaPg): PrismaPg {
  return Object.assign(Object.create(factory) as PrismaPg, {
    connect: async () => {
      const adapter = await factory.connect();
      // The pool under Prisma, for the heartbeat's hot path (server/data/progress-postgres.ts).
      globalForDb.accelerateurPgPool = adapter.underlyingDriver() as import("pg").Pool;
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const transaction = await startTransaction(isolationLevel);
        const tx = transaction as unknown as PgTransaction;
        const { commit, rollback, executeRaw } = { commit: tx.commit.bind(tx), rollback: tx.rollback.bind(tx), executeRaw: tx.executeRaw.bind(tx) };
        let isReleased = false;
        tx.commit = async () => {
          if (isReleased) return;
          isReleased = true;
          await commit();
        };
        tx.rollback = async () => {
          if (isReleased) return;
          isReleased = true;
          await rollback();
        };
        tx.executeRaw = async (query) => {
          try {
            return await executeRaw(query);
          } catch (error) {
            if ((query.sql === "COMMIT" || query.sql === "ROLLBACK") && !isReleased) {
              isReleased = true;
              tx.client.release(error instanceof Error ? error : true);
            }
            throw error;
          }
        };
        return transaction;
      };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
}

function createClient(url: string): Db {
  const wrap = globalForDb.accelerateurCountQueries ? countingProxy : <T>(adapter: T) => adapter;
  if (isPostgresUrl(url)) {
    // A request waits at most 10 s for a pooled connection, then fails (a 500, said in the log)
    // instead of hanging for ever.
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
    return new PostgresClient({ adapter: wrap(releasingFailedCommits(adapter)) }) as unknown as Db;
  }
  // Wait up to 5 s for a lock instead of failing at once when two requests write together.
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  // Keep hold of the connection Prisma opens, so that the progress hot path (server/data/
  // progress-sqlite.ts) runs on the same connection, under the same transaction lock.
  const capturing = Object.assign(Object.create(factory) as typeof factory, {
    connect: async () => {
      const adapter = await factory.connect();
      const driver = adapter as unknown as { client: SqliteDriver["client"]; startTransaction: (level?: string) => Promise<{ commit: () => Promise<void>; rollback: () => Promise<void> }> };
      globalForDb.accelerateurSqliteDriver = { client: driver.client, startTransaction: () => driver.startTransaction("SERIALIZABLE") };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
  return new SqliteClient({ adapter: wrap(capturing) });
}

/** The SQLite connection under Prisma (connecting it if needed), or null on PostgreSQL. */
export async function getSqliteDriver(): Promise<SqliteDriver | null> {
  if (isPostgres()) return null;
  if (!globalForDb.accelerateurSqliteDriver) await getDb().$connect();
  return globalForDb.accelerateurSqliteDriver ?? null;
}

/** The node-postgres pool Prisma uses (connecting Prisma if needed), or null on SQLite. */
export async function getPgPool(): Promise<import("pg").Pool | null> {
  if (!isPostgres()) return null;
  if (!globalForDb.accelerateurPgPool) await getDb().$connect();
  return globalForDb.accelerateurPgPool ?? null;
}

type PreparedRead = { sql: string; order: number[] };
const sqliteReads = new WeakMap<SqliteDriver["client"], Map<string, { statement: import("better-sqlite3").Statement; order: number[] }>>();

/**
 * A read on every request (the session's account, the unread count of the header) as one prepared
 * statement on the driver under Prisma, not through Prisma's query compiler (1–5 ms of CPU per query
 * with Prisma 6 on this machine): on SQLite Prisma's own connection (as Prisma's own reads outside a
 * transaction run), on PostgreSQL a named statement on Prisma's pool, parsed once per connection.
 * `sql` uses PostgreSQL's $1, $2… placeholders; for SQLite they become `?`, bound in their order.
 */
export async function readRows<R>(name: string, sql: string, values: readonly unknown[]): Promise<R[]> {
  const tally = queryTally.getStore();
  if (!tally) return readPrepared<R>(name, sql, values);
  // Benchmarks (countQueries): counted like the statements Prisma sends through the adapter.
  const started = performance.now();
  try {
    return await readPrepared<R>(name, sql, values);
  } finally {
    const ms = performance.now() - started;
    tally.count++;
    tally.driverMs += ms;
    tally.statements.push({ sql, ms });
  }
}

async function readPrepared<R>(name: string, sql: string, values: readonly unknown[]): Promise<R[]> {
  const driver = await getSqliteDriver();
  if (driver) {
    let reads = sqliteReads.get(driver.client);
    if (!reads) sqliteReads.set(driver.client, (reads = new Map()));
    let read = reads.get(name);
    if (!read) {
      const parsed = toSqlitePlaceholders(sql);
      read = { statement: driver.client.prepare(parsed.sql), order: parsed.order };
      reads.set(name, read);
    }
    return read.statement.all(...read.order.map((n) => values[n - 1])) as R[];
  }
  const pool = await getPgPool();
  if (!pool) throw new Error("No database driver");
  return (await pool.query({ name, text: sql, values: [...values] })).rows as R[];
}

function toSqlitePlaceholders(sql: string): PreparedRead {
  const order: number[] = [];
  return { sql: sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n)), "?")), order };
}

export function getDb(): Db {
  const { DATABASE_URL } = getEnv();
  if (globalForDb.accelerateurDb?.url !== DATABASE_URL) {
    delete globalForDb.accelerateurSqliteDriver;
    delete globalForDb.accelerateurPgPool;
    globalForDb.accelerateurDb = { url: DATABASE_URL, client: createClient(DATABASE_URL) };
  }
  return globalForDb.accelerateurDb.client;
}

/**
 * A DateTime column as readRows should select it: as milliseconds since 1970 (a number), computed
 * by the database. PostgreSQL's are timestamps without a time zone, in UTC (Prisma's convention):
 * EXTRACT(EPOCH …) reads them as UTC; SQLite's are ISO text ("…+00:00"), which unixepoch reads to
 * the millisecond. A number costs the driver nothing to parse, where node-postgres turns every
 * timestamp into a Date with a regular expression (a third of the cohort dashboard's CPU time on
 * PostgreSQL). instantOf turns the value into a Date, instantMs into a number.
 */
export function instantColumn(column: string): string {
  return isPostgres() ? `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8` : `round(unixepoch(${column}, 'subsec') * 1000)`;
}

/** A DateTime value read that way (or as stored: ISO text, a Date), as milliseconds since 1970, or null. */
export function instantMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return value instanceof Date ? value.getTime() : Date.parse(String(value));
}

/** A DateTime value read that way (or as stored), as a Date, or null. */
export function instantOf(value: unknown): Date | null {
  const ms = instantMs(value);
  return ms === null ? null : new Date(ms);
}

export function isPostgres(): boolean {
  return isPostgresUrl(getEnv().DATABASE_URL);
}

/*
 * Benchmarks only (bench/cohort-dashboard.bench.mts), off by default: enableQueryCounting(), called
 * before the first getDb(), wraps the driver adapter so that countQueries(fn) can tell how many SQL
 * statements fn sent to the database and how long the driver took over them (the adapter sees every
 * statement, including those Prisma splits a query into). Without enableQueryCounting() the adapter
 * is passed to Prisma untouched, so production does not go through this code.
 */
type QueryTally = { count: number; driverMs: number; statements: { sql: string; ms: number }[] };
const queryTally = new AsyncLocalStorage<QueryTally>();

/** Forwards everything to the adapter (factory, connection, transaction), timing queryRaw/executeRaw. */
function countingProxy<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== "function") return value;
      if (key === "queryRaw" || key === "executeRaw") {
        return async (query: { sql: string }, ...rest: unknown[]) => {
          const tally = queryTally.getStore();
          const started = performance.now();
          try {
            return await value.call(object, query, ...rest);
          } finally {
            if (tally) {
              const ms = performance.now() - started;
              tally.count++;
              tally.driverMs += ms;
              tally.statements.push({ sql: query.sql, ms });
            }
          }
        };
      }
      if (key === "connect" || key === "startTransaction") return async (...args: unknown[]) => countingProxy(await value.apply(object, args));
      return value.bind(object);
    },
  });
}

export function enableQueryCounting() {
  globalForDb.accelerateurCountQueries = true;
  delete globalForDb.accelerateurDb;
  delete globalForDb.accelerateurSqliteDriver;
  delete globalForDb.accelerateurPgPool;
}

/** Runs fn, counting its SQL statements (only after enableQueryCounting()). BEGIN/COMMIT are not counted. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T } & QueryTally> {
  const tally: QueryTally = { count: 0, driverMs: 0, statements: [] };
  // Awaited inside run(): a Prisma query starts when it is awaited, and must start in the tally's context.
  const result = await queryTally.run(tally, async () => await fn());
  return { result, ...tally };
}

/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
