import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allPackages, packageCourse, WHOLE_PROGRAMME } from "@/lib/packages/course";
import { cmi5CourseStructure, scorm12Manifest, type PackageLayout } from "@/lib/packages/manifests";
import { getProgramme } from "@/server/content";
import { packageFiles } from "@/server/packages";

/**
 * Every package's manifest, checked against its schemas with libxml2's xmllint (installed by npm
 * test with the other Debian prerequisites): SCORM 1.2's imsmanifest.xml against IMS Content
 * Packaging 1.1.2 and ADL's SCORM 1.2 extensions (tests/schemas/scorm12/manifest.xsd imports them),
 * cmi5's cmi5.xml against the course structure XSD of the cmi5 specification.
 */
const SCHEMAS = join(process.cwd(), "packages", "schemas");
const layout: PackageLayout = { launchPath: (id) => `modules/${id}/index.html`, filesOf: () => [], sharedFiles: ["shared/sco.js", "shared/sco.css", "LICENCE.txt"] };

function xmllint(xml: string, schema: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  const file = join(dir, "manifest.xml");
  writeFileSync(file, xml);
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const programme = getProgramme();
const packages = allPackages(programme);

describe("every package's manifest is valid against its schemas", () => {
  it.each(packages.map((p) => [`${p.format} ${p.scope} ${p.path}`, p] as const))("%s", (_name, { format, scope, path }) => {
    const course = packageCourse(programme, scope, path)!;
    const { ok, output } =
      format === "scorm12" ? xmllint(scorm12Manifest(course, layout), join(SCHEMAS, "scorm12", "manifest.xsd")) : xmllint(cmi5CourseStructure(course, layout), join(SCHEMAS, "cmi5-course-structure.xsd"));
    expect(output).toMatch(/validates/);
    expect(ok).toBe(true);
  });

  it("a manifest the schema refuses is said invalid (the check can fail)", () => {
    const course = packageCourse(programme, WHOLE_PROGRAMME, "standard")!;
    const broken = scorm12Manifest(course, layout).replace("<schemaversion>1.2</schemaversion>", "<version>1.2</version>");
    expect(xmllint(broken, join(SCHEMAS, "scorm12", "manifest.xsd")).ok).toBe(false);
    const noUrl = cmi5CourseStructure(course, layout).replace(/<url>[^<]*<\/url>/, "");
    expect(xmllint(noUrl, join(SCHEMAS, "cmi5-course-structure.xsd")).ok).toBe(false);
  });
});

describe("what a package holds", () => {
  it("the programme: seven chapters; the parcours neutre puts each twin in its vendor module's place, each module once", () => {
    const standard = packageCourse(programme, WHOLE_PROGRAMME, "standard")!;
    const neutral = packageCourse(programme, WHOLE_PROGRAMME, "neutre")!;
    expect(standard.chapters.map((c) => c.id)).toEqual(programme.chapters.map((c) => c.id));
    const standardIds = standard.chapters.flatMap((c) => c.modules.map((m) => m.module.id));
    const neutralIds = neutral.chapters.flatMap((c) => c.modules.map((m) => m.module.id));
    expect(new Set(neutralIds).size).toBe(neutralIds.length);
    expect(standardIds.filter((id) => programme.modulesById.get(id)!.vendor).length).toBeGreaterThan(0);
    expect(neutralIds.filter((id) => programme.modulesById.get(id)!.vendor)).toEqual([]);
  });

  it("a chapter: its modules, in order; an unknown chapter: none", () => {
    const chapter = programme.chapters[2]!;
    expect(packageCourse(programme, chapter.id, "standard")!.chapters.map((c) => c.modules.map((m) => m.module.id))).toEqual([chapter.modules.map((m) => m.id)]);
    expect(packageCourse(programme, "pas-un-chapitre", "standard")).toBeNull();
  });

  it("SCORM: one SCO per module, items by chapter, the pass mark in percent; cmi5: one AU per module, CompletedAndPassed", () => {
    const course = packageCourse(programme, programme.chapters[0]!.id, "standard")!;
    const modules = course.chapters[0]!.modules;
    const scorm = scorm12Manifest(course, layout);
    expect(scorm.match(/adlcp:scormtype="sco"/g)).toHaveLength(modules.length);
    expect(scorm).toContain(`<adlcp:masteryscore>${Math.round(modules[0]!.masteryScore * 100)}</adlcp:masteryscore>`);
    const cmi5 = cmi5CourseStructure(course, layout);
    expect(cmi5.match(/<au /g)).toHaveLength(modules.length);
    expect(cmi5.match(/moveOn="CompletedAndPassed"/g)).toHaveLength(modules.length);
    expect(cmi5.match(/<block /g)).toHaveLength(1);
  });
});

describe("every file a manifest names is in the package", () => {
  it.each(packages.map((p) => [`${p.format} ${p.scope} ${p.path}`, p] as const))("%s", async (_name, { format, scope, path }) => {
    const files = (await packageFiles(format, scope, path))!;
    const manifest = files[format === "scorm12" ? "imsmanifest.xml" : "cmi5.xml"]!;
    const named = format === "scorm12" ? [...manifest.matchAll(/ href="([^"]+)"/g)].map((m) => m[1]!) : [...manifest.matchAll(/<url>([^<]+)<\/url>/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((href) => !(href in files))).toEqual([]);
    if (format === "scorm12") {
      // The schema files its schemaLocation names ship beside it.
      for (const xsd of manifest.match(/[a-z_0-9]+\.xsd/g)!) expect(files).toHaveProperty([xsd]);
    }
  }, 30_000);
});
