// Seeds the demo accounts into an EMPTY database only: running it again never touches real data.
// Run with `node --conditions=react-server --import tsx scripts/seed.mts` (server/ modules are
// server-only). Prints what it did as one JSON line for scripts/start.mjs.
import { isRole } from "@/lib/roles";
import { seedDemoCohorts } from "@/server/data/demo";
import { countUsers, createUserWithRole } from "@/server/data/users";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "./demo-accounts.mjs";

const existing = await countUsers();
if (existing > 0) {
  console.log(JSON.stringify({ seeded: false, existingUsers: existing }));
} else {
  const users = [];
  for (const account of DEMO_ACCOUNTS) {
    if (!isRole(account.role)) throw new Error(`Unknown role in demo data: ${account.role}`);
    users.push(await createUserWithRole({ ...account, role: account.role, password: DEMO_PASSWORDS[account.role] }));
  }
  // A living cohort for the first demo trainer: the demo merchants, two assignments (one overdue), some progress.
  const [trainer, otherTrainer] = users.filter((u) => u.role === "trainer");
  await seedDemoCohorts({ trainer: trainer!, otherTrainer: otherTrainer!, merchants: users.filter((u) => u.role === "merchant") });
  console.log(JSON.stringify({ seeded: true, users: DEMO_ACCOUNTS.length, cohorts: 2 }));
}
process.exit(0);
