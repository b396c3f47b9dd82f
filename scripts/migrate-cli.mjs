// npm run db:migrate — applies pending migrations to DATABASE_URL (default: the embedded SQLite file).
import { migrateDatabase } from "./lib/migrate.mjs";

const url = process.env.DATABASE_URL ?? "file:./data/accelerateur.db";
const applied = await migrateDatabase(url);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
