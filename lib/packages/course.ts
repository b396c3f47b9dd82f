import { modulesOnPath } from "@/lib/content/path";
import type { Module, Programme } from "@/lib/content/types";
import { passingScore } from "@/lib/quiz";

/**
 * What a package of the programme holds (issue 23): the whole programme or one chapter, on the
 * standard path or the parcours neutre (each vendor module replaced by its neutral twin, as
 * lib/content/path.ts orders them for a learner), as SCORM 1.2 or cmi5. One module, one SCO or AU;
 * items or blocks by chapter.
 */
export const PACKAGE_FORMATS = ["scorm12", "cmi5"] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];
export const PACKAGE_PATHS = ["standard", "neutre"] as const;
export type PackagePath = (typeof PACKAGE_PATHS)[number];
/** "programme", or a chapter's id. */
export type PackageScope = string;
export const WHOLE_PROGRAMME = "programme";

export type PackageModule = { module: Module; /** The quiz's pass mark as a share of its questions (0..1): cmi5's masteryScore, SCORM's masteryscore in percent. */ masteryScore: number };
export type PackageChapter = { id: string; order: number; title: string; summary: string; modules: PackageModule[] };
export type PackageCourse = { scope: PackageScope; path: PackagePath; title: string; description: string; chapters: PackageChapter[] };

export const PROGRAMME_TITLE = "Accélérateur libre";
const PROGRAMME_DESCRIPTION =
  "Le programme de formation au commerce en ligne pour les TPE, PME, artisans et commerçants : sept chapitres de tutoriels courts, avec, à côté de chaque module propre à un vendeur, une alternative neutre.";

/** The quiz's pass mark (lib/quiz.ts passingScore) as a share, rounded down to 2 decimals so that passing always reaches it. */
export function masteryScoreOf(module: Module): number {
  const total = module.quiz.length;
  return total === 0 ? 0 : Math.floor((passingScore(total) / total) * 100) / 100;
}

/** The course a package holds, or null for an unknown chapter. French titles: the platform is French first. */
export function packageCourse(programme: Programme, scope: PackageScope, path: PackagePath): PackageCourse | null {
  const chapters = scope === WHOLE_PROGRAMME ? programme.chapters : programme.chapters.filter((c) => c.id === scope);
  if (chapters.length === 0) return null;
  const pathLabel = path === "neutre" ? "parcours neutre" : "parcours standard";
  // A neutral twin placed at its vendor module's place in one chapter may sit in another chapter
  // too: a package holds each module once (one SCO or AU each), where it comes first.
  const seen = new Set<string>();
  const packaged = chapters.map((chapter) => ({
    id: chapter.id,
    order: chapter.order,
    title: chapter.title.fr,
    summary: chapter.summary.fr,
    modules: modulesOnPath(chapter, programme.modulesById, path === "neutre")
      .filter(({ module }) => !seen.has(module.id) && !!seen.add(module.id))
      .map(({ module }) => ({ module, masteryScore: masteryScoreOf(module) })),
  }));
  const only = scope === WHOLE_PROGRAMME ? null : packaged[0]!;
  return {
    scope,
    path,
    title: only ? `${PROGRAMME_TITLE} — ${only.order}. ${only.title} (${pathLabel})` : `${PROGRAMME_TITLE} — le programme complet (${pathLabel})`,
    description: only ? only.summary : PROGRAMME_DESCRIPTION,
    chapters: packaged,
  };
}

/** Every package there is: the programme and each chapter, on both paths, in both formats. */
export function allPackages(programme: Programme): { format: PackageFormat; scope: PackageScope; path: PackagePath }[] {
  const scopes = [WHOLE_PROGRAMME, ...programme.chapters.map((c) => c.id)];
  return PACKAGE_FORMATS.flatMap((format) => scopes.flatMap((scope) => PACKAGE_PATHS.map((path) => ({ format, scope, path }))));
}

/** The formats offered for download: both, each SCO knowing which LMS launched it (packages/runtime/sco.ts). */
export const OFFERED_FORMATS: readonly PackageFormat[] = PACKAGE_FORMATS;

/** The download's file name, e.g. accelerateur-libre_scorm12_programme_standard.zip. */
export function packageFileName(format: PackageFormat, scope: PackageScope, path: PackagePath): string {
  return `accelerateur-libre_${format}_${scope}_${path}.zip`;
}

/** The package a download's file name asks for, when it is one offered (else null). */
export function parsePackageFileName(fileName: string, chapterIds: readonly string[]): { format: PackageFormat; scope: PackageScope; path: PackagePath } | null {
  const match = /^accelerateur-libre_([a-z0-9]+)_([a-z0-9-]+)_([a-z]+)\.zip$/.exec(fileName);
  if (!match) return null;
  const [, format, scope, path] = match as unknown as [string, PackageFormat, string, PackagePath];
  if (!OFFERED_FORMATS.includes(format) || !PACKAGE_PATHS.includes(path)) return null;
  if (scope !== WHOLE_PROGRAMME && !chapterIds.includes(scope)) return null;
  return { format, scope, path };
}
