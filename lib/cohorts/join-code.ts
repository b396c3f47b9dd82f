/**
 * Cohort join codes: 8 characters from an alphabet without the characters people confuse when a
 * code is projected or read aloud (0/O, 1/I/l). 31^8 ≈ 8.5 × 10^11 codes.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/**
 * A new code from a source of random bytes (crypto.randomBytes on the server). Bytes that would
 * bias the draw (≥ the largest multiple of the alphabet's size) are skipped.
 */
export function generateJoinCode(randomBytes: (size: number) => Uint8Array): string {
  const size = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += JOIN_CODE_ALPHABET[byte % size];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}

/** What a person typed ("abcd efgh", "ABCD-EFGH") → the stored form, or null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** Shown to people in two groups of four: "ABCD-EFGH". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type JoinCodeState = "usable" | "expired" | "revoked";

export function joinCodeState(cohort: { joinCode: string | null; joinCodeExpiresAt: Date | null }, now: Date): JoinCodeState {
  if (!cohort.joinCode) return "revoked";
  if (cohort.joinCodeExpiresAt && cohort.joinCodeExpiresAt.getTime() <= now.getTime()) return "expired";
  return "usable";
}
