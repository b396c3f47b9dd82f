// What `npm test` needs from Debian besides node_modules, checked before any test runs:
// Chromium for the end-to-end tests (Playwright launches Debian's Chromium headless shell,
// /usr/bin/chromium-headless-shell, never a downloaded browser) and the PostgreSQL server binaries
// for the integration tests on PostgreSQL (scripts/lib/pg-cluster.mjs starts a throwaway cluster
// from them), and libxml2's xmllint, which checks the packages' manifests against their schemas.
// As root, what is missing is installed with apt-get (as `playwright install --with-deps` would
// elsewhere); otherwise the run stops at once with the one command to run.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { findPostgresBin } from "./pg-cluster.mjs";

// The headless shell is Debian's build of Chromium without the browser's interface (the same kind
// of build Playwright drives by default for headless runs): the full browser's interface processes
// took about a third of the end-to-end run's CPU on 2 cores. CHROMIUM_PATH=/usr/bin/chromium runs
// the same tests in the full browser.
export const DEBIAN_CHROMIUM_PATH = "/usr/bin/chromium-headless-shell";

/**
 * @typedef {{ name: string, package: string, path: string, isCustomPath?: boolean }} Requirement
 *   name: what it is for a person; package: the Debian package that provides it; path: where it
 *   was looked for; isCustomPath: the path comes from the operator (CHROMIUM_PATH), so installing
 *   the Debian package would not put anything there.
 */

export const CHROMIUM = { name: "Chromium headless shell (end-to-end tests)", package: "chromium-headless-shell", path: DEBIAN_CHROMIUM_PATH };
export const POSTGRESQL = { name: "PostgreSQL server binaries (integration tests on PostgreSQL)", package: "postgresql", path: "/usr/lib/postgresql/*/bin/initdb" };
export const XMLLINT = { name: "libxml2's xmllint (the SCORM and cmi5 manifests checked against their schemas)", package: "libxml2-utils", path: "/usr/bin/xmllint" };

/** The apt-get commands that install these packages, as root. */
export function installCommands(packages) {
  return [["apt-get", "update"], ["apt-get", "install", "-y", ...packages]];
}

/**
 * What to do, from what is missing and whether this process runs as root (pure).
 * @param {{ missing: Requirement[], isRoot: boolean }} input
 * @returns {{ action: "none" } | { action: "install", packages: string[] } | { action: "stop", message: string }}
 */
export function planPrerequisites({ missing, isRoot }) {
  if (missing.length === 0) return { action: "none" };
  const custom = missing.filter((r) => r.isCustomPath);
  if (custom.length) {
    // apt-get cannot fix a path the operator chose: say what is wrong with it.
    const lines = custom.map((r) => `  ${r.name}: ${r.path} (from CHROMIUM_PATH) is not an executable file`);
    return {
      action: "stop",
      message: `npm test needs:\n${lines.join("\n")}\nPoint CHROMIUM_PATH at a Chromium, or unset it to use Debian's (sudo apt-get install -y ${CHROMIUM.package}).`,
    };
  }
  const packages = missing.map((r) => r.package);
  if (isRoot) return { action: "install", packages };
  const lines = missing.map((r) => `  ${r.name}: not found at ${r.path}`);
  return {
    action: "stop",
    message: `npm test needs Debian packages that are not installed:\n${lines.join("\n")}\nInstall them with:\n\n  sudo apt-get install -y ${packages.join(" ")}\n\nthen run npm test again.`,
  };
}

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What is missing on this machine. CHROMIUM_PATH (also read by playwright.config.ts) replaces /usr/bin/chromium-headless-shell. */
export function probePrerequisites(env = process.env) {
  const missing = [];
  const chromiumPath = env.CHROMIUM_PATH || DEBIAN_CHROMIUM_PATH;
  if (!isExecutableFile(chromiumPath)) missing.push({ ...CHROMIUM, path: chromiumPath, isCustomPath: chromiumPath !== DEBIAN_CHROMIUM_PATH });
  if (!findPostgresBin()) missing.push(POSTGRESQL);
  if (!isExecutableFile(XMLLINT.path)) missing.push(XMLLINT);
  return missing;
}

/** Runs apt-get as root, non-interactively; returns true when every command succeeded. */
export function aptGetInstall(packages) {
  for (const [command, ...args] of installCommands(packages)) {
    console.log(`$ ${command} ${args.join(" ")}`);
    const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) return false;
  }
  return true;
}

/**
 * Makes sure the prerequisites are there: nothing to do, installed (as root), or a message to stop on.
 * The probes are injected so that the decision is tested without depending on this machine.
 * @param {{ probe?: () => Requirement[], isRoot?: boolean, install?: (packages: string[]) => boolean, log?: (line: string) => void }} [options]
 * @returns {{ ok: true, installed: string[] } | { ok: false, message: string }}
 */
export function ensureTestPrerequisites({ probe = probePrerequisites, isRoot = process.getuid?.() === 0, install = aptGetInstall, log = console.log } = {}) {
  const plan = planPrerequisites({ missing: probe(), isRoot });
  if (plan.action === "none") return { ok: true, installed: [] };
  if (plan.action === "stop") return { ok: false, message: plan.message };
  log(`Installing Debian packages that npm test needs: ${plan.packages.join(" ")}`);
  const command = `apt-get update && apt-get install -y ${plan.packages.join(" ")}`;
  if (!install(plan.packages)) return { ok: false, message: `Could not install ${plan.packages.join(" ")}: \`${command}\` failed (see above).` };
  const stillMissing = probe();
  if (stillMissing.length) {
    return { ok: false, message: `Still missing after \`${command}\`:\n${stillMissing.map((r) => `  ${r.name}: not found at ${r.path}`).join("\n")}` };
  }
  return { ok: true, installed: plan.packages };
}
