// Backup and restore of the embedded SQLite database (npm run db:backup / db:restore).
//
// Backup: SQLite's online backup API (better-sqlite3's db.backup), not a file copy: a file copy of
// a WAL database taken while the server writes can pair a main file and a -wal file from different
// moments. The whole database is copied in ONE backup step, i.e. inside one read transaction: the
// copy is the database as of that transaction's start (every commit acknowledged before it is in),
// and in WAL mode the server's writers go on meanwhile. Copying in small steps instead would let
// the server's writes restart the backup over and over (SQLite restarts a backup whose source
// another connection changed between two steps), so a busy platform might never get one.
// The copy is written under a .partial name, switched to a rollback journal (one self-contained
// file), checked with PRAGMA integrity_check, then renamed to its final name.
//
// Restore: the file must be a SQLite database of this platform (integrity_check ok, a
// _prisma_migrations history whose every migration is one of ours with the same checksum, and the
// tables those migrations make). It is refused while any process has the database in place open:
// every connection to a WAL database that has read it keeps a SHARED lock on the file for as long
// as it stays open (the server's Prisma connection reads at its first query, within 5 s of start
// with the scheduler, and never closes), so an EXCLUSIVE lock taken with busy_timeout 0 (locking_mode
// EXCLUSIVE) is granted only when no process has it open. A plain `BEGIN EXCLUSIVE` proves nothing
// in WAL mode (it takes the write lock only, and an idle server holds none), and a pid file would
// know only the servers `npm start` started. A server that has not queried yet has no connection
// at all, and will open the restored file. Holding that lock, the old database's WAL is
// checkpointed into it and the file leaves WAL mode (SQLite then deletes the -wal); it is kept aside
// (renamed, never deleted) with its side files (a -wal left next to a different database file would
// be replayed into it; the -shm, an index, is deleted), and the new file, prepared next to it in
// WAL mode, is renamed into place.
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { readMigrations } from "./migrate.mjs";

export const DEFAULT_BACKUP_DIR = join("data", "backups");
/** Pages per backup step: all of them (better-sqlite3's upper bound), so that the copy is one snapshot. */
const ALL_PAGES = 0x7fffffff;
const SQLITE_HEADER = "SQLite format 3\0";

/** `2026-12-01T20:15:03.123Z` → `2026-12-01T20-15-03Z`: a UTC instant usable in a file name on every system. */
export function fileTimestamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "-");
}

/** The name of a backup taken at `date`: accelerateur-2026-12-01T20-15-03Z.db */
export function backupFileName(date) {
  return `accelerateur-${fileTimestamp(date)}.db`;
}

/** Where the previous database goes when a backup is restored over it. */
export function asidePath(databasePath, date) {
  return `${databasePath}.before-restore-${fileTimestamp(date)}`;
}

/** The backup folder: the command's argument, else BACKUP_DIR, else data/backups (relative ones from `base`). */
export function resolveBackupDir({ argument, env = process.env, base = process.cwd(), root = base }) {
  if (argument) return resolve(base, argument);
  if (env.BACKUP_DIR) return resolve(base, env.BACKUP_DIR);
  return resolve(root, DEFAULT_BACKUP_DIR);
}

/**
 * A database's migration history against ours (pure): what makes it not a database of this
 * platform, and which of our migrations it has not had yet (`npm start` applies them).
 * @param {{ migration_name: string, checksum: string }[]} applied finished, not rolled back
 * @param {{ name: string, checksum: string }[]} local
 */
export function checkMigrationHistory(applied, local) {
  const problems = [];
  if (applied.length === 0) problems.push("no migration of this platform was ever applied to it");
  for (const row of applied) {
    const ours = local.find((m) => m.name === row.migration_name);
    if (!ours) problems.push(`migration ${row.migration_name} is not one of this platform's (a newer version, or another application)`);
    else if (ours.checksum !== row.checksum) problems.push(`migration ${row.migration_name} differs from this platform's (checksum)`);
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return { problems, pending: local.filter((m) => !done.has(m.name)).map((m) => m.name) };
}

/** Tables that `expected` has and `actual` lacks (pure). */
export function findMissingTables(expected, actual) {
  const present = new Set(actual);
  return expected.filter((table) => !present.has(table));
}

function listTables(db) {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all();
}

/** The tables that these migrations make, from an in-memory database they are applied to. */
function tablesMadeBy(migrations) {
  const db = new Database(":memory:");
  try {
    for (const migration of migrations) db.exec(migration.sql);
    return listTables(db);
  } finally {
    db.close();
  }
}

function hasSqliteHeader(path) {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return read === buffer.length && buffer.toString("latin1") === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether `path` is a sound SQLite database of this platform: `problems` is empty when it is;
 * `pending` lists our migrations it has not had yet.
 * @returns {{ problems: string[], pending: string[] }}
 */
export function inspectSqliteBackup(path) {
  if (!existsSync(path) || !statSync(path).isFile()) return { problems: [`${path} is not a file`], pending: [] };
  if (!hasSqliteHeader(path)) return { problems: ["it is not a SQLite database (no SQLite header)"], pending: [] };
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: false }).map((row) => Object.values(row)[0]);
    if (integrity.length !== 1 || integrity[0] !== "ok") {
      return { problems: [`PRAGMA integrity_check: ${integrity.slice(0, 5).join("; ")}`], pending: [] };
    }
    const tables = listTables(db);
    if (!tables.includes("_prisma_migrations")) return { problems: ["it has no _prisma_migrations table: not a database of this platform"], pending: [] };
    const applied = db
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
      .all();
    const local = readMigrations("sqlite");
    const history = checkMigrationHistory(applied, local);
    if (history.problems.length) return history;
    const appliedNames = new Set(applied.map((row) => row.migration_name));
    const missing = findMissingTables(tablesMadeBy(local.filter((m) => appliedNames.has(m.name))), tables);
    if (missing.length) return { problems: [`tables missing: ${missing.join(", ")}`], pending: history.pending };
    return history;
  } catch (error) {
    return { problems: [`SQLite cannot read it: ${error.message}`], pending: [] };
  } finally {
    db?.close();
  }
}

/** A path that does not exist yet: `path`, else path with -2, -3… before its extension. */
function freePath(path) {
  if (!existsSync(path)) return path;
  const extension = path.endsWith(".db") ? ".db" : "";
  const stem = path.slice(0, path.length - extension.length);
  for (let n = 2; ; n++) if (!existsSync(`${stem}-${n}${extension}`)) return `${stem}-${n}${extension}`;
}

/**
 * Backs up the SQLite database at `sourcePath` into `dir` (created if needed) while it is in use.
 * @returns {Promise<{ path: string, pages: number, bytes: number, ms: number }>}
 */
export async function backupSqliteDatabase(sourcePath, dir, { now = new Date() } = {}) {
  if (!existsSync(sourcePath)) throw new Error(`No database at ${sourcePath}`);
  mkdirSync(dir, { recursive: true });
  const path = freePath(join(dir, backupFileName(now)));
  const partial = `${path}.partial`;
  const startedAt = performance.now();
  const source = new Database(sourcePath, { fileMustExist: true });
  let pages = 0;
  try {
    source.pragma("busy_timeout = 5000");
    const result = await source.backup(partial, { progress: () => ALL_PAGES });
    pages = result.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // The copy keeps the source's WAL flag; a backup is one self-contained file.
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`The backup failed PRAGMA integrity_check: ${integrity}`);
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, path);
  return { path, pages, bytes: statSync(path).size, ms: performance.now() - startedAt };
}

export class DatabaseInUseError extends Error {
  constructor(path) {
    super(`${path} is open in another process (the platform's server?): stop it, then restore.`);
    this.name = "DatabaseInUseError";
  }
}

/**
 * A connection holding an EXCLUSIVE lock on the database until it is closed, with the WAL folded
 * into the main file and WAL mode left; throws DatabaseInUseError when any process has it open.
 */
function takeOverDatabase(path) {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    // Set before the first read: the lock is then kept until close, and no shared memory is used.
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new Error(`could not take ${path} out of WAL mode (journal_mode is ${mode})`);
    return db;
  } catch (error) {
    db.close();
    if (error?.code === "SQLITE_BUSY" || error?.code === "SQLITE_LOCKED") throw new DatabaseInUseError(path);
    throw error;
  }
}

/** asidePath(), with -2, -3… when a restore in the same second already used it (with any side file). */
function freeAsidePath(databasePath, date) {
  const base = asidePath(databasePath, date);
  const isFree = (path) => ["", "-wal", "-journal", "-shm"].every((suffix) => !existsSync(path + suffix));
  if (isFree(base)) return base;
  for (let n = 2; ; n++) if (isFree(`${base}-${n}`)) return `${base}-${n}`;
}

/** A rollback journal with nothing to roll back: empty, or its header zeroed (how exclusive locking mode ends a transaction). */
function isFinishedJournal(path) {
  const fd = openSync(path, "r");
  try {
    const header = Buffer.alloc(8);
    return readSync(fd, header, 0, 8, 0) < 8 || header.every((byte) => byte === 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves the side files of the database at `databasePath` along with it (to `asideBase` + suffix):
 * a -wal, or a -journal with something to roll back (a WAL left next to a different database file
 * would be replayed into it). The -shm (an index rebuilt from the WAL) and a finished -journal
 * (exclusive locking mode leaves one, zeroed) hold nothing: deleted.
 */
function moveSideFiles(databasePath, asideBase) {
  const moved = [];
  rmSync(`${databasePath}-shm`, { force: true });
  const journal = `${databasePath}-journal`;
  if (existsSync(journal) && isFinishedJournal(journal)) rmSync(journal);
  for (const suffix of ["-wal", "-journal"]) {
    if (existsSync(databasePath + suffix)) {
      renameSync(databasePath + suffix, asideBase + suffix);
      moved.push(asideBase + suffix);
    }
  }
  return moved;
}

/**
 * Puts the backup at `backupPath` in place of the database at `targetPath`, keeping the previous
 * one aside. Throws with the reasons when the file is not a sound database of this platform, and
 * DatabaseInUseError while anything has the target open.
 * @returns {Promise<{ previous: string | null, sideFiles: string[], pending: string[] }>}
 *   previous: where the database that was in place is kept; sideFiles: its -wal or -journal, kept
 *   beside it (or, with no database in place, stale ones found there); pending: our migrations the backup has not had (npm start applies them)
 */
export async function restoreSqliteDatabase(backupPath, targetPath, { now = new Date() } = {}) {
  const backup = resolve(backupPath);
  const target = resolve(targetPath);
  if (backup === target) throw new Error("The backup to restore is the database itself.");
  const { problems, pending } = inspectSqliteBackup(backup);
  if (problems.length) throw new Error(`${backup} cannot be restored: ${problems.join("; ")}`);

  mkdirSync(dirname(target), { recursive: true });
  // Prepared next to the target (same file system, so the final rename is atomic), in WAL mode.
  const incoming = `${target}.restoring`;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(incoming + suffix, { force: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const prepared = new Database(incoming, { fileMustExist: true });
  prepared.pragma("journal_mode = WAL");
  prepared.close();

  const aside = freeAsidePath(target, now);
  let lock = null;
  let isTargetAside = false;
  try {
    if (existsSync(target)) {
      lock = takeOverDatabase(target);
      renameSync(target, aside);
      isTargetAside = true;
    }
    const sideFiles = moveSideFiles(target, aside);
    renameSync(incoming, target);
    return { previous: isTargetAside ? aside : null, sideFiles, pending };
  } catch (error) {
    if (isTargetAside && !existsSync(target)) renameSync(aside, target);
    rmSync(incoming, { force: true });
    throw error;
  } finally {
    lock?.close();
  }
}
