import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Audit entries cannot be changed or deleted through the application: no code under server/ or
// app/ may update, upsert or delete them (through Prisma or raw SQL), except the one function that
// replaces an erased account by its pseudonym.
const root = join(__dirname, "..", "..");
const ALLOWED = { file: "server/data/audit.ts", fn: "pseudonymiseAuditEntries" };

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.(tsx?|mjs|mts|js)$/.test(name) ? [path] : [];
  });
}

/** The source with `fn` (from its declaration to the brace that closes it) blanked out, lines kept. */
function withoutFunction(source: string, fn: string): string {
  const start = source.search(new RegExp(`function ${fn}\\b`));
  if (start < 0) return source;
  // The body's brace ends its line (a return type such as `Promise<{ n: number }>` does not).
  const open = start + source.slice(start).search(/\{\s*\n/);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "{") depth++;
    else if (source[i] === "}" && --depth === 0) return source.slice(0, start) + source.slice(start, i + 1).replace(/[^\n]/g, "") + source.slice(i + 1);
  }
  return source.slice(0, start);
}

const FORBIDDEN = [
  /auditEntry\s*\??\.\s*(update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\b/,
  /\[\s*["'`]auditEntry["'`]\s*\]/,
  /\b(update|delete\s+from|truncate(\s+table)?)\s+"?AuditEntry"?/i,
];

export function findAuditMutations(files: { path: string; source: string }[]): string[] {
  return files.flatMap(({ path, source }) => {
    const scanned = path === ALLOWED.file ? withoutFunction(source, ALLOWED.fn) : source;
    return scanned.split("\n").flatMap((line, i) => (FORBIDDEN.some((pattern) => pattern.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
  });
}

describe("the audit log is append-only", () => {
  const files = ["server", "app"].flatMap((dir) => sourcesUnder(join(root, dir))).map((f) => ({ path: relative(root, f).split("\\").join("/"), source: readFileSync(f, "utf8") }));

  it("scans the sources (and finds the one allowed update)", () => {
    expect(files.length).toBeGreaterThan(20);
    const audit = files.find((f) => f.path === ALLOWED.file)!;
    expect(audit.source).toMatch(/auditEntry\.updateMany/);
  });

  it("no code under server/ or app/ other than pseudonymiseAuditEntries updates or deletes audit entries", () => {
    expect(findAuditMutations(files)).toEqual([]);
  });

  it("would catch each kind of change", () => {
    const offending = [
      "await tx.auditEntry.delete({ where: { id } });",
      "db.auditEntry.deleteMany({})",
      "db.auditEntry\n  .updateMany({})".replace("\n  ", ""),
      "tx.auditEntry.upsert({ where, create, update })",
      "await db.auditEntry.update({ where: { id }, data: { action: 'x' } })",
      'await tx["auditEntry"].deleteMany({ where })',
      'await db.$executeRaw`DELETE FROM "AuditEntry" WHERE "actorId" = ${id}`',
      'await db.$executeRawUnsafe(\'UPDATE "AuditEntry" SET details = \\\'{}\\\'\')',
      "TRUNCATE AuditEntry",
    ];
    for (const line of offending) expect(findAuditMutations([{ path: "server/data/other.ts", source: line }]), line).toHaveLength(1);
    const inAllowedFile = `export function recordAudit() { return db.auditEntry.create({}); }
export async function pseudonymiseAuditEntries(tx, userId) {
  await tx.auditEntry.updateMany({ where: { actorId: userId }, data: {} });
}
export async function purge() { await db.auditEntry.deleteMany({}); }`;
    expect(findAuditMutations([{ path: ALLOWED.file, source: inAllowedFile }])).toEqual([`${ALLOWED.file}:5: export async function purge() { await db.auditEntry.deleteMany({}); }`]);
  });
});
