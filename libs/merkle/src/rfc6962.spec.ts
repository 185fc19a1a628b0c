import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import {
  consistencyProof,
  EMPTY_ROOT,
  hashLeaf,
  inclusionProof,
  memorySource,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './rfc6962';
import { verifySubtreeConsistency, verifySubtreeInclusion } from './subtree';

const VECTORS = join(__dirname, '..', '..', '..', '..', 'shared', 'vectors', 'rfc6962');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const proofOf = (p: string[] | null): Buffer[] => (p ?? []).map(b64);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

describe('RFC 6962 reference vectors (transparency-dev/merkle)', () => {
  const tree = JSON.parse(readFileSync(join(VECTORS, 'tree.json'), 'utf8')) as {
    leafInputsHex: string[];
    rootHashesHexBySize: string[];
    hashes: Record<string, string>;
  };
  const leaves = tree.leafInputsHex.map((hex) => hashLeaf(Buffer.from(hex, 'hex')));

  it('computes the root of the first N leaves for every N in tree.json', () => {
    expect(tree.rootHashesHexBySize).toHaveLength(leaves.length + 1);
    tree.rootHashesHexBySize.forEach((hex, size) => {
      expect(rootOf(leaves.slice(0, size)).toString('hex')).toBe(hex);
    });
    expect(EMPTY_ROOT.toString('hex')).toBe(tree.hashes.emptyTree);
    expect(hashLeaf(Buffer.alloc(0)).toString('hex')).toBe(tree.hashes.leafOfEmptyInput);
    expect(hashLeaf(Buffer.from('L123456')).toString('hex')).toBe(tree.hashes.leafOf_L123456);
  });

  it('generates proofs that verify against every root of tree.json', () => {
    const source = memorySource(leaves);
    for (let size = 1; size <= leaves.length; size += 1) {
      const root = Buffer.from(tree.rootHashesHexBySize[size]!, 'hex');
      for (let i = 0; i < size; i += 1)
        expect(verifyInclusion(i, size, leaves[i]!, inclusionProof(source, i, size), root)).toBe(true);
      for (let from = 1; from <= size; from += 1) {
        const root1 = Buffer.from(tree.rootHashesHexBySize[from]!, 'hex');
        expect(verifyConsistency(from, size, consistencyProof(source, from, size), root1, root)).toBe(true);
      }
    }
  });

  const inclusion = jsonFiles(join(VECTORS, 'testdata', 'inclusion'));
  const consistency = jsonFiles(join(VECTORS, 'testdata', 'consistency'));

  it('has the vector files', () => {
    expect(inclusion.length).toBeGreaterThan(90);
    expect(consistency.length).toBeGreaterThan(40);
  });

  it.each(inclusion.map((file) => [relative(VECTORS, file), file]))('inclusion %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
    const ok = verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), proofOf(v.proof), b64(v.root));
    expect(ok).toBe(!v.wantErr);
  });

  it.each(consistency.map((file) => [relative(VECTORS, file), file]))('consistency %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector;
    const ok = verifyConsistency(v.size1, v.size2, proofOf(v.proof), b64(v.root1), b64(v.root2));
    expect(ok).toBe(!v.wantErr);
  });
});

describe('subtree proofs (Merkle Tree Certificates draft) in the same vector set', () => {
  const subInclusion = jsonFiles(join(VECTORS, 'testdata', 'subtreeinclusion'));
  const subConsistency = jsonFiles(join(VECTORS, 'testdata', 'subtreeconsistency'));

  it('has the vector files', () => {
    expect(subInclusion.length + subConsistency.length).toBeGreaterThan(300);
  });

  it.each(subInclusion.map((file) => [relative(VECTORS, file), file]))(
    'subtree inclusion %s',
    (_name, file) => {
      const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector & { start: number; end: number };
      const ok = verifySubtreeInclusion(
        v.leafIdx,
        v.start,
        v.end,
        b64(v.leafHash),
        proofOf(v.proof),
        b64(v.root),
      );
      expect(ok).toBe(!v.wantErr);
    },
  );

  it.each(subConsistency.map((file) => [relative(VECTORS, file), file]))(
    'subtree consistency %s',
    (_name, file) => {
      const v = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector & {
        start: number;
        end: number;
        size: number;
      };
      const ok = verifySubtreeConsistency(
        v.start,
        v.end,
        v.size,
        proofOf(v.proof),
        b64(v.root1),
        b64(v.root2),
      );
      expect(ok).toBe(!v.wantErr);
    },
  );
});

describe('proof properties', () => {
  const MAX = 3000;
  const leaves = Array.from({ length: MAX }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
  const source = memorySource(leaves);
  const roots = new Map<number, Buffer>();
  const rootAt = (size: number): Buffer => {
    let root = roots.get(size);
    if (!root) roots.set(size, (root = rootOf(leaves.slice(0, size))));
    return root;
  };
  const flip = (hash: Buffer, bit: number): Buffer => {
    const copy = Buffer.from(hash);
    copy[bit >> 3]! ^= 1 << (bit & 7);
    return copy;
  };

  it('any inclusion proof for any leaf of any size verifies, and any flipped bit fails it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
        fc.nat(),
        ([size, index], pick) => {
          const proof = inclusionProof(source, index, size);
          expect(verifyInclusion(index, size, leaves[index]!, proof, rootAt(size))).toBe(true);
          // One flipped bit anywhere: in the leaf, the root or one proof hash.
          const targets = proof.length + 2;
          const target = pick % targets;
          const bit = Math.floor(pick / targets) % 256;
          if (target === 0)
            expect(verifyInclusion(index, size, flip(leaves[index]!, bit), proof, rootAt(size))).toBe(false);
          else if (target === 1)
            expect(verifyInclusion(index, size, leaves[index]!, proof, flip(rootAt(size), bit))).toBe(false);
          else {
            const bad = proof.map((p, i) => (i === target - 2 ? flip(p, bit) : p));
            expect(verifyInclusion(index, size, leaves[index]!, bad, rootAt(size))).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('any consistency proof between any two sizes verifies, and any flipped bit fails it', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: MAX })
          .chain((to) => fc.tuple(fc.integer({ min: 1, max: to }), fc.constant(to))),
        fc.nat(),
        ([from, to], pick) => {
          const proof = consistencyProof(source, from, to);
          expect(verifyConsistency(from, to, proof, rootAt(from), rootAt(to))).toBe(true);
          const targets = proof.length + 2;
          const target = pick % targets;
          const bit = Math.floor(pick / targets) % 256;
          if (target === 0)
            expect(verifyConsistency(from, to, proof, flip(rootAt(from), bit), rootAt(to))).toBe(false);
          else if (target === 1)
            expect(verifyConsistency(from, to, proof, rootAt(from), flip(rootAt(to), bit))).toBe(false);
          else {
            const bad = proof.map((p, i) => (i === target - 2 ? flip(p, bit) : p));
            expect(verifyConsistency(from, to, bad, rootAt(from), rootAt(to))).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
