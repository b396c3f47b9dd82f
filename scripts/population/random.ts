// The population's randomness: one seeded generator (lib/seeded-random, mulberry32) behind a few
// draws (uniform, chance, exponential, weighted pick), and a seed-free hash for per-module traits.
import { seededRandom } from "@/lib/seeded-random";

export type Rng = {
  next: () => number;
  between: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  int: (n: number) => number;
  /** Exponentially distributed, of this mean. */
  exp: (mean: number) => number;
  pick: <T>(table: WeightedTable<T>) => T;
};

export type WeightedTable<T> = { items: readonly T[]; cumulative: number[] };
export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  let sum = 0;
  const cumulative = entries.map(([, w]) => (sum += w));
  return { items: entries.map(([item]) => item), cumulative: cumulative.map((c) => c / sum) };
}

export function makeRng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    chance: (p) => next() < p,
    int: (n) => Math.floor(next() * n),
    exp: (mean) => -mean * Math.log(1 - next()),
    pick: (table) => {
      const u = next();
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.cumulative[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
  };
}

/** A number in [0, 1) from a string (FNV-1a): per-module traits that do not depend on the seed. */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4_294_967_296;
}

/** Growing sign-ups: density ∝ 1 + 2x over the span (x = 1 today), three times as many now as 26 weeks ago. */
export function growingShare(u: number): number {
  return (-1 + Math.sqrt(1 + 8 * u)) / 2;
}
