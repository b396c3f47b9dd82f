// What `npm start` does to the database before serving: apply the migrations, then create the
// demo accounts (published passwords, README) only where that is safe. Shared by scripts/start.mjs
// and its integration test (tests/integration/first-start.test.ts).
import { spawnSync } from "node:child_process";
import { migrateDatabase } from "./migrate.mjs";
import { root } from "./runtime-env.mjs";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Whether a URL is this machine's own (localhost, 127.0.0.1, ::1, *.localhost): nobody else can reach it. */
export function isLocalUrl(url) {
  try {
    const { hostname } = new URL(url);
    return LOCAL_HOSTS.has(hostname) || hostname.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  } catch {
    return false;
  }
}

/**
 * The rule for demo data (accounts whose passwords are published in the README): created into an
 * empty database when `SEED_DEMO=true`, or when SEED_DEMO is unset and the platform's public URL
 * (NEXTAUTH_URL) is on this machine. Never on a public address unless asked for explicitly, and
 * never with `SEED_DEMO=false`.
 * @param {{ publicUrl: string, seedDemo: string | undefined }} input
 * @returns {{ isAllowed: boolean, reason: string }}
 */
export function demoDataDecision({ publicUrl, seedDemo }) {
  if (seedDemo === "true") return { isAllowed: true, reason: "SEED_DEMO=true" };
  if (seedDemo === "false") return { isAllowed: false, reason: "SEED_DEMO=false" };
  if (seedDemo !== undefined && seedDemo !== "") throw new Error(`SEED_DEMO must be "true" or "false" (or unset), not ${JSON.stringify(seedDemo)}`);
  return isLocalUrl(publicUrl)
    ? { isAllowed: true, reason: `${publicUrl} is on this machine` }
    : { isAllowed: false, reason: `${publicUrl} is a public address (set SEED_DEMO=true to create the demo accounts there anyway)` };
}

/**
 * Migrates the database of `env.DATABASE_URL`, then seeds the demo data into it when the rule
 * allows and it is empty (scripts/seed.mts leaves a database with any account as it is).
 * @param {NodeJS.ProcessEnv & { DATABASE_URL: string, NEXTAUTH_URL: string }} env
 * @returns {Promise<{ applied: string[], decision: { isAllowed: boolean, reason: string }, seeded: boolean, userCount: number }>}
 */
export async function prepareDatabase(env) {
  const applied = await migrateDatabase(env.DATABASE_URL);
  const decision = demoDataDecision({ publicUrl: env.NEXTAUTH_URL, seedDemo: env.SEED_DEMO });
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.mts", ...(decision.isAllowed ? [] : ["--count-only"])], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Seeding failed (exit ${result.status}): ${result.stdout}`);
  const report = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}");
  return { applied, decision, seeded: report.seeded === true, userCount: report.userCount ?? 0 };
}
