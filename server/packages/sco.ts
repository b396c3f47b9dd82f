import "server-only";
import { buildScoRuntimeFiles } from "./sco-files";

/**
 * The SCOs for the platform's packages (server/packages/index.ts): the pages (sco-files.ts) and
 * the shared runtime, bundled once per process and kept on globalThis (a development server's
 * reloads keep it too).
 */
export { scoFiles, scoLaunchPath } from "./sco-files";

const cache = globalThis as unknown as { accelerateurScoRuntime?: Promise<Record<string, string>> };

/** `shared/sco.js` (packages/runtime/ bundled) and `shared/sco.css`, built on first ask. */
export function scoRuntimeFiles(): Promise<Record<string, string>> {
  cache.accelerateurScoRuntime ??= buildScoRuntimeFiles().catch((error: unknown) => {
    // A failed build is not kept: the next ask tries again.
    cache.accelerateurScoRuntime = undefined;
    throw error;
  });
  return cache.accelerateurScoRuntime;
}
