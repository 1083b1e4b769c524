/** A seeded pseudo-random source (mulberry32): the same seed, the same requests. */
export interface Random {
  (): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  uuid(): string;
}

/**
 * @example
 * const random = seeded(16);
 * random.pick(['a', 'b']);
 */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (below) => Math.floor(next() * below);
  next.pick = (items) => items[next.int(items.length)]!;
  next.chance = (p) => next() < p;
  next.uuid = () => {
    const hex = Array.from({ length: 32 }, () => next.int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[next.int(4)]!;
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return next;
}
