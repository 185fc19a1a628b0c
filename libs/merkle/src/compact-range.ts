import { EMPTY_ROOT, hashChildren } from './rfc6962';

/**
 * The right edge of a tree (one perfect subtree per set bit of its size): enough to append a leaf
 * and compute the current root, in O(log n) memory. `onNode` sees each perfect subtree as it completes.
 */
export class CompactRange {
  constructor(
    private edge: (Buffer | undefined)[] = [],
    private count = 0,
  ) {}

  get size(): number {
    return this.count;
  }

  add(leaf: Buffer, onNode?: (level: number, index: number, hash: Buffer) => void): void {
    let hash = leaf;
    let level = 0;
    while (Math.floor(this.count / 2 ** level) % 2 === 1) {
      hash = hashChildren(this.edge[level]!, hash);
      this.edge[level] = undefined;
      level += 1;
      onNode?.(level, Math.floor(this.count / 2 ** level), hash);
    }
    this.edge[level] = hash;
    this.count += 1;
  }

  root(): Buffer {
    let root: Buffer | undefined;
    for (const hash of this.edge) if (hash) root = root ? hashChildren(hash, root) : hash;
    return root ?? EMPTY_ROOT;
  }

  clone(): CompactRange {
    return new CompactRange([...this.edge], this.count);
  }
}
