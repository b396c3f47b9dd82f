import { describe, expect, it } from "vitest";
import { getNeutralPathPreference, setNeutralPathPreference } from "@/server/data/preferences";
import { createUser } from "../support/factories";

const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";

describe(`learner preferences on ${engine}`, () => {
  it("the parcours neutre is off by default, and each learner's own", async () => {
    const a = await createUser("merchant");
    const b = await createUser("merchant");
    expect(await getNeutralPathPreference(a)).toBe(false);
    await setNeutralPathPreference(a, true);
    expect(await getNeutralPathPreference(a)).toBe(true);
    expect(await getNeutralPathPreference(b)).toBe(false);
    await setNeutralPathPreference(a, false);
    expect(await getNeutralPathPreference(a)).toBe(false);
  });
});
