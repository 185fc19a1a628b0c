import { EMPTY_ROOT, hashChildren, HASH_BYTES, splitPoint, verifyInclusion } from './rfc6962';

/**
 * Subtree proofs as the Merkle Tree Certificates draft (draft-ietf-plants-merkle-tree-certs §4)
 * defines them: a subtree [start, end) is valid when start is a multiple of the smallest power of
 * two ≥ end - start, and its hash is MTH(D[start:end]). Accord does not need them; they are here
 * so the shared reference vectors (which include them) are all checked.
 */
export function isValidSubtree(start: number, end: number): boolean {
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end)) || start < 0 || start > end) return false;
  let ceil = 1;
  while (ceil < end - start) ceil *= 2;
  return start % ceil === 0;
}

/** A leaf's inclusion in a subtree: an RFC 9162 inclusion proof within the subtree's own tree. */
export function verifySubtreeInclusion(
  index: number,
  start: number,
  end: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  subtreeHash: Uint8Array,
): boolean {
  if (!isValidSubtree(start, end) || index < start || index >= end) return false;
  return verifyInclusion(index - start, end - start, leafHash, proof, subtreeHash);
}

type Range = readonly [number, number];

/**
 * The ranges whose hashes make up the consistency proof of subtree [start, end) in the tree of
 * `size`, in order: RFC 6962's SUBPROOF generalised to a subtree that need not start at 0.
 */
function proofRanges(start: number, end: number, size: number): Range[] {
  const ranges: Range[] = [];
  const walk = (lo: number, hi: number, whole: boolean): void => {
    if (start <= lo && hi <= end) {
      if (!whole) ranges.push([lo, hi]);
      return;
    }
    const mid = lo + splitPoint(hi - lo);
    if (end <= mid) {
      walk(lo, mid, whole);
      ranges.push([mid, hi]);
    } else if (start >= mid) {
      walk(mid, hi, whole);
      ranges.push([lo, mid]);
    } else {
      walk(mid, hi, false);
      ranges.push([lo, mid]);
    }
  };
  walk(0, size, true);
  return ranges;
}

/**
 * That the subtree [start, end) with hash `subtreeHash` is part of the tree of `size` with root
 * `root`. The proof's shape is fixed by (start, end, size): each hash stands for a known range,
 * and both the subtree hash and the root must be recomputed from them.
 */
export function verifySubtreeConsistency(
  start: number,
  end: number,
  size: number,
  proof: readonly Uint8Array[],
  subtreeHash: Uint8Array,
  root: Uint8Array,
): boolean {
  if (!isValidSubtree(start, end) || !Number.isSafeInteger(size) || end > size) return false;
  if (start === end) return proof.length === 0 && Buffer.from(subtreeHash).equals(EMPTY_ROOT);
  if (start === 0 && end === size) return proof.length === 0 && Buffer.from(subtreeHash).equals(root);
  const ranges = proofRanges(start, end, size);
  if (proof.length !== ranges.length || !proof.every((p) => p.length === HASH_BYTES)) return false;
  if (subtreeHash.length !== HASH_BYTES || root.length !== HASH_BYTES) return false;
  const known = new Map(ranges.map(([lo, hi], i) => [`${lo}:${hi}`, Buffer.from(proof[i]!)]));
  const hashOf = (lo: number, hi: number, useSubtree: boolean): Buffer | null => {
    const given = known.get(`${lo}:${hi}`);
    if (given) return given;
    if (useSubtree && lo === start && hi === end) return Buffer.from(subtreeHash);
    if (hi - lo === 1) return null;
    const mid = lo + splitPoint(hi - lo);
    const left = hashOf(lo, mid, useSubtree);
    const right = hashOf(mid, hi, useSubtree);
    return left && right ? hashChildren(left, right) : null;
  };
  // When the proof carries the subtree's pieces, they must make up its hash; otherwise it is one node of the tree.
  if (ranges.some(([lo, hi]) => lo >= start && hi <= end)) {
    const rebuilt = hashOf(start, end, false);
    if (!rebuilt || !rebuilt.equals(subtreeHash)) return false;
  }
  const computed = hashOf(0, size, true);
  return computed !== null && computed.equals(root);
}
