// Generated populations kept between benchmark runs (issue 21: `npm run bench` within 10 minutes).
// Generating the 100,000 learners takes minutes on each engine; the same generator, content and
// schema give the same rows, so a population is generated once and kept, keyed by:
// - the generator's version: a hash of every file the generator imports (madge follows its imports,
//   lib/ and server/ included, but for server/db.ts and server/env.ts, which only connect it), of
//   the programme (content/) and of the schema and migrations;
// - the engine, the number of learners and the seed.
// A population is kept with its "today" (`now`): a run from the cache measures the very same rows
// as the run that generated them, dated as they were. Kept in `.bench-cache/` (git-ignored;
// BENCH_CACHE_DIR moves it); BENCH_FRESH=1 regenerates. Only the newest version is kept: writing
// one removes the other versions' folders of the same benchmark.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import madge from "madge";

const root = join(import.meta.dirname, "..", "..");
const GENERATOR_ENTRY = "scripts/population/index.ts";
/** What the rows also depend on, besides the generator's code. */
const DATA_SOURCES = ["content", "prisma/models.prisma", "prisma/sqlite/migrations", "prisma/postgresql/migrations"];
/** Imported, but they decide nothing the rows hold: the connection to the database. */
const NOT_THE_ROWS = ["server/db.ts", "server/env.ts"];

export function cacheRoot(): string {
  return process.env.BENCH_CACHE_DIR ?? join(root, ".bench-cache");
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of the generator's code (every file it imports, followed by madge), the content and the schema. */
export async function generatorVersion(): Promise<string> {
  const graph = await madge(join(root, GENERATOR_ENTRY), {
    baseDir: root,
    fileExtensions: ["ts", "tsx", "mts", "mjs", "js"],
    tsConfig: join(root, "tsconfig.json"),
    excludeRegExp: [/^server\/generated\//, /node_modules/],
  });
  const imported = Object.keys(graph.obj());
  if (!imported.includes(GENERATOR_ENTRY)) throw new Error(`madge did not read ${GENERATOR_ENTRY}`);
  const code = imported.filter((file) => !NOT_THE_ROWS.includes(file)).map((file) => join(root, file));
  const files = [...new Set([...code, ...DATA_SOURCES.flatMap((source) => filesUnder(join(root, source)))])].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

export type CachedPopulation<Meta> = { dir: string; meta: Meta };

/** The cache folder's name for one benchmark, engine, size and seed, at this version. */
export function cacheKey(bench: string, engine: string, learners: number, seed: number, version: string): string {
  return `${bench}-${engine}-${learners}-${seed}-${version}`;
}

/** The kept population of this key, or null (none, or BENCH_FRESH=1). */
export function readCache<Meta>(key: string): CachedPopulation<Meta> | null {
  if (process.env.BENCH_FRESH === "1") return null;
  const dir = join(cacheRoot(), key);
  const metaFile = join(dir, "population.json");
  if (!existsSync(metaFile)) return null;
  return { dir, meta: JSON.parse(readFileSync(metaFile, "utf8")) as Meta };
}

/**
 * Keeps a population: `fill(folder)` puts its files into a new folder, which then takes the key's
 * name (a run stopped half-way leaves no half-written cache under that name). The other versions of
 * the same benchmark and engine are removed.
 */
export async function writeCache<Meta>(key: string, meta: Meta, fill: (dir: string) => Promise<void> | void): Promise<void> {
  const rootDir = cacheRoot();
  mkdirSync(rootDir, { recursive: true });
  const partial = join(rootDir, `${key}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  try {
    await fill(partial);
    writeFileSync(join(partial, "population.json"), JSON.stringify(meta, null, 2));
    const prefix = key.slice(0, key.lastIndexOf("-") + 1);
    for (const name of readdirSync(rootDir)) if (name.startsWith(prefix) && !name.includes(".partial-")) rmSync(join(rootDir, name), { recursive: true, force: true });
    renameSync(partial, join(rootDir, key));
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
