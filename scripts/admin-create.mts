// npm run admin:create -- --email vous@exemple.fr --name "Votre nom": the first administrator of a
// deployment (npm start creates no account outside local use: scripts/lib/first-start.mjs). The
// password is made here, at random, and printed once: nobody else has ever seen it. Change it on
// « Mon compte » after signing in. Refuses an e-mail that already has an account.
// Run with `node --conditions=react-server --import tsx` (server/ modules are server-only).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { emailSchema, NAME_MAX_LENGTH } from "@/lib/schemas/auth";
import { createUserWithRole } from "@/server/data/users";
import { isUniqueViolation } from "@/server/transactions";
import { migrateDatabase } from "./lib/migrate.mjs";
import { baseEnv } from "./lib/runtime-env.mjs";

const usage = 'Usage : npm run admin:create -- --email vous@exemple.fr --name "Votre nom"';
const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
const email = emailSchema.safeParse(values.email ?? "");
const name = (values.name ?? "").trim();
if (!email.success || !name || name.length > NAME_MAX_LENGTH) {
  console.error(`✗ ${!email.success ? "Adresse e-mail manquante ou invalide." : `Nom manquant ou trop long (${NAME_MAX_LENGTH} caractères au plus).`}\n${usage}`);
  process.exit(2);
}

await migrateDatabase(baseEnv().DATABASE_URL);
// 18 random bytes: 24 characters of base64url, far beyond any guessing.
const password = randomBytes(18).toString("base64url");
try {
  await createUserWithRole({ email: email.data, name, role: "admin", password });
} catch (error) {
  if ((error instanceof AppError && error.code === "EMAIL_TAKEN") || isUniqueViolation(error)) {
    console.error(`✗ Un compte existe déjà avec l'adresse ${email.data} : rien n'a été créé.`);
    process.exit(1);
  }
  throw error;
}
console.log(`✓ Administrateur créé : ${email.data}`);
console.log(`  Mot de passe (affiché une seule fois, changez-le dans « Mon compte ») : ${password}`);
process.exit(0);
