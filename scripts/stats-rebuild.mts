// npm run stats:rebuild: rewrites every statistics counter (StatCounter, ModuleStat, ChapterStat,
// ProgrammeStat, ModuleSliceStat) from the rows themselves, in one transaction, and says what changed.
// For an operator who doubts the counters, or after rows were imported without the write path.
// Safe while the platform serves: writes that land during the rebuild are counted again by it or
// after it (rerun it if figures looked off during a bulk import).
import { readStatTables, rebuildStatCounters } from "@/server/data/stat-counters";

const before = await readStatTables();
const after = await rebuildStatCounters();
const changed = [...new Set([...before.counters.keys(), ...after.counters.keys()])].filter((id) => before.counters.get(id) !== after.counters.get(id));
console.log(
  JSON.stringify({
    counters: after.counters.size,
    changedCounters: changed.length,
    examples: changed.slice(0, 10).map((id) => ({ counter: id.replace("\t", " "), before: before.counters.get(id) ?? 0, after: after.counters.get(id) ?? 0 })),
    programme: after.programme,
  }),
);
process.exit(0);
