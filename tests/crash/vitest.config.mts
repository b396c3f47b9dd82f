// The crash test (tests/crash): its own vitest configuration, run by scripts/test.mjs after the
// production build of the end-to-end step (it serves that build), never by `vitest run --project …`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // server/playback-session.ts signs the learners' sessions here, in plain Node.
      { find: /^server-only$/, replacement: `${root}/tests/support/empty-module.ts` },
    ],
  },
  test: {
    include: ["tests/crash/**/*.test.mts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
