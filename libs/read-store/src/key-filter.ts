/**
 * The keys a projector has written since a projection started from position 0 into empty
 * collections, as a Bloom filter: a key it never wrote cannot be in the store, so looking it up
 * would only cost a miss (in a rebuild, ~85% of all lookups: every new case, deadline and filing).
 * Never a false "absent": a key it wrote always answers "maybe". A false "maybe" costs the lookup
 * it would have cost anyway. 2^24 bits (2 MiB), three probes: ~0.4% false "maybe" at a million keys,
 * and more lookups, never wrong answers, beyond.
 */
export class KeyFilter {
  private static readonly BITS = 1 << 24;
  private readonly bits = new Uint32Array(KeyFilter.BITS >>> 5);

  add(collection: string, key: string | number): void {
    const [a, b] = hashes(collection, key);
    for (let i = 0; i < 3; i++) {
      const bit = (a + i * b) & (KeyFilter.BITS - 1);
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** False only for a key never added. */
  mightHave(collection: string, key: string | number): boolean {
    const [a, b] = hashes(collection, key);
    for (let i = 0; i < 3; i++) {
      const bit = (a + i * b) & (KeyFilter.BITS - 1);
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit FNV-1a hashes of `collection \0 key` (double hashing needs two). */
function hashes(collection: string, key: string | number): [number, number] {
  const text = `${collection}\u0000${typeof key}\u0000${key}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  // Odd, so the three probes differ.
  return [a >>> 0, (b | 1) >>> 0];
}
