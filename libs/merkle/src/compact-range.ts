import { EMPTY_ROOT } from './rfc6962';
import { appendToEdge, edgeRoot } from './tree-kernel';

/** A compact range's edge as a plain array, fed packed leaf inputs: what verify's thread runs. */
export { appendLeafInputs, edgeRoot } from './tree-kernel';

/**
 * The right edge of a tree (one perfect subtree per set bit of its size): enough to append a leaf
 * and compute the current root, in O(log n) memory. `onNode` sees each perfect subtree as it completes.
 * Hashes are held as latin1 strings inside (see hashChildrenLatin1); Buffers at the edges. The
 * append and the root are tree-kernel.js's, which the rebuild thread shares.
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
    appendToEdge(this.edge, this.count, leaf, onNode);
    this.count += 1;
  }

  root(): Buffer {
    const root = edgeRoot(this.edge);
    return root === undefined ? EMPTY_ROOT : Buffer.from(root, 'latin1');
  }

  clone(): CompactRange {
    const copy = new CompactRange([], this.count);
    copy.edge.push(...this.edge);
    return copy;
  }
}
