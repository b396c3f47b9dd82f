// A throwaway PostgreSQL cluster for tests and benchmarks, from Debian's binaries:
// initdb in a temporary folder, listening on 127.0.0.1 on a free port, trust auth, fsync off.
// Returns null (and the reason) when the binaries are not installed, so callers can say plainly
// that they skipped PostgreSQL.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function findPostgresBin() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// initdb refuses to run as root: when we are root, run the server binaries as "postgres".
function runAsOwner(bin, args) {
  const isRoot = process.getuid?.() === 0;
  const [cmd, cmdArgs] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, cmdArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/**
 * `fromDataDir`: start from a copy of a data folder kept by `stopAndKeep` (its databases, `database`
 * among them, already there) instead of an empty cluster. `cluster.stopAndKeep(target)` shuts the
 * server down cleanly and moves its data folder to `target` (the benchmarks' kept populations).
 */
export async function startPostgresCluster({ database = "accelerateur_test", fromDataDir = null } = {}) {
  const bin = findPostgresBin();
  if (!bin) return { cluster: null, reason: "PostgreSQL binaries not found (apt-get install postgresql)" };
  const dir = mkdtempSync(join(tmpdir(), "accelerateur-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  if (fromDataDir) {
    execFileSync("cp", ["-a", fromDataDir, dataDir]);
    if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres", dataDir]);
  } else {
    runAsOwner(join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  }
  runAsOwner(join(bin, "pg_ctl"), [
    "-D", dataDir, "-l", join(dir, "server.log"), "-w", "-t", "30",
    "-o", `-h 127.0.0.1 -p ${port} -k ${dir} -F -c max_connections=200`,
    "start",
  ]);
  if (!fromDataDir) runAsOwner(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database]);
  const url = `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAsOwner(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const stopAndKeep = (target) => {
    if (stopped) throw new Error("the cluster is already stopped");
    stopped = true;
    try {
      runAsOwner(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      execFileSync("mv", [dataDir, target]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { cluster: { url, port, bin, stop, stopAndKeep }, reason: null };
}
