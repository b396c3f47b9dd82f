import { describe, expect, it } from "vitest";
import { clientAddressOf, isSameOriginRequest } from "./request-origin";

describe("isSameOriginRequest", () => {
  const base: Parameters<typeof isSameOriginRequest>[0] = { origin: null, secFetchSite: null, host: "localhost:3000", allowedOrigins: [] };
  const table: [string, Partial<typeof base>, boolean][] = [
    ["same origin", { origin: "http://localhost:3000" }, true],
    ["other site", { origin: "https://evil.example" }, false],
    ["same host, other port", { origin: "http://localhost:4000" }, false],
    ["opaque origin", { origin: "null" }, false],
    ["configured public origin", { origin: "https://formation.example.fr", allowedOrigins: ["https://formation.example.fr"] }, true],
    ["no Origin, same-origin fetch metadata", { secFetchSite: "same-origin" }, true],
    ["no Origin, cross-site fetch metadata", { secFetchSite: "cross-site" }, false],
    ["non-browser client (no Origin, no metadata)", {}, true],
    ["garbage Origin", { origin: "not a url" }, false],
  ];
  it.each(table)("%s", (_name, overrides, expected) => {
    expect(isSameOriginRequest({ ...base, ...overrides })).toBe(expected);
  });
});

describe("clientAddressOf", () => {
  const table: [string | null, number, string][] = [
    [null, 0, "unknown"],
    ["203.0.113.9", 0, "203.0.113.9"],
    ["1.1.1.1, 203.0.113.9", 0, "203.0.113.9"],
    ["1.1.1.1, 203.0.113.9, 10.0.0.2", 1, "203.0.113.9"],
    ["203.0.113.9", 3, "203.0.113.9"],
  ];
  it.each(table)("%j with %i trusted hops → %s", (header, hops, expected) => {
    expect(clientAddressOf(header, hops)).toBe(expected);
  });
});
