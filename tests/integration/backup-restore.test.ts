// Backup and restore of the SQLite database (issue 12): `npm run db:backup` under heartbeat load,
// `npm run db:restore` into a fresh file, and what restore refuses.
//
// The load: LEARNERS learners report what they watch through the real data layer
// (server/data/progress.ts, the path of POST /api/progress), one report after the other each, in
// this process, as fast as it goes. The backup is the real command, scripts/db-backup.mjs, in its
// own process, as an operator runs it beside the serving platform. Every report acknowledged (its
// transaction committed) before the command started must be in the restored file.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { getProgramme } from "@/server/content";
import { recordProgressReport } from "@/server/data/progress";
import { createPlaybackSession } from "@/server/playback-session";
import { migrateDatabase, sqliteFilePath } from "../../scripts/lib/migrate.mjs";
import { DatabaseInUseError, inspectSqliteBackup, restoreSqliteDatabase } from "../../scripts/lib/sqlite-backup.mjs";
import { createAccount } from "../support/accounts";

const isPostgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
const root = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "accelerateur-backup-test-"));
const LEARNERS = 8;
/** Seconds of video per report. */
const STEP_S = 0.5;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Interval = [number, number];
type Ack = { userId: string; moduleId: string; reportId: string; interval: Interval };

/** Runs one of the scripts as `npm run` would, with this DATABASE_URL. */
function runScript(script: string, args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "scripts", script), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: root } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function covers(intervals: Interval[], [startS, endS]: Interval) {
  return intervals.some(([s, e]) => s <= startS + 1e-6 && e >= endS - 1e-6);
}

/** A migrated database file of this platform, closed. */
async function migratedFile(name: string) {
  const path = join(dir, name);
  await migrateDatabase(`file:${path}`);
  return path;
}

// Each engine registers only its own tests (none shows as skipped in npm test's count).
if (!isPostgres) describe("backup and restore on SQLite", () => {
  it("a backup taken under heartbeat load holds every heartbeat acknowledged before it began, and restores into a fresh file", { timeout: 60_000 }, async () => {
    const startedAt = performance.now();
    const liveUrl = process.env.DATABASE_URL!;
    const modules = getProgramme().chapters.flatMap((chapter) => chapter.modules);
    const learners: Actor[] = [];
    for (let i = 0; i < LEARNERS; i++) learners.push(await createAccount("merchant", `Boutique ${i}`));

    const acks: Ack[] = [];
    let isStopped = false;
    /** A learner watching modules one after the other, on a clock of its own (the server's `now` for each report). */
    const play = async (learner: Actor, first: number) => {
      let clockMs = Date.parse("2026-11-24T10:00:00Z");
      for (let m = first; !isStopped; m = (m + 1) % modules.length) {
        const module = modules[m]!;
        const session = createPlaybackSession(learner.id, module.id, clockMs);
        for (let fromS = 0; !isStopped && fromS < module.durationS; fromS += STEP_S) {
          const interval: Interval = [fromS, Math.min(module.durationS, fromS + STEP_S)];
          const reportId = randomUUID();
          clockMs += STEP_S * 1000;
          const { droppedS } = await recordProgressReport(learner, { reportId, moduleId: module.id, session, intervals: [interval], positionS: interval[1] }, new Date(clockMs));
          if (droppedS > 0) throw new Error(`report ${reportId} dropped ${droppedS} s`);
          acks.push({ userId: learner.id, moduleId: module.id, reportId, interval });
          // The SQLite path may settle on microtasks alone: let timers and the child process's pipes run, as requests would.
          await new Promise((resolve) => setImmediate(resolve));
        }
        clockMs += 5000;
      }
    };
    const playing = Promise.all(learners.map((learner, i) => play(learner, i * 3)));
    let failure: unknown = null;
    playing.catch((error: unknown) => (failure = error));
    while (acks.length < 300 && !failure) await new Promise((resolve) => setTimeout(resolve, 10));

    // The backup begins: what is acknowledged now must be in it.
    const ackedBefore = acks.slice();
    const backupStartedAt = performance.now();
    const backup = await runScript("db-backup.mjs", [join(dir, "backups")], liveUrl);
    const backupS = (performance.now() - backupStartedAt) / 1000;
    const ackedDuring = acks.length - ackedBefore.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    isStopped = true;
    await playing;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const backupPath = backup.stdout.trim().split("\n").pop()!;
    expect(backupPath).toMatch(/\/backups\/accelerateur-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(readdirSync(join(dir, "backups"))).toEqual([backupPath.split("/").pop()]);

    // The platform (this process's Prisma connection) has the live database open: restore refuses.
    const refused = await runScript("db-restore.mjs", [backupPath], liveUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is open in another process");
    expect(existsSync(`${sqliteFilePath(liveUrl)}.restoring`)).toBe(false);

    const freshUrl = `file:${join(dir, "restored", "fresh.db")}`;
    const restored = await runScript("db-restore.mjs", [backupPath], freshUrl);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);

    const db = new Database(sqliteFilePath(freshUrl), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const stored = new Set((db.prepare(`SELECT "userId", "reportId" FROM "ProgressReport"`).all() as { userId: string; reportId: string }[]).map((r) => `${r.userId} ${r.reportId}`));
      const progress = new Map(
        (db.prepare(`SELECT "userId", "moduleId", "intervals" FROM "ModuleProgress"`).all() as { userId: string; moduleId: string; intervals: string }[]).map((r) => [
          `${r.userId} ${r.moduleId}`,
          JSON.parse(r.intervals) as Interval[],
        ]),
      );
      const missing = ackedBefore.filter((a) => !stored.has(`${a.userId} ${a.reportId}`));
      const uncovered = ackedBefore.filter((a) => !covers(progress.get(`${a.userId} ${a.moduleId}`) ?? [], a.interval));
      const afterStart = acks.slice(ackedBefore.length).filter((a) => stored.has(`${a.userId} ${a.reportId}`)).length;
      console.log(
        `backup under load: ${ackedBefore.length} heartbeats acknowledged before db:backup started, ${ackedDuring} more while it ran (${backupS.toFixed(2)} s), ` +
          `${afterStart} of the later ones in the backup; restored: ${ackedBefore.length - missing.length}/${ackedBefore.length} in ProgressReport, ` +
          `${ackedBefore.length - uncovered.length}/${ackedBefore.length} covered by ModuleProgress; ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
      );
      expect(missing.map((a) => a.reportId), "acknowledged before the backup, missing from it").toEqual([]);
      expect(uncovered.map((a) => a.reportId), "acknowledged before the backup, not in the learner's intervals").toEqual([]);
      // The backup ran beside writes, or the test shows nothing.
      expect(ackedDuring).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it("restore keeps the previous database aside, with what its WAL held, and leaves no -wal or -shm of it beside the new one", async () => {
    const target = await migratedFile("killed.db");
    const backupSource = await migratedFile("source.db");
    // A process writes in WAL mode and dies without closing: its last commit is only in the -wal.
    const writer = spawn(
      process.execPath,
      ["-e", `const db = new (require("better-sqlite3"))(${JSON.stringify(target)}); db.pragma("wal_autocheckpoint = 0"); db.exec("CREATE TABLE kept_note (text TEXT)"); db.prepare("INSERT INTO kept_note VALUES ('written before the crash')").run(); process.stdout.write("ready"); setInterval(() => {}, 1000);`],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => writer.stdout.once("data", () => resolve()));
    await expect(restoreSqliteDatabase(backupSource, target)).rejects.toThrow(DatabaseInUseError);
    writer.kill("SIGKILL");
    await new Promise((resolve) => writer.once("exit", resolve));
    expect(existsSync(`${target}-wal`)).toBe(true);

    const result = await restoreSqliteDatabase(backupSource, target, { now: new Date("2026-12-01T20:15:03Z") });
    expect(result).toEqual({ previous: `${target}.before-restore-2026-12-01T20-15-03Z`, sideFiles: [], pending: [] });
    expect(readdirSync(dir).filter((name) => name.startsWith("killed.db"))).toEqual(["killed.db", "killed.db.before-restore-2026-12-01T20-15-03Z"]);
    const previous = new Database(result.previous!, { readonly: true });
    try {
      expect(previous.prepare(`SELECT text FROM kept_note`).pluck().all()).toEqual(["written before the crash"]);
    } finally {
      previous.close();
    }
    const restored = new Database(target, { readonly: true });
    try {
      expect(restored.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'kept_note'`).pluck().get()).toBe(0);
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      restored.close();
    }
  });

  it("restore refuses a file that is not a sound database of this platform, and changes nothing", async () => {
    const target = await migratedFile("target.db");
    const good = await migratedFile("good.db");
    const notSqlite = join(dir, "notes.txt");
    writeFileSync(notSqlite, "pas une base de données\n");
    const otherApp = join(dir, "other-app.db");
    new Database(otherApp).exec("CREATE TABLE things (id INTEGER PRIMARY KEY)").close();
    const newerVersion = join(dir, "newer.db");
    copyFileSync(good, newerVersion);
    new Database(newerVersion)
      .exec(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', '2030-01-01', '20300101000000_future', '2030-01-01', 1)`)
      .close();
    const tableDropped = join(dir, "dropped.db");
    copyFileSync(good, tableDropped);
    new Database(tableDropped).exec(`DROP TABLE "ProgressReport"`).close();
    const corrupt = join(dir, "corrupt.db");
    copyFileSync(good, corrupt);
    const fd = openSync(corrupt, "r+");
    // Pages 3 to 6 overwritten: b-tree pages of the schema's tables.
    writeSync(fd, Buffer.alloc(4 * 4096, 0xa5), 0, 4 * 4096, 2 * 4096);
    closeSync(fd);

    const cases: [string, string, RegExp][] = [
      ["a text file", notSqlite, /not a SQLite database/],
      ["another application's database", otherApp, /no _prisma_migrations table/],
      ["a database of a newer version", newerVersion, /20300101000000_future is not one of this platform's/],
      ["a database missing a table", tableDropped, /tables missing: ProgressReport/],
      ["a corrupt database", corrupt, /integrity_check|cannot read it/],
      ["a file that does not exist", join(dir, "nowhere.db"), /is not a file/],
    ];
    for (const [label, file, reason] of cases) {
      expect(inspectSqliteBackup(file).problems.join("; "), label).toMatch(reason);
      await expect(restoreSqliteDatabase(file, target), label).rejects.toThrow(reason);
    }
    expect(readdirSync(dir).filter((name) => name.startsWith("target.db"))).toEqual(["target.db"]);
    expect(inspectSqliteBackup(good)).toEqual({ problems: [], pending: [] });
  });
});

if (isPostgres) describe("backup on PostgreSQL", () => {
  it("db:backup and db:restore give the pg_dump / pg_restore commands instead", async () => {
    const backup = await runScript("db-backup.mjs", [join(dir, "backups")], process.env.DATABASE_URL!);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain(`pg_dump --format=custom --file=${join(dir, "backups")}/accelerateur-`);
    expect(backup.stderr).toContain('"$DATABASE_URL"');
    expect(backup.stderr).not.toContain(process.env.DATABASE_URL!);
    const restore = await runScript("db-restore.mjs", ["x.dump"], process.env.DATABASE_URL!);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('pg_restore --no-owner --exit-on-error --single-transaction --dbname="$DATABASE_URL" x.dump');
  });
});
