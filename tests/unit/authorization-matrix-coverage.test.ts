import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { AUTHORIZATION_MATRIX } from "../authorization-matrix";
import { appRouteFiles, filesUnder, isRouteHandler, ROOT as root, routeMethods } from "../support/app-routes";

const routeFiles = appRouteFiles();

describe("authorization matrix coverage", () => {
  it.each(routeFiles)("%s has a row", (file) => {
    expect(AUTHORIZATION_MATRIX.map((row) => row.file)).toContain(file);
  });

  it("every exported HTTP method of a route handler has a row", () => {
    for (const file of routeFiles.filter(isRouteHandler)) {
      for (const method of routeMethods(file)) {
        // next-auth's catch-all serves GET and POST for its own protocol; its GET row stands for it.
        if (file.includes("[...nextauth]")) continue;
        expect(AUTHORIZATION_MATRIX.some((row) => row.file === file && row.method === method), `${method} ${file}`).toBe(true);
      }
    }
  });

  it("has no row for a file that no longer exists", () => {
    for (const row of AUTHORIZATION_MATRIX) expect(routeFiles).toContain(row.file);
  });

  it("finds no server action, which the matrix could not reach", () => {
    const sourceFiles = ["app", "components", "server", "lib"].flatMap((d) => filesUnder(join(root, d))).filter((f) => !f.includes("/generated/")).map((f) => relative(root, f));
    const withActions = sourceFiles.filter((f) => /\.(tsx?|jsx?)$/.test(f) && /^\s*["']use server["']/m.test(readFileSync(join(root, f), "utf8")));
    expect(withActions).toEqual([]);
  });
});
