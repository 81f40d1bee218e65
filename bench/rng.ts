/** A small seeded PRNG (mulberry32): the same seed gives the same data set on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-normal-ish positive value around `median`: most small, a long tail of large ones. */
  skewed(median: number, spread = 0.6): number {
    const u = Math.max(1e-9, this.next());
    const v = this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(normal * spread);
  }
}

/** Deterministic UUIDv7-shaped ids: time-ordered prefix from `ms`, random tail from the RNG. */
export function idAt(ms: number, rng: Rng): string {
  const hex = ms.toString(16).padStart(12, '0');
  const rand = () =>
    Math.floor(rng.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand().slice(1)}-${(8 + rng.int(0, 3)).toString(16)}${rand().slice(1)}-${rand()}${rand()}${rand()}`;
}
