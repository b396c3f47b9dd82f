import { describe, expect, it } from "vitest";
import { internalProgrammePath, isInternalPath, programmePageFor } from "./programme-routes";

describe("internalProgrammePath", () => {
  const table: [string, "fr" | "en", "standard" | "neutre", string | null][] = [
    ["/", "fr", "standard", "/p/fr/standard"],
    ["/", "en", "neutre", "/p/en/neutre"],
    ["/chapters/place-de-marche", "fr", "neutre", "/p/fr/neutre/chapters/place-de-marche"],
    ["/modules/marche-vendre-sur-amazon", "en", "standard", "/p/en/standard/modules/marche-vendre-sur-amazon"],
    ["/progress", "fr", "standard", "/p/fr/standard/progress"],
    ["/progress/attestation", "fr", "standard", null],
    ["/modules", "fr", "standard", null],
    ["/modules/a/b", "fr", "standard", null],
    ["/chapters/", "fr", "standard", null],
    ["/search", "fr", "standard", null],
    ["/admin/stats", "fr", "standard", null],
    ["", "fr", "standard", null],
  ];
  it.each(table)("%s (%s, %s) → %s", (pathname, locale, pathKind, expected) => {
    expect(internalProgrammePath(pathname, locale, pathKind)).toBe(expected);
  });
});

describe("isInternalPath", () => {
  const table: [string, boolean][] = [
    ["/p", true],
    ["/p/fr/standard", true],
    ["/p/fr/standard/modules/x", true],
    ["/progress", false],
    ["/pages", false],
    ["/", false],
  ];
  it.each(table)("%s → %s", (pathname, expected) => {
    expect(isInternalPath(pathname)).toBe(expected);
  });
});

describe("programmePageFor", () => {
  const table: [string, { localeCookie?: string; acceptLanguage: string | null; pathCookie?: string }, string | null][] = [
    ["/", { acceptLanguage: null }, "/p/fr/standard"],
    ["/", { acceptLanguage: "en-GB,en;q=0.9" }, "/p/en/standard"],
    ["/", { localeCookie: "fr", acceptLanguage: "en-GB" }, "/p/fr/standard"],
    ["/modules/x", { localeCookie: "xx", acceptLanguage: "de", pathCookie: "neutre" }, "/p/fr/neutre/modules/x"],
    ["/progress", { acceptLanguage: null, pathCookie: "NEUTRE" }, "/p/fr/standard/progress"],
    ["/search", { acceptLanguage: null }, null],
  ];
  it.each(table)("%s %j → %s", (pathname, request, expected) => {
    expect(programmePageFor(pathname, request)).toBe(expected);
  });
});
