import { describe, expect, it } from '@jest/globals';
import { personRng, Rng, seedHash } from './random.js';
import { UUID_V7, uuidV7 } from './uuid-v7.js';

describe('seeded randomness and ids', () => {
  it('gives the same stream for the same seed and person, another for another', () => {
    const draw = (rng: Rng) => Array.from({ length: 20 }, () => rng.uint32());
    expect(draw(personRng(1, 5))).toEqual(draw(personRng(1, 5)));
    expect(draw(personRng(1, 5))).not.toEqual(draw(personRng(1, 6)));
    expect(draw(personRng(1, 5))).not.toEqual(draw(personRng(2, 5)));
    expect(seedHash(42)).toBe(seedHash('42'));
  });

  it('draws uniformly enough for picks and weights', () => {
    const rng = new Rng(9);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i += 1) counts[rng.int(0, 3)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const heavy = Array.from({ length: 10_000 }, () => rng.weighted([['a', 9], ['b', 1], ['c', 0]] as const));
    expect(heavy.filter((x) => x === 'a').length).toBeGreaterThan(8700);
    expect(heavy).not.toContain('c');
  });

  it('makes UUIDs of the version 7 layout, with the given time in the first 48 bits', () => {
    const rng = new Rng(3);
    const ms = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 1000; i += 1) {
      const id = uuidV7(rng, ms + i);
      expect(id).toMatch(UUID_V7);
      expect(parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(ms + i);
    }
  });
});
