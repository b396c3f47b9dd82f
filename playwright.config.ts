import { defineConfig } from "@playwright/test";
import { DEBIAN_CHROMIUM_PATH } from "./scripts/lib/test-prerequisites.mjs";
import { FIXTURE_SPEC_FILES } from "./tests/e2e/fixture-specs";

const port = process.env.E2E_PORT ?? "3210";
const baseURL = `http://localhost:${port}`;
/** A second server on the test-only content fixture (short modules), for the progress tests. */
const fixturePort = String(Number(port) + 1);
export const FIXTURE_BASE_URL = `http://localhost:${fixturePort}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
/** The fixture server serves the same build: the content is read when the server starts (CONTENT_DIR). */
export const FIXTURE_CONTENT_DIR = "tests/fixtures/content";
const FIXTURE_SPECS = FIXTURE_SPEC_FILES.map((file) => `**/${file}`);

export default defineConfig({
  testDir: "tests/e2e",
  // Each server (and its database, and its clock) is driven by one worker at a time: the tests
  // create their own accounts, but the role changes, the throttling tests and the clock moves
  // (setClockOffsetDays) are clearer one at a time. The two servers' projects run side by side:
  // the fixture specs (tests/e2e/fixture-specs.ts) spend most of their time waiting for videos to
  // play in real time. Measured on 2 cores: 9.8 min on one worker, 5.8 min this way.
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: "platform", testIgnore: FIXTURE_SPECS, workers: 1 },
    { name: "fixture", testMatch: FIXTURE_SPECS, workers: 1 },
  ],
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium headless shell (scripts/lib/test-prerequisites.mjs says why).
      executablePath: process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM_PATH,
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
      env: { E2E_PORT: fixturePort, NEXT_DIST_DIR: distDir, CONTENT_DIR: FIXTURE_CONTENT_DIR },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
