import type { CollectionSpec, Condition, Where } from './read-store';

/**
 * What the SQLite and PostgreSQL read stores share of a query: the key and field names a query may
 * use (never a raw string from a caller), and the shape of its WHERE clause. Each store renders a
 * single condition in its own dialect (placeholders, casts).
 */
export function columnOf(spec: CollectionSpec, fields: ReadonlySet<string>, field: string): string {
  if (field === 'key') return 'k';
  if (!fields.has(field)) throw new Error(`read store: ${spec.name} has no field ${field}`);
  return field;
}

export function whereClause(where: Where, condition: (c: Condition) => string): string {
  const parts: string[] = [];
  for (const c of where.all ?? []) parts.push(condition(c));
  for (const group of where.any ?? []) {
    if (group.length === 0) continue;
    parts.push(`(${group.map(condition).join(' OR ')})`);
  }
  return parts.length === 0 ? '' : ` WHERE ${parts.join(' AND ')}`;
}
