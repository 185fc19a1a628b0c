import {
  AUDIT_DISCLOSURES,
  AUDIT_TRAIL,
  type AuditDisclosureRow,
  type AuditRow,
} from '../projections/audit.projection';
import type { Condition, ReadStore } from '../read-store';

export interface AuditFilter {
  readonly caseId?: string;
  readonly staffId?: string;
  readonly agency?: string;
  /** Instants, inclusive, on `recordedAt`. */
  readonly from?: string;
  readonly to?: string;
  /** Position of the last row of the previous page (exclusive). */
  readonly after?: number;
  readonly limit: number;
}

/**
 * The audit trail in log order, one page at a time. By case: the case's own events and reads, merged
 * with every list page and read-model answer that showed it.
 */
export async function auditTrail(
  store: ReadStore,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; next: number | null }> {
  const all: Condition[] = [];
  if (filter.caseId !== undefined) all.push({ field: 'caseId', op: '=', value: filter.caseId });
  if (filter.staffId !== undefined) all.push({ field: 'staffId', op: '=', value: filter.staffId });
  if (filter.agency !== undefined) all.push({ field: 'agency', op: '=', value: filter.agency });
  if (filter.from !== undefined) all.push({ field: 'recordedAt', op: '>=', value: filter.from });
  if (filter.to !== undefined) all.push({ field: 'recordedAt', op: '<=', value: filter.to });
  const limit = filter.limit + 1;
  let rows = await store.find<AuditRow>(AUDIT_TRAIL, {
    all: [
      ...all,
      ...(filter.after === undefined ? [] : [{ field: 'key', op: '>', value: filter.after } as const]),
    ],
    orderBy: [{ field: 'key', direction: 'asc' }],
    limit,
  });
  if (filter.caseId !== undefined) {
    const disclosures = await store.find<AuditDisclosureRow>(AUDIT_DISCLOSURES, {
      all: [
        ...all,
        ...(filter.after === undefined ? [] : [{ field: 'position', op: '>', value: filter.after } as const]),
      ],
      orderBy: [{ field: 'position', direction: 'asc' }],
      limit,
    });
    const merged = new Map(rows.map((r) => [r.position, r]));
    for (const d of disclosures) {
      const row = merged.has(d.position) ? undefined : await store.get<AuditRow>(AUDIT_TRAIL, d.position);
      if (row !== undefined) merged.set(row.position, row);
    }
    rows = [...merged.values()].sort((a, b) => a.position - b.position).slice(0, limit);
  }
  const page = rows.slice(0, filter.limit);
  return { rows: page, next: rows.length > filter.limit ? page[page.length - 1]!.position : null };
}
