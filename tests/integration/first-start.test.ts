// npm start's first start on an empty database (scripts/lib/first-start.mjs, the function
// scripts/start.mjs runs before serving): on a public address no account is created, and the first
// admin comes from `npm run admin:create`, with a password made at random. On its own SQLite file
// whatever the engine under test (the rule does not depend on the engine).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../scripts/lib/first-start.mjs";

const dir = mkdtempSync(join(tmpdir(), "first-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function accounts(file: string): { email: string; role: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT "email", "role" FROM "User" ORDER BY "email"`).all() as { email: string; role: string }[];
  } finally {
    db.close();
  }
}

function adminCreate(env: NodeJS.ProcessEnv, args: string[]) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.mts", ...args], { env, encoding: "utf8" });
}

describe("first start on a deployment (a public https URL, an empty database)", () => {
  const file = join(dir, "deployment.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXTAUTH_URL: "https://formation.example.org", SEED_DEMO: undefined };

  it("creates no account at all, and says why", { timeout: 60_000 }, async () => {
    const result = await prepareDatabase(env);
    expect(result.seeded).toBe(false);
    expect(result.userCount).toBe(0);
    expect(result.decision.reason).toContain("https://formation.example.org");
    expect(accounts(file)).toEqual([]);
  });

  it("refuses `npm run db:seed` there too", { timeout: 60_000 }, () => {
    const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.mts"], { env, encoding: "utf8" });
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain("No demo accounts");
    expect(accounts(file)).toEqual([]);
  });

  it("gets its first admin from `npm run admin:create`, with a random password printed once; a second one on the same e-mail is refused", { timeout: 60_000 }, () => {
    const first = adminCreate(env, ["--email", "Responsable@Exemple.fr", "--name", "Camille Responsable"]);
    expect(first.status, first.stderr).toBe(0);
    const password = /Mot de passe[^:]*: (\S+)/.exec(first.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(accounts(file)).toEqual([{ email: "responsable@exemple.fr", role: "admin" }]);
    const again = adminCreate(env, ["--email", "responsable@exemple.fr", "--name", "Autre"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Un compte existe déjà");
    const bad = adminCreate(env, ["--email", "pas-une-adresse", "--name", "X"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Adresse e-mail manquante ou invalide");
    expect(accounts(file)).toHaveLength(1);
  });
});
