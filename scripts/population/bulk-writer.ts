import { resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "@/server/env";
import type { ColumnType, TableSpec } from "./rows";

// The population's one writer: bulk inserts through the driver, into the database of a URL.
//
// Not through Prisma: with the JS engine (6.19), createMany costs about 0.6 ms a row here (its
// query interpreter renders every bound parameter one by one) and a raw multi-row INSERT about
// 80 µs, i.e. half an hour or five minutes for the benchmark's 3.5 million rows. The driver does it
// in seconds: on SQLite one prepared INSERT run per row inside a transaction (no statement, so no
// bound-parameter limit, holds more than a row), on PostgreSQL one INSERT … SELECT FROM unnest(…)
// per table and batch, with one array parameter per column (COPY-like). Values are written in the
// very format Prisma's driver adapters write them, so Prisma reads them back unchanged: DateTime as
// ISO text "…+00:00" and booleans as 0/1 on SQLite, timestamp(3) in UTC on PostgreSQL.
// tests/integration/population-writer.test.ts writes the same rows through Prisma and through this
// writer and compares what each stored, column by column: a change of Prisma's formats fails there.

export type Writer = {
  /** Inserts the tables' rows in one transaction, in the order given (parents first). */
  write: (tables: { spec: TableSpec<never>; rows: readonly object[] }[]) => Promise<void>;
  close: () => Promise<void>;
};
export const part = <Row,>(spec: TableSpec<Row>, rows: readonly Row[]) => ({ spec: spec as unknown as TableSpec<never>, rows: rows as readonly object[] });

export async function openWriter(url: string): Promise<Writer> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const sqlType = { text: "text", int: "integer", float: "double precision", bool: "boolean", timestamp: "timestamp(3)" } as const;
    return {
      write: async (tables) => {
        await client.query("BEGIN");
        try {
          for (const { spec, rows } of tables) {
            if (rows.length === 0) continue;
            const columns = spec.columns.map(([name, type]) => {
              const values = rows.map((row) => (row as Record<string, unknown>)[name] ?? null);
              return type === "timestamp" ? values.map((v) => (v === null ? null : (v as Date).toISOString().slice(0, 23))) : values;
            });
            const list = spec.columns.map(([name]) => `"${name}"`).join(", ");
            const unnest = spec.columns.map(([, type], i) => `$${i + 1}::${sqlType[type]}[]`).join(", ");
            await client.query(`INSERT INTO "${spec.table}" (${list}) SELECT * FROM unnest(${unnest})`, columns);
          }
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
      close: () => client.end(),
    };
  }
  const db = new Database(resolve(process.cwd(), url.replace(/^file:/, "").split("?")[0]!));
  db.pragma("busy_timeout = 5000");
  const statements = new Map<string, ReturnType<typeof db.prepare<unknown[]>>>();
  const statementFor = (spec: TableSpec<never>) => {
    const list = spec.columns.map(([name]) => `"${name}"`).join(", ");
    const statement = statements.get(spec.table) ?? db.prepare<unknown[]>(`INSERT INTO "${spec.table}" (${list}) VALUES (${spec.columns.map(() => "?").join(", ")})`);
    statements.set(spec.table, statement);
    return statement;
  };
  const convert: Record<ColumnType, (v: unknown) => unknown> = {
    text: (v) => v,
    int: (v) => v,
    float: (v) => v,
    bool: (v) => (v ? 1 : 0),
    timestamp: (v) => (v as Date).toISOString().replace("Z", "+00:00"),
  };
  const writeAll = db.transaction((tables: { spec: TableSpec<never>; rows: readonly object[] }[]) => {
    for (const { spec, rows } of tables) {
      const statement = statementFor(spec);
      const names = spec.columns.map(([name]) => name);
      const converters = spec.columns.map(([, type]) => convert[type]);
      const values: unknown[] = new Array(names.length);
      for (const row of rows) {
        for (let i = 0; i < names.length; i++) {
          const v = (row as Record<string, unknown>)[names[i]!];
          values[i] = v === null || v === undefined ? null : converters[i]!(v);
        }
        statement.run(values);
      }
    }
  });
  return {
    write: async (tables) => {
      writeAll.immediate(tables);
    },
    close: async () => {
      db.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Behaviour inside a module
