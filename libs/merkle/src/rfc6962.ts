import { createHash } from 'node:crypto';
import { HASH_BYTES, hashChildren } from './tree-kernel';

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing and proofs (SHA-256), as C2SP merkle-tree.md restates
 * them. Hashes are raw 32-byte Buffers; sizes and indexes are plain numbers (exact to 2^53, far
 * beyond this ledger's life).
 */
export { HASH_BYTES } from './tree-kernel';

/** MTH({}) = SHA-256(""). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

// Leaf and node hashing live in tree-kernel.js, which the rebuild thread shares.
export { hashChildren, hashChildrenLatin1, hashLeaf } from './tree-kernel';

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The hash of any range [start, end) of leaves, given the hash of each perfect aligned subtree.
 * Proof generation only ever asks a tree for these, so a store needs to keep nothing else.
 */
export interface SubtreeSource {
  /** The hash of leaves [index·2^level, (index+1)·2^level); level 0 is a leaf hash. */
  perfect(level: number, index: number): Buffer;
}

/** MTH(D[start:end]) where start is a multiple of the largest power of two ≤ end-start (always so in RFC 6962). */
export function rangeHash(source: SubtreeSource, start: number, end: number): Buffer {
  const size = end - start;
  if (size <= 0) return EMPTY_ROOT;
  if ((size & (size - 1)) === 0 && start % size === 0) return source.perfect(Math.log2(size), start / size);
  const k = splitPoint(size);
  return hashChildren(rangeHash(source, start, start + k), rangeHash(source, start + k, end));
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1, for leaf `index` in a tree of `size`. */
export function inclusionProof(source: SubtreeSource, index: number, size: number): Buffer[] {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size))
    throw new RangeError(`no leaf ${index} in a tree of size ${size}`);
  const proof: Buffer[] = [];
  const path = (m: number, start: number, end: number): void => {
    if (end - start === 1) return;
    const k = splitPoint(end - start);
    if (m < k) {
      path(m, start, start + k);
      proof.push(rangeHash(source, start + k, end));
    } else {
      path(m - k, start + k, end);
      proof.push(rangeHash(source, start, start + k));
    }
  };
  path(index, 0, size);
  return proof;
}

/** PROOF(m, D[n]) of RFC 6962 §2.1.2: that the tree of size `from` is a prefix of the tree of size `to`. */
export function consistencyProof(source: SubtreeSource, from: number, to: number): Buffer[] {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from > 0 && from <= to))
    throw new RangeError(`no consistency proof from size ${from} to size ${to}`);
  const proof: Buffer[] = [];
  const subproof = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) proof.push(rangeHash(source, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, whole);
      proof.push(rangeHash(source, start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(rangeHash(source, start, start + k));
    }
  };
  if (from < to) subproof(from, 0, to, true);
  return proof;
}

/** A source over leaf hashes held in memory (tests, bundles, rebuilding a tree in `verify`). */
export function memorySource(leaves: readonly Buffer[]): SubtreeSource {
  const cache = new Map<string, Buffer>();
  const perfect = (level: number, index: number): Buffer => {
    if (level === 0) {
      const leaf = leaves[index];
      if (!leaf) throw new RangeError(`no leaf ${index}`);
      return leaf;
    }
    const key = `${level}/${index}`;
    let hash = cache.get(key);
    if (!hash) {
      hash = hashChildren(perfect(level - 1, 2 * index), perfect(level - 1, 2 * index + 1));
      cache.set(key, hash);
    }
    return hash;
  };
  return { perfect };
}

export function rootOf(leaves: readonly Buffer[]): Buffer {
  return rangeHash(memorySource(leaves), 0, leaves.length);
}

const isHash = (h: Uint8Array): boolean => h.length === HASH_BYTES;

/** RFC 9162 §2.1.3.2: the root that `proof` yields for `leafHash` at `index` in a tree of `size`, or null if malformed. */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return null;
  if (!isHash(leafHash) || !proof.every(isHash)) return null;
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0n) return null;
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : null;
}

export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  return computed !== null && isHash(root) && computed.equals(root);
}

/**
 * RFC 9162 §2.1.4.2. A proof from the empty tree is refused: it proves nothing, and the reference
 * vectors treat it as an error.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2))) return false;
  if (size1 <= 0 || size1 > size2) return false;
  // Equal sizes compare the roots as given (the reference vectors use placeholder roots here).
  if (size1 === size2) return proof.length === 0 && Buffer.from(root1).equals(root2);
  if (!isHash(root1) || !isHash(root2) || !proof.every(isHash)) return false;
  if (proof.length === 0) return false;
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  let fn = BigInt(size1 - 1);
  let sn = BigInt(size2 - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(root1) && sr.equals(root2);
}
