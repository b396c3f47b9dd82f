// The end-to-end specs run as two projects side by side, one per server (playwright.config.ts).
// A spec that drives the fixture server but is not in the fixture project would run at the same
// time as the fixture specs, on the same server, database and clock.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_SPEC_FILES } from "../e2e/fixture-specs";

const e2eDir = join(import.meta.dirname, "..", "e2e");

describe("end-to-end projects", () => {
  it("the fixture project holds exactly the specs that use the fixture server", () => {
    const specs = readdirSync(e2eDir).filter((name) => name.endsWith(".spec.ts"));
    const usingFixture = specs.filter((name) => readFileSync(join(e2eDir, name), "utf8").includes("FIXTURE_BASE_URL"));
    expect(usingFixture.sort()).toEqual([...FIXTURE_SPEC_FILES].sort());
  });
});
