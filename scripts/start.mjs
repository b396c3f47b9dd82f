// npm start: migrate the database, seed demo accounts into an empty one where that is safe (the
// public URL on this machine, or SEED_DEMO=true: scripts/lib/first-start.mjs), build when the
// sources changed, then serve on port $PORT (3000). `--dev` runs the development server instead.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "./demo-accounts.mjs";
import { isBuildCurrent } from "./lib/build-freshness.mjs";
import { prepareDatabase } from "./lib/first-start.mjs";
import { baseEnv, ensureAuthSecret, root } from "./lib/runtime-env.mjs";

const isDev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const env = baseEnv({
  AUTH_SECRET: ensureAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: port,
});
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

const { applied, decision, seeded, userCount } = await prepareDatabase(env).catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
console.log(applied.length ? `✓ Migrations applied: ${applied.join(", ")}` : "✓ Database up to date");
if (seeded) console.log("✓ Demo accounts created");
else if (userCount > 0) console.log("✓ Existing accounts kept (no demo seeding)");
else console.log(`✓ No demo accounts (${decision.reason})`);

if (!isDev && !isBuildCurrent(".next")) {
  console.log("… Building the platform (next build)");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Production: scripts/server.mjs (next start, plus the heartbeat answered before Next.js's router).
const server = spawn(process.execPath, isDev ? [nextBin, "dev", "-p", port] : [join(root, "scripts", "server.mjs"), "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

const local = `http://localhost:${port}`;
for (let attempt = 0; attempt < 120; attempt++) {
  try {
    const response = await fetch(`${local}/api/health`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
// The address people use (NEXTAUTH_URL), and where this process listens when that is not it.
const origin = env.NEXTAUTH_URL.replace(/\/$/, "");
console.log(`\nAccélérateur libre est prêt : ${origin}${origin === local ? "" : ` (ce serveur écoute sur le port ${port})`}`);
if (seeded || (userCount > 0 && decision.isAllowed)) {
  console.log(seeded ? "Comptes de démonstration :" : "Comptes de démonstration (s'ils n'ont pas été modifiés) :");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(8)}  ${account.email.padEnd(30)}  ${DEMO_PASSWORDS[account.role]}`);
  }
  console.log(`Groupe de démonstration : ${origin}/cohorts/cohorte-demo (Karim), code d'invitation MARCHE26`);
} else if (userCount === 0) {
  console.log("Aucun compte pour l'instant. Créez le premier administrateur :");
  console.log('  npm run admin:create -- --email vous@exemple.fr --name "Votre nom"');
}
