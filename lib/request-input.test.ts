import { describe, expect, it } from "vitest";
import { hasMalformedPathSegment, isAcceptableSegment, isStorableText, isUsableCallbackUrl } from "./request-input";

describe("next-auth's callback-URL cookie", () => {
  it.each(["http://localhost:3000/progress", "https://formation.exemple.fr/", "/modules/x", "//autre.exemple"])("keeps %s", (value) => {
    expect(isUsableCallbackUrl(value)).toBe(true);
  });
  it.each(["javascript:alert(1)", "http://localhost:3000' ORDER BY 1#", "", "progress", "data:text/html,x", "http://", "http://a:99999/"])("drops %j", (value) => {
    expect(isUsableCallbackUrl(value)).toBe(false);
  });
});

describe("path segments", () => {
  it.each(["/modules/%E0%A4%A", "/modules/%ZZ", "/chapters/%", "/api/modules/%E0%A4%A/captions", "/attestation/%00", "/a/%0A", "/a/%ED%A0%80", "/api/%2e%2e/x", "/api/%2E/x"])("%s is malformed", (path) => {
    expect(hasMalformedPathSegment(path)).toBe(true);
  });
  it.each(["/", "/modules/marche-vendre-sur-amazon", "/modules/caf%C3%A9", "/a/%2F/b", "/a/%20", "/api/cohorts/x/export"])("%s is not", (path) => {
    expect(hasMalformedPathSegment(path)).toBe(false);
  });
  it("decoded segments with control characters or lone surrogates are refused", () => {
    expect(isAcceptableSegment("cohorte-demo")).toBe(true);
    expect(isAcceptableSegment("a\u0000")).toBe(false);
    expect(isAcceptableSegment("\ud800")).toBe(false);
  });
});

describe("storable text", () => {
  it("refuses NUL and lone surrogates, keeps the rest of Unicode", () => {
    expect(isStorableText("Épicerie 🧀")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("\udc00")).toBe(false);
    expect(isStorableText("\ud83e")).toBe(false);
  });
});
