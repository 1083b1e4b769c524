/** A seeded pseudo-random source: the same seed always yields the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A string of `count` decimal digits. */
  digits(count: number): string;
}

/**
 * Creates a deterministic random source from a string seed (mulberry32 over a 32-bit string hash).
 * Not for anything secret: demo data only.
 *
 * @example
 * const random = createRandom('hrbmu:1');
 * random.int(1, 6); // the same value on every run
 */
export function createRandom(seed: string): Random {
  let state = hashString(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    digits: (count) => {
      // One draw per up to nine digits: 2^32 covers 10^9 with a negligible bias.
      let out = '';
      for (let left = count; left > 0; left -= 9) {
        const width = Math.min(left, 9);
        out += String(int(0, 10 ** width - 1)).padStart(width, '0');
      }
      return out;
    },
  };
}

/** A picker that draws items in proportion to their weights (binary search over cumulative weights). */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  if (entries.length === 0) throw new RangeError('weightedPicker needs at least one entry');
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return entries[low]![0];
  };
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder), so the parts sum to `total` exactly.
 *
 * @example
 * apportion(10, [1, 1, 1]); // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

// cyrb53-style mixing folded to 32 bits: spreads similar seeds ('hrbmu:1', 'hrbmu:2') far apart.
function hashString(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}
