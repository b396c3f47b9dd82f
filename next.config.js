// @ts-check
// Security headers that do not depend on the request. The Content-Security-Policy needs a fresh
// nonce per request, so proxy.ts sets it (see lib/security-headers.ts for both).
const { staticSecurityHeaders } = require("./lib/security-headers-static.cjs");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The test runner builds into its own folder so that it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // scripts/server.mjs compresses every answer itself (Next.js's compression skips those under 1 kB).
  compress: false,
  // The test runner's build skips the type check that its own "Type check" step has just done
  // (scripts/test.mjs).
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPE_CHECK === "1" },
  // forbidden() from next/navigation answers a page with a real 403.
  experimental: { authInterrupts: true },
  // esbuild bundles the SCORM packages' runtime once per process (server/packages/sco-files.ts): it
  // runs its own native binary, so Node loads it from node_modules rather than from the server bundle.
  serverExternalPackages: ["esbuild"],
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

module.exports = nextConfig;
