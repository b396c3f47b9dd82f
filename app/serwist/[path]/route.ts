// The service worker's script (/serwist/sw.js), bundled from app/sw.ts by Serwist at build time with
// the build's file list: the offline page, the style sheets, the font and the scripts. Served statically, the same
// for everyone. Its rules are lib/offline-policy.ts; OFFLINE=off makes the pages unregister it
// (components/layout/offline-status.tsx).
import { randomUUID } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";
import { OFFLINE_PAGE_PATH } from "@/lib/offline-policy";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  esbuildOptions: { sourcemap: false },
  // The build's style sheets, font and scripts (the distDir of next.config.js). The worker keeps the
  // first two at install and hands the scripts' list to a learner who keeps a chapter (app/sw.ts).
  globPatterns: [`${(process.env.NEXT_DIST_DIR || ".next").replace(/\/$/, "")}/static/**/*.{css,woff2,js}`],
  // The offline page changes with a build: a new revision each build re-keeps it.
  additionalPrecacheEntries: [{ url: OFFLINE_PAGE_PATH, revision: randomUUID() }],
  // Each script's size, for the size a kept chapter will take (app/sw.ts answers it to the page). The
  // list's entries have only a URL and a revision, and a script's revision is otherwise unused: its
  // name carries its content's hash, and the worker does not precache scripts. So its revision says
  // its size, « bytes=N » (SCRIPT_SIZE_REVISION in app/sw.ts). A test reads it back (tests/e2e/offline.spec.ts).
  manifestTransforms: [async (entries) => ({ manifest: entries.map((entry) => (entry.url.endsWith(".js") ? { ...entry, revision: `bytes=${entry.size}` } : entry)), warnings: [] })],
});
