// A synthetic national-scale population for the admin statistics (scripts/population/): N
// merchant accounts with profiles, cohorts, progress with drop-off, quiz attempts and attestations,
// the counter tables written to match. Into an EMPTY database only (it refuses one with accounts):
//   DATABASE_URL=file:/tmp/national.db node --conditions=react-server --import tsx scripts/generate-population.mts --learners 100000 --seed 1
// The database is migrated first. `--now 2026-12-01T10:00:00Z` fixes "today" (default: now), so
// that the same seed and day give the same rows. Progress goes to stderr; the last line of stdout
// is one JSON object with the rows written and the seconds taken.
import { randomUUID } from "node:crypto";
import { migrateDatabase } from "./lib/migrate.mjs";

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("Set DATABASE_URL (file:… or postgresql://…), e.g.\n  DATABASE_URL=file:/tmp/national.db node --conditions=react-server --import tsx scripts/generate-population.mts --learners 100000 --seed 1");
const learners = Number(argValue("--learners") ?? 100_000);
const seed = Number(argValue("--seed") ?? 1);
const now = argValue("--now") ? new Date(argValue("--now")!) : new Date();
if (!Number.isInteger(learners) || learners < 1) fail("--learners must be a positive whole number");
if (!Number.isInteger(seed)) fail("--seed must be a whole number");
if (Number.isNaN(now.getTime())) fail("--now must be a date, e.g. 2026-12-01T10:00:00Z");
process.env.AUTH_SECRET ??= randomUUID() + randomUUID();

const started = performance.now();
await migrateDatabase(databaseUrl);
// Imported after the environment is set: server/ modules read it once.
const { countUsers } = await import("@/server/data/users");
const { seedPopulation } = await import("@/scripts/population");
const existing = await countUsers();
if (existing > 0) fail(`The database already holds ${existing} accounts: the population goes into an empty database only (its counters replace the counter tables).`);

let lastShown = 0;
const population = await seedPopulation({
  learners,
  seed,
  now,
  onProgress: (done, total) => {
    if (done !== total && performance.now() - lastShown < 2000) return;
    lastShown = performance.now();
    console.error(`  ${done.toLocaleString("en")} / ${total.toLocaleString("en")} learners (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  },
});
const { tally: _tally, seconds, ...counts } = population;
console.log(JSON.stringify({ ...counts, now: now.toISOString(), seed, seconds: Number(seconds.toFixed(1)), totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
process.exit(0);
