/**
 * mulberry32: a small seeded random source, so the same seed gives the same numbers: the demo history's figures on
 * every fresh start, a practice case, a drill's kill points replayed from its printed seed, a bench's generated data.
 * `next` is in [0, 1); `int(lo, hi)` includes both ends; `pick` is one element of a non-empty list.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return { next, int, pick };
}
export type SeededRandom = ReturnType<typeof seededRandom>;
