/** The batch size of a read or subscription: default 500, else a positive integer. */
export function positiveBatchSize(size: number | undefined): number {
  if (size === undefined) return 500;
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('batchSize must be a positive integer');
  return size;
}
