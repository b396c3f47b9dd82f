// No module of the platform imports itself back through others (issue 21): a cycle makes the
// order of evaluation matter, and it hid that the heartbeat's write paths decided things twice.
// madge reads the imports (type-only ones included) the way TypeScript resolves them.
import { join } from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("import cycles", () => {
  it("there is none in app/, components/, server/, lib/, proxy.ts and instrumentation.ts", { timeout: 60_000 }, async () => {
    const graph = await madge(["app", "components", "server", "lib", "proxy.ts", "instrumentation.ts"], {
      baseDir: root,
      fileExtensions: ["ts", "tsx"],
      tsConfig: join(root, "tsconfig.json"),
      // Prisma's generated clients (git-ignored) import each other by design.
      excludeRegExp: [/^server\/generated\//],
    });
    // The check reads the files it should: the quiz and the heartbeat's write paths among them.
    expect(Object.keys(graph.obj())).toEqual(expect.arrayContaining(["components/module/quiz.tsx", "components/module/lazy-quiz.tsx", "server/data/progress.ts", "server/data/progress-sqlite.ts"]));
    expect(graph.circular()).toEqual([]);
  });
});
