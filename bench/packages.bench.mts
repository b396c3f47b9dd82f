// The programme's SCORM packages (issue 23, server/packages): how long a fresh process takes to
// build the whole programme's packages (both paths: the SCO runtime bundled by esbuild, every
// module's page, the manifest, the ZIP), then the size of every package offered for download.
// Targets: the whole programme's packages in ≤ 10 s; a chapter's package ≤ 2 MB.
// `--json` prints one last line: {"packages":{"programmeBuildMs","sizes":{file:bytes},"largestChapterBytes"}}.
import { allPackages, OFFERED_FORMATS, WHOLE_PROGRAMME } from "@/lib/packages/course";
import { getProgramme } from "@/server/content";
import { getPackage } from "@/server/packages";

const isJson = process.argv.includes("--json");
getProgramme(); // the content is read once per process, as the platform does at its first page

const started = performance.now();
await getPackage("scorm12", WHOLE_PROGRAMME, "standard");
await getPackage("scorm12", WHOLE_PROGRAMME, "neutre");
const programmeBuildMs = Math.round(performance.now() - started);

const sizes: Record<string, number> = {};
for (const { format, scope, path } of allPackages(getProgramme()).filter((p) => OFFERED_FORMATS.includes(p.format))) {
  const built = (await getPackage(format, scope, path))!;
  sizes[built.fileName] = built.bytes.byteLength;
}
const chapterSizes = Object.entries(sizes).filter(([name]) => !name.includes(`_${WHOLE_PROGRAMME}_`));
const largestChapterBytes = Math.max(...chapterSizes.map(([, bytes]) => bytes));

console.log("SCORM packages (server/packages), built from content/ in a fresh process");
console.log(`  the whole programme, both paths (runtime bundle included)  ${(programmeBuildMs / 1000).toFixed(2)} s (target ≤ 10 s)`);
for (const [name, bytes] of Object.entries(sizes)) console.log(`  ${name.padEnd(64)} ${(bytes / 1e6).toFixed(2)} MB`);
console.log(`  largest chapter package                                     ${(largestChapterBytes / 1e6).toFixed(2)} MB (target ≤ 2 MB)`);
if (isJson) console.log(JSON.stringify({ packages: { programmeBuildMs, sizes, largestChapterBytes } }));
