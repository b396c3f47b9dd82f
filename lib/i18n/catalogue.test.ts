import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { pickLocale, translate } from "./index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("English has exactly the French keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it.each(Object.keys(fr) as (keyof typeof fr)[])("%s: non-empty in both, same placeholders", (key) => {
    expect(fr[key].trim()).not.toBe("");
    expect(en[key].trim()).not.toBe("");
    expect(placeholders(en[key])).toEqual(placeholders(fr[key]));
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("fr", "home.welcome", { name: "Martine" })).toBe("Bonjour Martine !");
    expect(translate("en", "home.welcome")).toBe("Hello {name}!");
  });
});

describe("pickLocale", () => {
  const table: [string | undefined, string | null, string][] = [
    [undefined, null, "fr"],
    [undefined, "en-GB,en;q=0.9", "en"],
    [undefined, "de-DE,de;q=0.9", "fr"],
    [undefined, "de;q=0.9,en;q=0.8,fr;q=0.7", "en"],
    ["fr", "en-US", "fr"],
    ["en", null, "en"],
    ["xx", "en", "en"],
  ];
  it.each(table)("cookie %j, Accept-Language %j → %s", (cookie, header, expected) => {
    expect(pickLocale(cookie, header)).toBe(expected);
  });
});
