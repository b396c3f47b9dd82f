import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { AUTHORIZATION_MATRIX } from "../authorization-matrix";

const root = join(__dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const appFiles = filesUnder(join(root, "app")).map((f) => relative(root, f).split("\\").join("/"));
const routeFiles = appFiles.filter((f) => /\/(page|route)\.tsx?$/.test(f));

describe("authorization matrix coverage", () => {
  it.each(routeFiles)("%s has a row", (file) => {
    expect(AUTHORIZATION_MATRIX.map((row) => row.file)).toContain(file);
  });

  it("every exported HTTP method of a route handler has a row", () => {
    for (const file of routeFiles.filter((f) => /route\.tsx?$/.test(f))) {
      const source = readFileSync(join(root, file), "utf8");
      const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      const reexported = [...source.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      for (const method of [...methods, ...reexported]) {
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
