import { describe, expect, it } from "vitest";
import { DEPARTMENTS, SECTORS, SIZE_BANDS } from "./business-profile";
import { translate } from "./i18n";
import { safeCallbackPath } from "./redirects";
import { buildContentSecurityPolicy } from "./security-headers";

describe("business profile lists", () => {
  it("has the 101 French départements, each once", () => {
    const codes = DEPARTMENTS.map(([code]) => code);
    expect(codes).toHaveLength(101);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toEqual(expect.arrayContaining(["01", "2A", "2B", "75", "95", "971", "976"]));
    expect(codes).not.toContain("20");
  });
  it("labels every sector and size band in the catalogue", () => {
    for (const sector of SECTORS) expect(translate("fr", `sector.${sector}`)).not.toMatch(/^sector\./);
    for (const band of SIZE_BANDS) expect(translate("fr", `sizeBand.${band}`)).not.toMatch(/^sizeBand\./);
  });
});

describe("safeCallbackPath", () => {
  const table: [unknown, string][] = [
    ["/admin/users", "/admin/users"],
    ["/admin/users?q=a", "/admin/users?q=a"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
    [["/a", "/b"], "/"],
  ];
  it.each(table)("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("buildContentSecurityPolicy", () => {
  it("names no origin but this one", () => {
    const policy = buildContentSecurityPolicy({ nonce: "abc" });
    expect(policy).not.toMatch(/https?:/);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
  });
  it("allows eval only for the development server", () => {
    expect(buildContentSecurityPolicy({ nonce: "abc" }, true)).toContain("'unsafe-eval'");
  });
  it("never allows inline scripts without the nonce", () => {
    expect(buildContentSecurityPolicy({ nonce: "abc" }).split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
  });
});
