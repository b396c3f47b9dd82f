import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeState, normalizeJoinCode } from "./join-code";

/** A source of "random" bytes that hands out a fixed sequence, recording each request. */
function scriptedBytes(bytes: number[]) {
  let position = 0;
  const requests: number[] = [];
  const source = (size: number) => {
    requests.push(size);
    const chunk = Array.from({ length: size }, () => bytes[position++ % bytes.length]!);
    return Uint8Array.from(chunk);
  };
  return { source, requests, consumed: () => position };
}

describe("the join code alphabet", () => {
  it.each(["0", "O", "1", "I", "L", "l", "o", "i"])("has no %j", (char) => expect(JOIN_CODE_ALPHABET).not.toContain(char));

  it("has 31 distinct upper-case characters: the digits 2–9 and the letters without I, L, O", () => {
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
    expect(JOIN_CODE_ALPHABET).toMatch(/^[2-9A-HJKMNP-Z]+$/);
  });
});

describe("generateJoinCode", () => {
  it("makes 8 characters of the alphabet from real random bytes", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode((size) => randomBytes(size));
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(normalizeJoinCode(code)).toBe(code);
    }
  });

  const table: [string, number[], string][] = [
    ["bytes 0–7 are the first characters", [0, 1, 2, 3, 4, 5, 6, 7], "23456789"],
    ["a byte wraps around the alphabet (31 → first)", [31, 62, 93, 124, 155, 186, 217, 30], "2222222Z"],
    ["247 is the last usable byte (247 mod 31 = 30)", [247, 247, 247, 247, 247, 247, 247, 247], "ZZZZZZZZ"],
    ["bytes ≥ 248 are skipped, not folded onto the first characters", [248, 0, 249, 1, 250, 2, 251, 3, 252, 4, 253, 5, 254, 6, 255, 7], "23456789"],
  ];
  it.each(table)("%s", (_name, bytes, expected) => expect(generateJoinCode(scriptedBytes(bytes).source)).toBe(expected));

  it("asks for more bytes when a whole batch was skipped", () => {
    const bytes = [...Array.from({ length: 16 }, () => 255), 8, 9, 10, 11, 12, 13, 14, 15, ...Array.from({ length: 8 }, () => 0)];
    const scripted = scriptedBytes(bytes);
    expect(generateJoinCode(scripted.source)).toBe("ABCDEFGH");
    expect(scripted.requests.length).toBe(2);
  });

  it("maps the usable byte values 0–247 onto the 31 characters exactly 8 times each (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let value = 0; value < 256; value++) {
      // Each value alone, then zeros: a skipped value leaves the code to the zeros ("2").
      const scripted = scriptedBytes([...Array.from({ length: 16 }, () => value), ...Array.from({ length: 16 }, () => 0)]);
      const code = generateJoinCode(scripted.source);
      if (value >= 248) {
        expect(code).toBe("22222222");
        continue;
      }
      expect(code).toBe(code[0]!.repeat(JOIN_CODE_LENGTH));
      counts.set(code[0]!, (counts.get(code[0]!) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join("")).toBe([...JOIN_CODE_ALPHABET].sort().join(""));
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });
});

describe("normalizeJoinCode", () => {
  const table: [string, string | null][] = [
    ["ABCDEFGH", "ABCDEFGH"],
    ["abcdefgh", "ABCDEFGH"],
    ["abcd efgh", "ABCDEFGH"],
    ["ABCD-EFGH", "ABCDEFGH"],
    ["  abcd-efgh \n", "ABCDEFGH"],
    ["a b c d - e f g h", "ABCDEFGH"],
    ["2345\t6789", "23456789"],
    ["ABCD-EFG", null], // too short
    ["ABCD-EFGHJ", null], // too long
    ["ABCD-EFG0", null], // zero is not in the alphabet
    ["ABCD-EFGO", null], // letter O
    ["ABCD-EFG1", null],
    ["ABCD-EFGI", null],
    ["abcd-efgl", null], // lower-case L
    ["ABCD_EFGH", null],
    ["ABCD.EFGH", null],
    ["ABCDÉFGH", null],
    ["", null],
  ];
  it.each(table)("%j → %j", (input, expected) => expect(normalizeJoinCode(input)).toBe(expected));
});

describe("formatJoinCode", () => {
  it("shows two groups of four, which normalizeJoinCode reads back", () => {
    expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(normalizeJoinCode(formatJoinCode("23456789"))).toBe("23456789");
  });
});

describe("joinCodeState", () => {
  const now = new Date("2026-12-10T12:00:00Z");
  const table: [string, string | null, string | null, string][] = [
    ["a code without expiry", "ABCDEFGH", null, "usable"],
    ["a code expiring later", "ABCDEFGH", "2026-12-10T12:00:01Z", "usable"],
    ["a code expiring right now", "ABCDEFGH", "2026-12-10T12:00:00Z", "expired"],
    ["a code that expired", "ABCDEFGH", "2026-12-01T00:00:00Z", "expired"],
    ["no code (revoked)", null, null, "revoked"],
    ["no code, even with an expiry left over", null, "2027-01-01T00:00:00Z", "revoked"],
  ];
  it.each(table)("%s → %s", (_name, joinCode, expiresAt, expected) =>
    expect(joinCodeState({ joinCode, joinCodeExpiresAt: expiresAt ? new Date(expiresAt) : null }, now)).toBe(expected),
  );
});
