// npm run db:backup [DIR] — a consistent copy of the SQLite database, taken while the platform serves
// (SQLite's online backup API; see scripts/lib/sqlite-backup.mjs), into DIR, else BACKUP_DIR, else
// data/backups, named accelerateur-<UTC date and time>.db. Prints the backup's path on the last line.
// On PostgreSQL it does nothing and gives the pg_dump command: PostgreSQL's own tool is the one to use
// (it needs a pg_dump as new as the server, which this machine may not have).
import { isPostgresUrl, sqliteFilePath } from "./lib/migrate.mjs";
import { DEFAULT_DATABASE_URL, root } from "./lib/runtime-env.mjs";
import { backupSqliteDatabase, backupFileName, resolveBackupDir } from "./lib/sqlite-backup.mjs";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
// `npm run` runs in the package's folder; a relative DIR is meant from where the operator typed it.
const dir = resolveBackupDir({ argument: process.argv[2], base: process.env.INIT_CWD ?? process.cwd(), root });

if (isPostgresUrl(url)) {
  const file = `${dir}/${backupFileName(new Date()).replace(/\.db$/, ".dump")}`;
  console.error(
    [
      "DATABASE_URL is a PostgreSQL database: back it up with pg_dump, in its custom format (a consistent snapshot, taken while the platform serves):",
      "",
      `  mkdir -p ${dir} && pg_dump --format=custom --file=${file} "$DATABASE_URL"`,
      "",
      "and restore it (platform stopped) into an empty database with:",
      "",
      `  pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" ${file}`,
      "",
      "See the README, « Backup and restore ».",
    ].join("\n"),
  );
  process.exit(2);
}

const source = sqliteFilePath(url);
try {
  const { path, pages, bytes, ms } = await backupSqliteDatabase(source, dir);
  console.log(`✓ Backup of ${source}: ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(ms)} ms, PRAGMA integrity_check ok`);
  console.log(path);
} catch (error) {
  console.error(`✗ Backup failed: ${error.message}`);
  process.exit(1);
}
