// Seeds the demo accounts into an EMPTY database only: running it again never touches real data.
// Run with `node --conditions=react-server --import tsx scripts/seed.mts` (server/ modules are
// server-only). Prints what it did as one JSON line for scripts/start.mjs.
import { isRole } from "@/lib/roles";
import { countUsers, createUserWithRole } from "@/server/data/users";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "./demo-accounts.mjs";

const existing = await countUsers();
if (existing > 0) {
  console.log(JSON.stringify({ seeded: false, existingUsers: existing }));
} else {
  for (const account of DEMO_ACCOUNTS) {
    if (!isRole(account.role)) throw new Error(`Unknown role in demo data: ${account.role}`);
    await createUserWithRole({ ...account, role: account.role, password: DEMO_PASSWORDS[account.role] });
  }
  console.log(JSON.stringify({ seeded: true, users: DEMO_ACCOUNTS.length }));
}
process.exit(0);
