// npm start: migrate the database, seed demo accounts into an empty one, build when the sources
// changed, then serve on http://localhost:$PORT (3000). `--dev` runs the development server instead.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "./demo-accounts.mjs";
import { isBuildCurrent } from "./lib/build-freshness.mjs";
import { migrateDatabase } from "./lib/migrate.mjs";
import { baseEnv, ensureAuthSecret, root } from "./lib/runtime-env.mjs";

const isDev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const env = baseEnv({
  AUTH_SECRET: ensureAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: port,
});
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");



function run(command, args, label) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    console.error(`\n✗ ${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

const applied = await migrateDatabase(env.DATABASE_URL);
console.log(applied.length ? `✓ Migrations applied: ${applied.join(", ")}` : "✓ Database up to date");

let seeded = false;
if (process.env.SEED_DEMO !== "false") {
  const out = run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.mts"], "Seeding");
  seeded = JSON.parse(out.trim().split("\n").pop() ?? "{}").seeded === true;
  console.log(seeded ? "✓ Demo accounts created" : "✓ Existing accounts kept (no demo seeding)");
}

if (!isDev && !isBuildCurrent(".next")) {
  console.log("… Building the platform (next build)");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Production: scripts/server.mjs (next start, plus the heartbeat answered before Next.js's router).
const server = spawn(process.execPath, isDev ? [nextBin, "dev", "-p", port] : [join(root, "scripts", "server.mjs"), "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

const origin = `http://localhost:${port}`;
for (let attempt = 0; attempt < 120; attempt++) {
  try {
    const response = await fetch(`${origin}/api/health`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`\nAccélérateur libre est prêt : ${origin}`);
if (process.env.SEED_DEMO !== "false") {
  console.log(seeded ? "Comptes de démonstration :" : "Comptes de démonstration (s'ils n'ont pas été modifiés) :");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(8)}  ${account.email.padEnd(30)}  ${DEMO_PASSWORDS[account.role]}`);
  }
  console.log(`Groupe de démonstration : ${origin}/cohorts/cohorte-demo (Karim), code d'invitation MARCHE26`);
}
