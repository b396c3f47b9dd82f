// The platform's production server: `next start` (Next.js's own request handler, as in its
// « custom server » guide), plus the one route it answers itself before Next.js's router
// (server/direct-routes.ts, handed over by instrumentation.ts when Next.js starts: the player's
// heartbeat, POST /api/progress).
// Usage: node scripts/server.mjs [-p PORT] [-H HOSTNAME]: the port is PORT in the environment
// otherwise (3000); all interfaces without -H. Serves the build in NEXT_DIST_DIR
// (.next), which must exist (npm start builds it). SIGTERM and SIGINT stop it.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import compression from "compression";
import next from "next";
import { root } from "./lib/runtime-env.mjs";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
process.env.NODE_ENV = "production";

// Next.js's own name for itself stays "localhost" whatever address the server listens on: it builds
// the URLs that proxy.ts's rewrites are compared with from it, and a rewrite to another host than
// its own would be fetched over HTTP, through proxy.ts again, instead of served.
const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
const DIRECT_ROUTES = Symbol.for("accelerateur.direct-routes");
/**
 * instrumentation.ts's register() hands them over once Next.js has loaded it, which prepare() does
 * not wait for: the server listens only once they are there (or after 30 s, with a warning — every
 * request then goes through Next.js, which answers them the same way, only slower).
 * @returns {Promise<import("../server/direct-routes").DirectRoutes | undefined>}
 */
async function directRoutes() {
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (globalThis[DIRECT_ROUTES]) return globalThis[DIRECT_ROUTES];
  }
  console.warn("⚠ instrumentation.ts did not hand over the direct routes: every request goes through Next.js");
}
const direct = await directRoutes();

/**
 * Every answer from Next.js compressed for a browser that accepts it (gzip or deflate), whatever its
 * size: Next.js's own compression (next.config.js `compress`, off) leaves answers under 1 kB as
 * they are, small script chunks among them. The heartbeat's short JSON answers are not compressed.
 */
const compress = compression({ threshold: 0 });
const server = createServer((request, response) => {
  if (direct?.handle(request, response)) return;
  compress(request, response, () => handle(request, response));
});
// As next start: idle keep-alive connections are closed after 5 s.
server.keepAliveTimeout = 5000;
server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname ?? "localhost"}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
