// The rule for demo accounts (their passwords are published in the README): which public URL and
// SEED_DEMO value allow them (scripts/lib/first-start.mjs).
import { describe, expect, it } from "vitest";
import { demoDataDecision, isLocalUrl } from "../../scripts/lib/first-start.mjs";

describe("isLocalUrl", () => {
  const table: [string, boolean][] = [
    ["http://localhost:3000", true],
    ["http://127.0.0.1:3210", true],
    ["http://127.1.2.3", true],
    ["http://[::1]:3000", true],
    ["http://formation.localhost", true],
    ["https://formation.example.org", false],
    ["http://192.168.1.20:3000", false],
    ["http://localhost.example.org", false],
    ["https://10.0.0.5", false],
    ["pas une adresse", false],
    ["", false],
  ];
  it.each(table)("%s → %s", (url, expected) => expect(isLocalUrl(url)).toBe(expected));
});

describe("demoDataDecision: public URL × SEED_DEMO", () => {
  const table: [string, string | undefined, boolean][] = [
    ["http://localhost:3000", undefined, true],
    ["http://localhost:3000", "", true],
    ["http://localhost:3000", "false", false],
    ["http://localhost:3000", "true", true],
    ["https://formation.example.org", undefined, false],
    ["https://formation.example.org", "", false],
    ["https://formation.example.org", "false", false],
    ["https://formation.example.org", "true", true],
  ];
  it.each(table)("%s with SEED_DEMO=%s → %s", (publicUrl, seedDemo, isAllowed) => {
    const decision = demoDataDecision({ publicUrl, seedDemo });
    expect(decision.isAllowed).toBe(isAllowed);
    expect(decision.reason.length).toBeGreaterThan(0);
  });
  it("refuses a SEED_DEMO that is neither true nor false", () => {
    expect(() => demoDataDecision({ publicUrl: "http://localhost:3000", seedDemo: "yes" })).toThrow(/SEED_DEMO/);
  });
});
