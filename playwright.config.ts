import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3210";
const baseURL = `http://localhost:${port}`;
/** A second server on the test-only content fixture (short modules), for the progress tests. */
const fixturePort = String(Number(port) + 1);
export const FIXTURE_BASE_URL = `http://localhost:${fixturePort}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";

export default defineConfig({
  testDir: "tests/e2e",
  // Tests share one server and database; they create their own accounts, but the role changes
  // and throttling tests are clearer run one at a time on this 2-core machine.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { E2E_PORT: port, NEXT_DIST_DIR: distDir },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `${FIXTURE_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { E2E_PORT: fixturePort, NEXT_DIST_DIR: distDir, CONTENT_DIR: "tests/fixtures/content" },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
