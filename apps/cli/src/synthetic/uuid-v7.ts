import type { Rng } from './random.js';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A UUID with the version 7 layout (48-bit Unix milliseconds, version nibble 7, variant 10xx,
 * 74 random bits), its random bits taken from the seeded stream so that ids are reproducible:
 * loading the same cohort twice names the same events, and the second load writes nothing.
 */
export function uuidV7(rng: Rng, unixMs: number): string {
  const time = hex(Math.floor(unixMs), 12);
  const randA = rng.int(0, 0xfff);
  const variant = 0x8 | rng.int(0, 3);
  const randB = hex(rng.int(0, 0xfff), 3);
  const tail = hex(rng.uint32(), 8) + hex(rng.int(0, 0xffff), 4);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(randA, 3)}-${hex(variant, 1)}${randB}-${tail}`;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
