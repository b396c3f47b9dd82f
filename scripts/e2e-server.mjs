// The server that the end-to-end tests drive: a fresh SQLite database in a temporary folder,
// migrated and seeded with the demo accounts, then the platform's server (scripts/server.mjs) on E2E_PORT, from the build in
// NEXT_DIST_DIR (made by scripts/test.mjs). CONTENT_DIR, when set, points it at a test content
// fixture (read at run time, like content/). Nothing here changes how production runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "./lib/migrate.mjs";
import { baseEnv, root } from "./lib/runtime-env.mjs";
import { e2eClockFile } from "./lib/e2e-clock.mjs";

const port = process.env.E2E_PORT ?? "3210";
const dir = mkdtempSync(join(tmpdir(), "accelerateur-e2e-"));
const env = baseEnv({
  DATABASE_URL: `file:${join(dir, "e2e.db")}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
  NEXTAUTH_URL: `http://localhost:${port}`,
  NODE_ENV: "production",
  // Reminders: a round every 2 s, on a clock the tests move forward by writing an offset (ms) into
  // this file (tests/e2e/support.ts setClockOffsetDays) — time is injected, never slept.
  SCHEDULER_INTERVAL_S: "2",
  TEST_CLOCK_FILE: e2eClockFile(port),
});

writeFileSync(env.TEST_CLOCK_FILE, "0");
await migrateDatabase(env.DATABASE_URL);
const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.mts"], { cwd: root, env, stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn(process.execPath, [join(root, "scripts/server.mjs"), "-p", port], { cwd: root, env, stdio: "inherit" });
const stop = () => {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { stop(); process.exit(0); });
server.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
