import { EMPTY_ROOT, hashChildrenLatin1 } from './rfc6962';

/**
 * The right edge of a tree (one perfect subtree per set bit of its size): enough to append a leaf
 * and compute the current root, in O(log n) memory. `onNode` sees each perfect subtree as it completes.
 * Hashes are held as latin1 strings inside (see hashChildrenLatin1); Buffers at the edges.
 */
export class CompactRange {
  private readonly edge: (string | undefined)[];

  constructor(
    edge: readonly (Buffer | undefined)[] = [],
    private count = 0,
  ) {
    this.edge = edge.map((hash) => hash?.toString('latin1'));
  }

  get size(): number {
    return this.count;
  }

  add(leaf: Buffer, onNode?: (level: number, index: number, hash: Buffer) => void): void {
    this.addLatin1(
      leaf.toString('latin1'),
      onNode && ((level, index, hash) => onNode(level, index, Buffer.from(hash, 'latin1'))),
    );
  }

  addLatin1(leaf: string, onNode?: (level: number, index: number, hash: string) => void): void {
    let hash = leaf;
    let level = 0;
    // The index at `level` of the subtree holding the new leaf; odd while a left sibling waits.
    let index = this.count;
    while (index % 2 === 1) {
      hash = hashChildrenLatin1(this.edge[level]!, hash);
      this.edge[level] = undefined;
      level += 1;
      index = (index - 1) / 2;
      onNode?.(level, index, hash);
    }
    this.edge[level] = hash;
    this.count += 1;
  }

  root(): Buffer {
    let root: string | undefined;
    for (const hash of this.edge) if (hash) root = root ? hashChildrenLatin1(hash, root) : hash;
    return root === undefined ? EMPTY_ROOT : Buffer.from(root, 'latin1');
  }

  clone(): CompactRange {
    const copy = new CompactRange([], this.count);
    copy.edge.push(...this.edge);
    return copy;
  }
}
