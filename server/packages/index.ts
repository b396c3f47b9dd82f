import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { packageCourse, packageFileName, type PackageFormat, type PackagePath, type PackageScope } from "@/lib/packages/course";
import { licenceText } from "@/lib/packages/licence";
import { cmi5CourseStructure, scorm12Manifest, type PackageLayout } from "@/lib/packages/manifests";
import { getComparison, getModule, getProgramme } from "../content";
import { scoFiles, scoLaunchPath, scoRuntimeFiles } from "./sco";

/**
 * The programme's packages (issue 23), built from content/ once per process and kept in memory:
 * a new deployment with new content builds new ones, a request never builds one twice. A package
 * is a ZIP: the manifest at its root (imsmanifest.xml with SCORM 1.2's schema files beside it, or
 * cmi5.xml), LICENCE.txt, the SCO runtime shared by every module (shared/), and one launch page per
 * module (modules/<id>/index.html) holding everything the module shows.
 */
export type BuiltPackage = { fileName: string; bytes: Uint8Array; fileCount: number };

const SCORM_SCHEMAS = ["imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"];
const LICENCE_FILE = "LICENCE.txt";

const cache = (globalThis as unknown as { accelerateurPackages?: Map<string, Promise<BuiltPackage | null>> });
cache.accelerateurPackages ??= new Map();

/** The day the content's facts were last checked: the « date de dernière mise à jour » the licence asks to cite. */
function contentUpdatedOn(): string {
  const days = [...getProgramme().comparisonsById.values()].flatMap((c) => c.options.flatMap((o) => Object.values(o.facts).map((f) => f?.checkedAt ?? "")));
  return days.filter(Boolean).sort().at(-1) ?? "";
}

/** The files of a package, by their path in the ZIP. */
export async function packageFiles(format: PackageFormat, scope: PackageScope, path: PackagePath): Promise<Record<string, string> | null> {
  const course = packageCourse(getProgramme(), scope, path);
  if (!course) return null;
  const licence = licenceText(contentUpdatedOn());
  const runtime = await scoRuntimeFiles();
  const files: Record<string, string> = { [LICENCE_FILE]: licence, ...runtime };
  for (const chapter of course.chapters) {
    for (const { module } of chapter.modules) {
      const twin = module.neutralTwinId ? getModule(module.neutralTwinId) : null;
      Object.assign(files, scoFiles(module, twin, getComparison(module.comparisonId), licence, { order: chapter.order, title: chapter.title }));
    }
  }
  const layout: PackageLayout = { launchPath: scoLaunchPath, filesOf: () => [], sharedFiles: [...Object.keys(runtime), LICENCE_FILE] };
  if (format === "scorm12") {
    files["imsmanifest.xml"] = scorm12Manifest(course, layout);
    for (const schema of SCORM_SCHEMAS) files[schema] = readFileSync(join(process.cwd(), "packages", "schemas", "scorm12", schema), "utf8");
  } else {
    files["cmi5.xml"] = cmi5CourseStructure(course, layout);
  }
  return files;
}

/** A package as a ZIP, built on first ask and kept; null for an unknown chapter. */
export function getPackage(format: PackageFormat, scope: PackageScope, path: PackagePath): Promise<BuiltPackage | null> {
  const key = `${format}/${scope}/${path}`;
  let built = cache.accelerateurPackages!.get(key);
  if (!built) {
    built = packageFiles(format, scope, path).then((files) => {
      if (!files) return null;
      const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 9, mtime: new Date("2026-01-01T00:00:00Z") });
      return { fileName: packageFileName(format, scope, path), bytes, fileCount: Object.keys(files).length };
    });
    // A failed build is not kept: the next ask tries again.
    built.catch(() => cache.accelerateurPackages!.delete(key));
    cache.accelerateurPackages!.set(key, built);
  }
  return built;
}
