// npm run db:restore FILE — puts a backup made by db:backup back in place of the SQLite database of
// DATABASE_URL. Refuses a file that is not a sound database of this platform, and refuses while any
// process (the platform's server) has the database open; keeps the previous database aside, renamed
// <database>.before-restore-<UTC date and time>. See scripts/lib/sqlite-backup.mjs.
import { resolve } from "node:path";
import { isPostgresUrl, sqliteFilePath } from "./lib/migrate.mjs";
import { DEFAULT_DATABASE_URL } from "./lib/runtime-env.mjs";
import { DatabaseInUseError, restoreSqliteDatabase } from "./lib/sqlite-backup.mjs";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const file = process.argv[2];

if (isPostgresUrl(url)) {
  console.error(
    [
      "DATABASE_URL is a PostgreSQL database: restore a pg_dump backup (custom format) with pg_restore, platform stopped, into an empty database:",
      "",
      `  pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" ${file ?? "FILE.dump"}`,
      "",
      "See the README, « Backup and restore ».",
    ].join("\n"),
  );
  process.exit(2);
}
if (!file) {
  console.error("Usage: npm run db:restore FILE   (a backup written by npm run db:backup)");
  process.exit(2);
}

const target = sqliteFilePath(url);
try {
  const { previous, sideFiles, pending } = await restoreSqliteDatabase(resolve(process.env.INIT_CWD ?? process.cwd(), file), target);
  console.log(`✓ Restored ${file} into ${target}`);
  if (previous) console.log(`  The previous database is kept as ${previous}`);
  else if (sideFiles.length) console.log(`  Files left by an earlier database are kept as ${sideFiles.join(", ")}`);
  if (pending.length) console.log(`  ${pending.length} migration(s) newer than the backup (${pending.join(", ")}): npm start applies them`);
} catch (error) {
  console.error(`✗ ${error instanceof DatabaseInUseError ? "Not restored: " : ""}${error.message}`);
  process.exit(1);
}
