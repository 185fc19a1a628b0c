import type { Actor } from '@accord/events';
import { type LegalCalendar, recountDeadline } from '@accord/domain';
import { CASES, type CaseRow } from '../projections/case-status.projection';
import { DEADLINES, type DeadlineRow } from '../projections/deadlines.projection';
import type { Condition, ReadStore } from '../read-store';
import { rowAccess } from './cases.query';

export interface DeadlineFilter {
  readonly caseId?: string;
  readonly kind?: string;
  readonly overdue?: boolean;
  /** `open` (default) or `all`. */
  readonly status?: 'open' | 'all';
  readonly limit: number;
}

/**
 * Deadlines the reader may see, each recounted with the calendar in force now. When the recount
 * differs from the date recorded when the period began (a year's schedule was corrected since), both
 * are shown with the reason; a due date in a year with no official schedule is provisional.
 */
export async function listDeadlines(
  store: ReadStore,
  actor: Actor,
  calendar: LegalCalendar,
  today: string,
  filter: DeadlineFilter,
) {
  const all: Condition[] = [];
  if (filter.status !== 'all') all.push({ field: 'status', op: '=', value: 'open' });
  if (filter.caseId !== undefined) all.push({ field: 'caseId', op: '=', value: filter.caseId });
  if (filter.kind !== undefined) all.push({ field: 'kind', op: '=', value: filter.kind });
  if (filter.overdue !== undefined) all.push({ field: 'overdue', op: '=', value: filter.overdue ? 1 : 0 });
  const rows = await store.find<DeadlineRow>(DEADLINES, {
    all,
    // The key breaks ties, so every read store answers in the same order.
    orderBy: [
      { field: 'recordedDueBy', direction: 'asc' },
      { field: 'key', direction: 'asc' },
    ],
  });
  const cases = new Map<string, CaseRow | undefined>();
  const visible: DeadlineRow[] = [];
  for (const row of rows) if (await visibleDeadline(row)) visible.push(row);
  // Art 17: a letter's period is its organ's to meet, but the case the letter names is not the organ's to know.
  // An invitee may know the case's id (its reduced view names it); the organ is none of these.
  const views = [];
  for (const row of visible.slice(0, filter.limit)) {
    const view = deadlineView(row, calendar, today);
    views.push(view.caseId === null || (await known(view.caseId)) ? view : { ...view, caseId: null });
  }
  return views;

  async function caseRow(caseId: string): Promise<CaseRow | undefined> {
    if (!cases.has(caseId)) cases.set(caseId, await store.get<CaseRow>(CASES, caseId));
    return cases.get(caseId);
  }

  async function known(caseId: string): Promise<boolean> {
    if (actor.role === 'auditor') return true;
    const c = await caseRow(caseId);
    return c !== undefined && rowAccess(c, actor) !== undefined;
  }

  async function visibleDeadline(row: DeadlineRow): Promise<boolean> {
    if (actor.role === 'auditor') return true;
    if (row.kind === 'LETTER_RESPONSE') return actor.agency === row.watcher || actor.agency === row.owner;
    if (row.caseId === null) return false;
    const c = await caseRow(row.caseId);
    const access = c === undefined ? undefined : rowAccess(c, actor);
    // An invitee sees the one period that is its own to meet: its reply.
    return (
      access === 'participant' ||
      (access === 'invitee' && row.kind === 'INVITATION_REPLY' && row.owner === actor.agency)
    );
  }
}

export function deadlineView(row: DeadlineRow, calendar: LegalCalendar, today: string) {
  const now = recountDeadline(calendar, row.explanation);
  const changed = now.dueBy !== row.recordedDueBy;
  return {
    deadlineId: row.deadlineId,
    kind: row.kind,
    caseId: row.caseId,
    letterId: row.letterId,
    refId: row.refId,
    owner: row.owner,
    status: row.status,
    closedBy: row.closedBy,
    dueBy: now.dueBy,
    recordedDueBy: row.recordedDueBy,
    changed,
    why: changed
      ? `Recounted with the calendar in force now (${now.explanation.sources.join('; ')}): ${now.explanation.text} ` +
        `When the period began it was counted as due ${row.recordedDueBy} (${row.explanation.sources.join('; ')}).`
      : null,
    provisional: now.provisional,
    explanation: now.explanation,
    recordedExplanation: changed ? row.explanation : undefined,
    overdue: row.overdue === 1 || (row.status === 'open' && today > now.dueBy),
    overdueRecorded: row.overdue === 1,
    overdueDetectedOn: row.overdueDetectedOn,
  };
}
