// Seeds the demo accounts and a synthetic demo population into an EMPTY database only: running it
// again never touches real data. Only where demo data is allowed (scripts/lib/first-start.mjs: the
// public URL on this machine, or SEED_DEMO=true); `--count-only` seeds nothing and counts accounts.
// Run with `node --conditions=react-server --import tsx scripts/seed.mts` (server/ modules are
// server-only). Prints what it did as one JSON line for scripts/start.mjs.
import { isRole } from "@/lib/roles";
import { seedDemoCohorts } from "@/server/data/demo";
import { seedPopulation } from "@/scripts/population";
import { rebuildStatCounters } from "@/server/data/stat-counters";
import { countUsers, createUserWithRole } from "@/server/data/users";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "./demo-accounts.mjs";
import { demoDataDecision } from "./lib/first-start.mjs";

const existing = await countUsers();
const isCountOnly = process.argv.includes("--count-only");
const decision = demoDataDecision({ publicUrl: process.env.NEXTAUTH_URL ?? "http://localhost:3000", seedDemo: process.env.SEED_DEMO });
if (!isCountOnly && !decision.isAllowed) {
  console.error(`No demo accounts: ${decision.reason}.`);
  process.exit(2);
}
if (existing > 0 || isCountOnly) {
  console.log(JSON.stringify({ seeded: false, userCount: existing }));
} else {
  const users = [];
  for (const account of DEMO_ACCOUNTS) {
    if (!isRole(account.role)) throw new Error(`Unknown role in demo data: ${account.role}`);
    users.push(await createUserWithRole({ ...account, role: account.role, password: DEMO_PASSWORDS[account.role] }));
  }
  // A living cohort for the first demo trainer: the demo merchants, two assignments (one overdue), some progress,
  // and two live sessions (one past with its attendance marked, one to come with two merchants registered).
  const [trainer, otherTrainer] = users.filter((u) => u.role === "trainer");
  await seedDemoCohorts({ trainer: trainer!, otherTrainer: otherTrainer!, merchants: users.filter((u) => u.role === "merchant") });
  // A synthetic population (marked demo-<n>@demo.accelerateur-libre.invalid, "Démo 0042"), the same
  // on every empty database, so that the admin statistics show real shapes instead of "< 10". The
  // demo cohorts above went through the player's write path: the counters are then recounted from
  // every row (a second or so), not written from the population's tally alone.
  const population = await seedPopulation({ learners: 400, seed: 2026, now: new Date(), counters: "none" });
  await rebuildStatCounters();
  const { tally: _tally, seconds, ...counts } = population;
  console.log(JSON.stringify({ seeded: true, userCount: await countUsers(), users: DEMO_ACCOUNTS.length, cohorts: 2, liveSessions: 2, population: { ...counts, seconds: Number(seconds.toFixed(2)) } }));
}
process.exit(0);
