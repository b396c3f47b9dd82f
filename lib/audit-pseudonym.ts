/**
 * The pseudonym that replaces an erased account in the audit log: one per account, stable (every
 * entry about the same erased person carries the same one, so they stay recognisable together)
 * and saying nothing about who it was. The digest is an HMAC of the account id keyed by the
 * platform's secret (server/data/audit.ts), so nobody without the secret can link it back.
 */

const PREFIX = "Compte supprimé n° ";
const CODE_LENGTH = 8;

/** "Compte supprimé n° 3F9A1C2E" from a hexadecimal digest (its first 8 digits, upper case). */
export function formatAccountPseudonym(digestHex: string): string {
  if (!/^[0-9a-f]{8,}$/i.test(digestHex)) throw new RangeError("An account pseudonym needs at least 8 hexadecimal digits");
  return `${PREFIX}${digestHex.slice(0, CODE_LENGTH).toUpperCase()}`;
}

/** The code of a stored pseudonym ("3F9A1C2E"), so that pages can say it in the reader's language; null if it is not one. */
export function pseudonymCode(pseudonym: string): string | null {
  const match = /^Compte supprimé n° ([0-9A-F]{8})$/.exec(pseudonym);
  return match ? match[1]! : null;
}
