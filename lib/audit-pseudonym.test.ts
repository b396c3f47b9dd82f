import { describe, expect, it } from "vitest";
import { formatAccountPseudonym, pseudonymCode } from "./audit-pseudonym";

describe("formatAccountPseudonym", () => {
  const table: [digest: string, pseudonym: string][] = [
    ["3f9a1c2e", "Compte supprimé n° 3F9A1C2E"],
    ["3f9a1c2e00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff", "Compte supprimé n° 3F9A1C2E"],
    ["ABCDEF0123", "Compte supprimé n° ABCDEF01"],
    ["00000000", "Compte supprimé n° 00000000"],
  ];
  it.each(table)("%s → %s", (digest, pseudonym) => {
    expect(formatAccountPseudonym(digest)).toBe(pseudonym);
  });

  it.each(["", "3f9a1c2", "3f9a1c2g", "zzzzzzzz", "3f9a 1c2e"])("refuses %j (not 8 hexadecimal digits)", (digest) => {
    expect(() => formatAccountPseudonym(digest)).toThrow(RangeError);
  });
});

describe("pseudonymCode", () => {
  const table: [text: string, code: string | null][] = [
    ["Compte supprimé n° 3F9A1C2E", "3F9A1C2E"],
    [formatAccountPseudonym("0123456789abcdef"), "01234567"],
    ["Compte supprimé n° 3f9a1c2e", null],
    ["Compte supprimé n° 3F9A1C2E1", null],
    ["Karim Benali", null],
    ["", null],
  ];
  it.each(table)("%j → %j", (text, code) => {
    expect(pseudonymCode(text)).toBe(code);
  });
});
