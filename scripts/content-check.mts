// npm run content:check — validates content/ (run by npm test too). Exit 1 on any error; stale facts
// and other warnings are printed but do not fail.
import { join } from "node:path";
import { freshnessReport } from "@/lib/content/freshness";
import { formatIssue, readContent } from "@/server/content/read-content";

const contentDir = join(import.meta.dirname, "..", "content");
const { programme, issues } = readContent(contentDir);
for (const issue of issues) console.log(formatIssue(issue));
const errors = issues.filter((i) => i.severity === "error").length;
const warnings = issues.length - errors;
if (programme) {
  const modules = [...programme.modulesById.values()];
  const words = modules.map((m) => m.wordCount).sort((a, b) => a - b);
  const { totals } = freshnessReport(programme, new Date());
  console.log(
    `content: ${programme.chapters.length} chapters, ${modules.length} modules (${modules.filter((m) => m.vendor).length} vendor modules with neutral twins), ` +
      `words per module min ${words[0]} / median ${words[Math.floor(words.length / 2)]} / max ${words[words.length - 1]}`,
  );
  console.log(
    `comparisons: ${programme.comparisonsById.size} comparisons, ${totals.options} options, ${totals.facts} sourced facts ` +
      `(${totals.options ? (totals.facts / totals.options).toFixed(1) : 0} an option), ${totals.notDisclosed} « non communiqué » cells, ${totals.stale} stale (18 months or more)`,
  );
}
console.log(errors ? `content check FAILED: ${errors} error(s), ${warnings} warning(s)` : `content check passed (${warnings} warning(s))`);
process.exit(errors ? 1 : 0);
