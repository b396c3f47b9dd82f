// Prisma CLI configuration. The JS schema engine (engine: "js") is used so that no command
// downloads a native engine binary: these machines reach only the npm registry.
// PRISMA_ENGINE (sqlite | postgresql) picks which generated schema the CLI works on; by default the
// engine follows DATABASE_URL, like the running app (server/db.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI needs a URL even for `generate`; the app itself reads DATABASE_URL through server/env.ts.
const isPostgresUrl = (url: string | undefined) => !!url && /^postgres(ql)?:\/\//.test(url);
const engine = process.env.PRISMA_ENGINE ?? (isPostgresUrl(process.env.DATABASE_URL) ? "postgresql" : "sqlite");
// A schema whose URL does not match its provider cannot be read, and the CLI then reports it as a
// failed engine download: give `generate` a well-formed placeholder for the other engine.
const databaseUrl =
  engine === "postgresql"
    ? isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL! : "postgresql://localhost:5432/accelerateur"
    : !isPostgresUrl(process.env.DATABASE_URL) && process.env.DATABASE_URL ? process.env.DATABASE_URL : "file:./data/accelerateur.db";
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", engine, "schema.prisma"),
  migrations: { path: path.join("prisma", engine, "migrations") },
  async adapter() {
    if (engine === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: databaseUrl });
    }
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
