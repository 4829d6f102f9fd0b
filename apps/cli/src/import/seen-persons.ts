/**
 * Remembers which persons the import has met, to tell when a person's lines come back after
 * another person's. A file may hold millions of persons: a 52-bit hash per person keeps that to a
 * few tens of MB where the id strings would take several times more. A collision (about one in a
 * billion pairs at 10 million persons) only miscounts `splitPersons`; it never changes what is written.
 */
export class SeenPersons {
  private readonly hashes = new Set<number>();

  /** Adds the person; true when it had been seen before. */
  add(personId: string): boolean {
    const hash = hash52(personId);
    if (this.hashes.has(hash)) return true;
    this.hashes.add(hash);
    return false;
  }
}

/** Two 32-bit FNV-1a style hashes (different offsets and primes), 52 bits of them: exact as a JS number. */
function hash52(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return (a >>> 0) * 0x100000 + (b >>> 12);
}
