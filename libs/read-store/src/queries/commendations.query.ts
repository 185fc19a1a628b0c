import type { Actor } from '@accord/events';
import { CASES, type CaseRow } from '../projections/case-status.projection';
import { COMMENDATIONS, type CommendationRow } from '../projections/commendations.projection';
import type { ReadStore } from '../read-store';
import { rowAccess } from './cases.query';

export interface CommendationFilter {
  /** `YYYY-MM`, inclusive. */
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

/**
 * Art 12 通报表扬 across every organ. The commendation itself is a public notice, but the cases it
 * cites are not (Art 17): a case is named only to a reader who may see it (its lead, an invitee,
 * auditors); the others are counted in `caseRefsWithheld`. A reference that is no case id on record
 * is withheld too, since nothing says whose case it is.
 */
export async function commendationReport(store: ReadStore, actor: Actor, filter: CommendationFilter) {
  const inRange = (row: CommendationRow) => {
    const month = row.commendedOn.slice(0, 7);
    return (
      (filter.fromMonth === undefined || month >= filter.fromMonth) &&
      (filter.toMonth === undefined || month <= filter.toMonth)
    );
  };
  const rows = (
    await store.find<CommendationRow>(COMMENDATIONS, {
      orderBy: [{ field: 'commendedOn', direction: 'desc' }],
    })
  ).filter(inRange);
  const seen = new Map<string, boolean>();
  for (const ref of new Set(rows.flatMap((row) => row.caseRefs))) {
    const row = await store.get<CaseRow>(CASES, ref);
    seen.set(ref, row !== undefined && rowAccess(row, actor) !== undefined);
  }
  const named = (ref: string): boolean => seen.get(ref) === true;
  const items = rows.map((row) => {
    const caseRefs = row.caseRefs.filter(named);
    return {
      commendationId: row.commendationId,
      organ: { code: row.organCode, name: row.organName },
      reason: row.reason,
      caseRefs,
      caseRefsWithheld: row.caseRefs.length - caseRefs.length,
      commendedOn: row.commendedOn,
      commendedBy: row.commendedBy,
    };
  });
  const organs = new Map<
    string,
    { organCode: string; organName: string; commendations: number; lastCommendedOn: string }
  >();
  const months = new Map<string, number>();
  for (const row of rows) {
    const organ = organs.get(row.organKey);
    if (organ === undefined)
      organs.set(row.organKey, {
        organCode: row.organCode,
        organName: row.organName,
        commendations: 1,
        lastCommendedOn: row.commendedOn,
      });
    else organ.commendations += 1;
    const month = row.commendedOn.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return {
    organs: [...organs.values()].sort(
      (a, b) => b.commendations - a.commendations || a.organCode.localeCompare(b.organCode),
    ),
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, commendations]) => ({ month, commendations })),
    items,
  };
}
