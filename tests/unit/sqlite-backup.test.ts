// The pure parts of db:backup / db:restore (scripts/lib/sqlite-backup.mjs): names, folders, and what
// makes a database one of this platform's. The database work itself: tests/integration/backup-restore.test.ts.
import { describe, expect, it } from "vitest";
import { asidePath, backupFileName, checkMigrationHistory, fileTimestamp, findMissingTables, resolveBackupDir } from "../../scripts/lib/sqlite-backup.mjs";

describe("names", () => {
  it("a backup is named with its UTC date and time, without characters some file systems refuse", () => {
    expect(backupFileName(new Date("2026-12-01T20:15:03.987Z"))).toBe("accelerateur-2026-12-01T20-15-03Z.db");
    expect(fileTimestamp(new Date("2026-01-09T03:04:05Z"))).toBe("2026-01-09T03-04-05Z");
  });

  it("the database a restore replaces is kept beside it, with the date", () => {
    expect(asidePath("/srv/data/accelerateur.db", new Date("2026-12-01T20:15:03Z"))).toBe("/srv/data/accelerateur.db.before-restore-2026-12-01T20-15-03Z");
  });
});

describe("resolveBackupDir: argument, else BACKUP_DIR, else data/backups", () => {
  const table: [string, string | undefined, Record<string, string>, string][] = [
    ["argument, absolute", "/mnt/sauvegardes", { BACKUP_DIR: "/elsewhere" }, "/mnt/sauvegardes"],
    ["argument, relative to where the command was typed", "sauvegardes", { BACKUP_DIR: "/elsewhere" }, "/home/op/sauvegardes"],
    ["BACKUP_DIR, absolute", undefined, { BACKUP_DIR: "/var/backups/accelerateur" }, "/var/backups/accelerateur"],
    ["BACKUP_DIR, relative", undefined, { BACKUP_DIR: "bk" }, "/home/op/bk"],
    ["neither: data/backups of the platform", undefined, {}, "/srv/app/data/backups"],
    ["empty BACKUP_DIR counts as unset", undefined, { BACKUP_DIR: "" }, "/srv/app/data/backups"],
  ];
  it.each(table)("%s", (_label, argument, env, expected) => {
    expect(resolveBackupDir({ argument, env, base: "/home/op", root: "/srv/app" })).toBe(expected);
  });
});

describe("checkMigrationHistory", () => {
  const local = [
    { name: "20261124000000_init", checksum: "a" },
    { name: "20261124010000_neutral_path", checksum: "b" },
    { name: "20261201000000_cohorts", checksum: "c" },
  ];
  const applied = (...rows: [string, string][]) => rows.map(([migration_name, checksum]) => ({ migration_name, checksum }));

  it("every migration applied: ours, nothing pending", () => {
    expect(checkMigrationHistory(applied(["20261124000000_init", "a"], ["20261124010000_neutral_path", "b"], ["20261201000000_cohorts", "c"]), local)).toEqual({ problems: [], pending: [] });
  });
  it("an older backup: ours, the newer migrations pending (npm start applies them)", () => {
    expect(checkMigrationHistory(applied(["20261124000000_init", "a"]), local)).toEqual({ problems: [], pending: ["20261124010000_neutral_path", "20261201000000_cohorts"] });
  });
  it("no migration at all: not ours", () => {
    expect(checkMigrationHistory([], local).problems).toEqual(["no migration of this platform was ever applied to it"]);
  });
  it("a migration we do not know: a newer version or another application", () => {
    expect(checkMigrationHistory(applied(["20261124000000_init", "a"], ["20300101000000_future", "z"]), local).problems).toEqual([
      "migration 20300101000000_future is not one of this platform's (a newer version, or another application)",
    ]);
  });
  it("a migration with another checksum", () => {
    expect(checkMigrationHistory(applied(["20261124000000_init", "x"]), local).problems).toEqual(["migration 20261124000000_init differs from this platform's (checksum)"]);
  });
});

describe("findMissingTables", () => {
  it("lists the expected tables that are absent, ignoring extra ones", () => {
    expect(findMissingTables(["User", "ModuleProgress", "ProgressReport"], ["User", "ProgressReport", "Extra"])).toEqual(["ModuleProgress"]);
    expect(findMissingTables(["User"], ["User"])).toEqual([]);
  });
});
