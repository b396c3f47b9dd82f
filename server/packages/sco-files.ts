/**
 * The files of the SCOs (issue 23): one page per module and the runtime they share, bundled with
 * esbuild from packages/runtime/. No "server-only" import here, so that the end-to-end test
 * (tests/e2e/scorm.spec.ts) serves exactly these files from plain Node; server/packages/sco.ts is
 * what the platform imports.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { Comparison, Module } from "@/lib/content/types";
import { scoPageHtml } from "@/lib/packages/sco-page";

export const SCO_RUNTIME_PATH = "shared/sco.js";
export const SCO_STYLE_PATH = "shared/sco.css";

/** Where a module's SCO starts, relative to the package's root. */
export const scoLaunchPath = (moduleId: string) => `modules/${moduleId}/index.html`;

/** The runtime shared by every SCO of a package: packages/runtime/sco.ts bundled (minified IIFE, ES2019) and its style sheet. */
export async function buildScoRuntimeFiles(root = process.cwd()): Promise<Record<string, string>> {
  const result = await build({
    entryPoints: [join(root, "packages", "runtime", "sco.ts")],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2019",
    minify: true,
    legalComments: "none",
    alias: { "@": root },
    logLevel: "silent",
  });
  const js = result.outputFiles[0]?.text;
  if (!js) throw new Error("esbuild gave no output for packages/runtime/sco.ts");
  const css = await readFile(join(root, "packages", "runtime", "style.css"), "utf8");
  return { [SCO_RUNTIME_PATH]: js, [SCO_STYLE_PATH]: css };
}

/** A module's SCO: its one page, by its path in the package (the runtime files are shared, see buildScoRuntimeFiles). */
export function scoFiles(
  module: Module,
  twin: Module | null,
  comparison: Comparison | null,
  licence: string,
  chapter: { order: number; title: string } | null = null,
): Record<string, string> {
  return {
    [scoLaunchPath(module.id)]: scoPageHtml({ module, twin, comparison, licence, chapter, runtimeHref: `../../${SCO_RUNTIME_PATH}`, styleHref: `../../${SCO_STYLE_PATH}` }),
  };
}
