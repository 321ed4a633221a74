/**
 * A small seeded generator (mulberry32): every run seeds the same rows, so figures from two runs,
 * or from SQLite and PostgreSQL, describe the same data.
 */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

  const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
  /** A Strapi 5 style documentId: 24 lowercase alphanumeric characters. */
  const documentId = (): string => {
    let id = '';
    for (let index = 0; index < 24; index += 1) id += ALPHANUMERIC[int(ALPHANUMERIC.length)];
    return id;
  };

  return { next, int, pick, documentId };
}

export type Random = ReturnType<typeof createRandom>;
