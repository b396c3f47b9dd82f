import { describe, expect, it } from "vitest";
import { packageFileName, parsePackageFileName } from "./course";

const chapters = ["transition-numerique", "marque"];

describe("the package a download's file name asks for", () => {
  it.each<[string, string, ReturnType<typeof parsePackageFileName>]>([
    ["the whole programme, standard", "accelerateur-libre_scorm12_programme_standard.zip", { format: "scorm12", scope: "programme", path: "standard" }],
    ["a chapter, parcours neutre", "accelerateur-libre_scorm12_marque_neutre.zip", { format: "scorm12", scope: "marque", path: "neutre" }],
    ["cmi5, the whole programme", "accelerateur-libre_cmi5_programme_standard.zip", { format: "cmi5", scope: "programme", path: "standard" }],
    ["an unknown format", "accelerateur-libre_scorm2004_programme_standard.zip", null],
    ["an unknown chapter", "accelerateur-libre_scorm12_pas-un-chapitre_standard.zip", null],
    ["an unknown path", "accelerateur-libre_scorm12_marque_autre.zip", null],
    ["not a zip", "accelerateur-libre_scorm12_marque_neutre.tar", null],
    ["a path traversal", "..%2F..%2Fetc%2Fpasswd", null],
    ["empty", "", null],
  ])("%s", (_name, fileName, expected) => {
    expect(parsePackageFileName(fileName, chapters)).toEqual(expected);
  });

  it("reads back every name it writes", () => {
    for (const format of ["scorm12", "cmi5"] as const)
      for (const scope of ["programme", ...chapters])
        for (const path of ["standard", "neutre"] as const) expect(parsePackageFileName(packageFileName(format, scope, path), chapters)).toEqual({ format, scope, path });
  });
});
