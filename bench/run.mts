// npm run bench: the benchmarks one after the other, each in its own process (heartbeat, the cohort
// dashboard, then the admin statistics at 100,000 learners), their lines passed through.
// `npm run bench -- --json` ends with ONE JSON line holding every figure: {"heartbeat": {...},
// "cohortDashboard": {...}, "adminStats": {...}}. A benchmark that fails is reported in that line
// ({"error": ...}) and the next one still runs.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

const isJson = process.argv.includes("--json");
const args = process.argv.slice(2);

type Run = { code: number | null; lines: string[]; json: Record<string, unknown> | null };

/** Runs one benchmark file; any line that is a JSON object is kept (not echoed), the others are echoed. */
function run(file: string, extraArgs: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", join(import.meta.dirname, file), ...extraArgs], {
      cwd: join(import.meta.dirname, ".."),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    let json: Record<string, unknown> | null = null;
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("{")) {
        try {
          json = JSON.parse(line) as Record<string, unknown>;
          return;
        } catch {
          // not JSON after all: echo it
        }
      }
      lines.push(line);
      console.log(line);
    });
    child.on("close", (code) => resolve({ code, lines, json }));
  });
}

/** The heartbeat benchmark prints a table; its rows are read back into figures. */
function heartbeatFigures(result: Run): Record<string, unknown> {
  if (result.json) return result.json;
  const rowOf = (label: string) => {
    const line = result.lines.find((l) => l.startsWith(label));
    const numbers = line?.slice(label.length).trim().split(/\s+/).map(Number);
    if (!numbers || numbers.length !== 4 || numbers.some(Number.isNaN)) return null;
    const [requestsPerS, p50Ms, p99Ms, errors] = numbers as [number, number, number, number];
    return { requestsPerS, p50Ms, p99Ms, errors };
  };
  const ping = rowOf("GET /api/ping (bare, 204)");
  const progress = rowOf("POST /api/progress (heartbeat)");
  if (!ping || !progress) return { error: `heartbeat benchmark gave no figures (exit code ${result.code})` };
  const clients = result.lines.join("\n").match(/(\d+) concurrent clients/)?.[1];
  return { clients: clients ? Number(clients) : null, ping, progress };
}

const heartbeat = await run("heartbeat.bench.mts", args);
console.log("");
const dashboard = await run("cohort-dashboard.bench.mts", [...args.filter((a) => a !== "--json"), "--json"]);
console.log("");
const adminStats = await run("admin-stats.bench.mts", [...args.filter((a) => a !== "--json"), "--json"]);
const figures = {
  heartbeat: heartbeatFigures(heartbeat),
  cohortDashboard: (dashboard.json?.cohortDashboard as Record<string, unknown> | undefined) ?? { error: `cohort dashboard benchmark gave no figures (exit code ${dashboard.code})` },
  adminStats: (adminStats.json?.adminStats as Record<string, unknown> | undefined) ?? { error: `admin statistics benchmark gave no figures (exit code ${adminStats.code})` },
};
if (isJson) console.log(JSON.stringify(figures));
process.exit(heartbeat.code === 0 && dashboard.code === 0 && adminStats.code === 0 ? 0 : 1);
