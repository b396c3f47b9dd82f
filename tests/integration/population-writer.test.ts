import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openWriter, part } from "@/scripts/population/bulk-writer";
import { ATTEMPT, ATTESTATION, COHORT, MEMBER, PROGRESS, USER, type TableSpec } from "@/scripts/population/rows";
import { getDb } from "@/server/db";
import { isPostgresUrl, sqliteFilePath } from "../../scripts/lib/migrate.mjs";

// The population's bulk writer (scripts/population/bulk-writer.ts) stores rows through the driver,
// in the formats it believes Prisma uses. Here the same rows are written once through Prisma (as the
// platform's data layer writes them) and once through the writer, and what each stored is read back
// raw, column by column, with its storage type: any difference (a date format, a boolean stored
// otherwise, a default the writer misses) fails.

const url = process.env.DATABASE_URL!;
const engine = isPostgresUrl(url) ? "PostgreSQL" : "SQLite";
const AT = new Date("2026-11-30T09:08:07.123Z");
const LATER = new Date("2026-12-01T18:00:00.456Z");

/** Every column of the rows whose id is given, as stored (SQLite: value and storage class; PostgreSQL: its JSON text). */
async function storedRows(table: string, key: string, ids: string[]): Promise<Record<string, unknown>[]> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE "${key}" = ANY($1) ORDER BY "${key}"`, [ids]);
      return rows.map((r) => r.row);
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqliteFilePath(url), { readonly: true });
  try {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const select = columns.flatMap((c) => [`"${c}"`, `typeof("${c}") AS "${c}:type"`]).join(", ");
    return db.prepare(`SELECT ${select} FROM "${table}" WHERE "${key}" IN (${ids.map(() => "?").join(", ")}) ORDER BY "${key}"`).all(...ids) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** The two rows, without the columns that must differ between them (ids, unique values). */
function withoutKeys(rows: Record<string, unknown>[], differing: string[]) {
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !differing.some((d) => column === d || column === `${d}:type`))));
}

async function writeThroughWriter<Row>(spec: TableSpec<Row>, row: Row) {
  const writer = await openWriter(url);
  try {
    await writer.write([part(spec, [row])]);
  } finally {
    await writer.close();
  }
}

describe(`the population's bulk writer on ${engine}`, () => {
  it("stores every table's rows exactly as Prisma does, defaults included", async () => {
    const db = getDb();
    const user = { passwordHash: "hash", name: "Démo 0001", role: "merchant", sector: "mode", department: "2A", sizeBand: "1-9", prefersNeutralPath: true, lastActiveOn: "2026-11-30", createdAt: AT, updatedAt: LATER };
    await db.user.create({ data: { ...user, id: "writer-a", email: "a@demo.test" } });
    await writeThroughWriter(USER, { ...user, id: "writer-b", email: "b@demo.test" });
    // Nulls and false too.
    const bare = { ...user, sector: null, department: null, sizeBand: null, prefersNeutralPath: false, lastActiveOn: null };
    await db.user.create({ data: { ...bare, id: "writer-c", email: "c@demo.test" } });
    await writeThroughWriter(USER, { ...bare, id: "writer-d", email: "d@demo.test" });

    const cohort = { name: "Atelier", description: "Groupe", startsOn: "2026-11-02", endsOn: "2026-12-28", ownerId: "writer-a", createdAt: AT, updatedAt: LATER };
    await db.cohort.create({ data: { ...cohort, id: "cohort-a", joinCode: "AAAAAAAA" } });
    await writeThroughWriter(COHORT, { ...cohort, id: "cohort-b", joinCode: "BBBBBBBB" });

    const member = { role: "learner", joinedAt: AT };
    await db.cohortMember.create({ data: { ...member, cohortId: "cohort-a", userId: "writer-a" } });
    await writeThroughWriter(MEMBER, { ...member, cohortId: "cohort-b", userId: "writer-b" });

    const progress = { moduleId: "m", chapterId: "c", intervals: "[[0,12.5]]", watchedS: 12.5, lastPositionS: 12, lastReportAt: AT, quizBestScore: 3, quizTotal: 4, quizPassedAt: LATER, completedAt: LATER, createdAt: AT, updatedAt: LATER };
    await db.moduleProgress.create({ data: { ...progress, id: "progress-a", userId: "writer-a" } });
    await writeThroughWriter(PROGRESS, { ...progress, id: "progress-b", userId: "writer-b" });
    const unfinished = { ...progress, watchedS: 12, lastReportAt: null, quizBestScore: null, quizTotal: null, quizPassedAt: null, completedAt: null };
    await db.moduleProgress.create({ data: { ...unfinished, id: "progress-c", userId: "writer-c" } });
    await writeThroughWriter(PROGRESS, { ...unfinished, id: "progress-d", userId: "writer-d" });

    const attempt = { moduleId: "m", score: 2, total: 3, isPassed: true, answers: "[0,1,2]", createdAt: AT };
    await db.quizAttempt.create({ data: { ...attempt, id: "attempt-a", userId: "writer-a" } });
    await writeThroughWriter(ATTEMPT, { ...attempt, id: "attempt-b", userId: "writer-b" });

    const attestation = { learnerName: "Démo 0001", totalWatchedS: 1234.5, chapterIds: '["a","b"]', issuedAt: LATER };
    await db.attestation.create({ data: { ...attestation, id: "attestation-a", code: "0123456789ABCDEF", userId: "writer-a" } });
    await writeThroughWriter(ATTESTATION, { ...attestation, id: "attestation-b", code: "FEDCBA9876543210", userId: "writer-b" });

    const pairs: [string, string, string[], string[]][] = [
      ["User", "id", ["writer-a", "writer-b"], ["id", "email"]],
      ["User", "id", ["writer-c", "writer-d"], ["id", "email"]],
      ["Cohort", "id", ["cohort-a", "cohort-b"], ["id", "joinCode"]],
      ["CohortMember", "cohortId", ["cohort-a", "cohort-b"], ["cohortId", "userId"]],
      ["ModuleProgress", "id", ["progress-a", "progress-b"], ["id", "userId"]],
      ["ModuleProgress", "id", ["progress-c", "progress-d"], ["id", "userId"]],
      ["QuizAttempt", "id", ["attempt-a", "attempt-b"], ["id", "userId"]],
      ["Attestation", "id", ["attestation-a", "attestation-b"], ["id", "code", "userId"]],
    ];
    for (const [table, key, ids, differing] of pairs) {
      const rows = await storedRows(table, key, ids);
      expect(rows, `${table} ${ids.join(", ")}`).toHaveLength(2);
      const [throughPrisma, throughWriter] = withoutKeys(rows, differing);
      expect(throughWriter, `${table}: the writer's row against Prisma's`).toEqual(throughPrisma);
    }

    // And Prisma reads the writer's rows back as the values written.
    expect(await db.moduleProgress.findUnique({ where: { id: "progress-b" } })).toMatchObject({ ...progress, userId: "writer-b" });
    expect(await db.user.findUnique({ where: { id: "writer-d" } })).toMatchObject({ ...bare, email: "d@demo.test" });
  });
});
