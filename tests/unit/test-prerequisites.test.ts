// npm test's check of Debian's Chromium and PostgreSQL (scripts/lib/test-prerequisites.mjs), with
// the probes and apt-get replaced: the decision, whatever is installed on the machine running it.
import { describe, expect, it } from "vitest";
import { CHROMIUM, POSTGRESQL, ensureTestPrerequisites, installCommands, planPrerequisites, type Requirement } from "../../scripts/lib/test-prerequisites.mjs";

const customChromium: Requirement = { ...CHROMIUM, path: "/opt/chromium/chrome", isCustomPath: true };

describe("planPrerequisites: what is missing × root or not", () => {
  const table: [string, Requirement[], boolean, { action: string; packages?: string[]; command?: string }][] = [
    ["nothing missing, root", [], true, { action: "none" }],
    ["nothing missing, not root", [], false, { action: "none" }],
    ["Chromium missing, root", [CHROMIUM], true, { action: "install", packages: ["chromium-headless-shell"] }],
    ["PostgreSQL missing, root", [POSTGRESQL], true, { action: "install", packages: ["postgresql"] }],
    ["both missing, root", [CHROMIUM, POSTGRESQL], true, { action: "install", packages: ["chromium-headless-shell", "postgresql"] }],
    ["Chromium missing, not root", [CHROMIUM], false, { action: "stop", command: "sudo apt-get install -y chromium-headless-shell\n" }],
    ["PostgreSQL missing, not root", [POSTGRESQL], false, { action: "stop", command: "sudo apt-get install -y postgresql\n" }],
    ["both missing, not root", [CHROMIUM, POSTGRESQL], false, { action: "stop", command: "sudo apt-get install -y chromium-headless-shell postgresql\n" }],
  ];
  it.each(table)("%s", (_label, missing, isRoot, expected) => {
    const plan = planPrerequisites({ missing, isRoot });
    expect(plan.action).toBe(expected.action);
    if (plan.action === "install") expect(plan.packages).toEqual(expected.packages);
    if (plan.action === "stop") {
      // One command, naming only what is missing.
      expect(plan.message).toContain(`\n  ${expected.command}`);
      expect(plan.message.match(/apt-get install/g)).toHaveLength(1);
      for (const requirement of missing) expect(plan.message).toContain(requirement.path);
    }
  });

  it("a CHROMIUM_PATH that does not exist stops, root or not: installing Debian's Chromium would not put it there", () => {
    for (const isRoot of [true, false]) {
      const plan = planPrerequisites({ missing: [customChromium, POSTGRESQL], isRoot });
      expect(plan).toMatchObject({ action: "stop" });
      expect(plan.action === "stop" && plan.message).toContain("/opt/chromium/chrome (from CHROMIUM_PATH)");
    }
  });

  it("installs with apt-get update, then apt-get install -y", () => {
    expect(installCommands(["chromium", "postgresql"])).toEqual([["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "postgresql"]]);
  });
});

describe("ensureTestPrerequisites", () => {
  /** A machine where `installed` packages are present, and apt-get (as root) adds what it is asked for unless it fails. */
  function machine(installed: string[], { aptFails = false, aptInstallsNothing = false } = {}) {
    const present = new Set(installed);
    const installs: string[][] = [];
    return {
      installs,
      probe: () => [CHROMIUM, POSTGRESQL].filter((r) => !present.has(r.package)),
      install: (packages: string[]) => {
        installs.push(packages);
        if (aptFails) return false;
        if (!aptInstallsNothing) for (const p of packages) present.add(p);
        return true;
      },
      log: () => {},
    };
  }

  it("nothing missing: nothing installed, go on", () => {
    const m = machine(["chromium-headless-shell", "postgresql"]);
    expect(ensureTestPrerequisites({ ...m, isRoot: true })).toEqual({ ok: true, installed: [] });
    expect(m.installs).toEqual([]);
  });

  it("root: installs only what is missing, then goes on", () => {
    const m = machine(["postgresql"]);
    expect(ensureTestPrerequisites({ ...m, isRoot: true })).toEqual({ ok: true, installed: ["chromium-headless-shell"] });
    expect(m.installs).toEqual([["chromium-headless-shell"]]);
  });

  it("not root: never calls apt-get, stops with the command", () => {
    const m = machine([]);
    const result = ensureTestPrerequisites({ ...m, isRoot: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("sudo apt-get install -y chromium-headless-shell postgresql");
    expect(m.installs).toEqual([]);
  });

  it("root, apt-get fails: stops and says which command failed", () => {
    const m = machine(["chromium-headless-shell"], { aptFails: true });
    const result = ensureTestPrerequisites({ ...m, isRoot: true });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("apt-get update && apt-get install -y postgresql") });
  });

  it("root, apt-get succeeds but the binaries are still not there: stops", () => {
    const m = machine([], { aptInstallsNothing: true });
    const result = ensureTestPrerequisites({ ...m, isRoot: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Still missing/);
  });
});
