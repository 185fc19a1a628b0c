import { AUDIT_TRAIL, type AuditRow } from '../projections/audit.projection';
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

/** The audit trail in log order, one page at a time. */
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
  if (filter.after !== undefined) all.push({ field: 'key', op: '>', value: filter.after });
  const rows = await store.find<AuditRow>(AUDIT_TRAIL, {
    all,
    orderBy: [{ field: 'key', direction: 'asc' }],
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return { rows: page, next: rows.length > filter.limit ? page[page.length - 1]!.position : null };
}
