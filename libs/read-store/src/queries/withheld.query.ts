import type { Actor } from '@accord/events';
import { CASES, type CaseRow } from '../projections/case-status.projection';
import type { Filing, RegisterPartyRow } from '../projections/register.projection';
import type { ReadStore } from '../read-store';
import { rowAccess } from './cases.query';
import { type AlertRule, allPatternAlerts, type PatternAlert, patternAlerts } from './register.query';
import { briefing } from './reports.query';

/**
 * Art 17 for the answers shared among the three agencies (the Art 14 briefing, the Art 11 register):
 * a case is named (id, docket number, the party's place in it) only to a reader who sees it in full —
 * its lead, an agency that accepted an invitation, auditors. An open invitee sees no party and no
 * risk (the reduced view), so it is not named there either. What may not be named is counted.
 */
export function caseNamer(store: ReadStore, actor: Actor): (caseId: string) => Promise<boolean> {
  if (actor.role === 'auditor') return () => Promise.resolve(true);
  const known = new Map<string, boolean>();
  return async (caseId) => {
    let named = known.get(caseId);
    if (named === undefined) {
      const row = await store.get<CaseRow>(CASES, caseId);
      named = row !== undefined && rowAccess(row, actor) === 'participant';
      known.set(caseId, named);
    }
    return named;
  };
}

async function keep<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (const item of items) if (await test(item)) kept.push(item);
  return kept;
}

/** The Art 14 briefing as `actor` may read it: every figure, the cases it takes part in, a count of the others. */
export async function briefingFor(
  store: ReadStore,
  period: { from: string; to: string; label: string },
  actor: Actor,
) {
  const body = await briefing(store, period);
  const named = caseNamer(store, actor);
  const majorRiskCases = await keep(body.majorRiskCases, (c) => named(c.caseId));
  const overdueCases = await keep(body.overdueCases, (c) => named(c.caseId));
  return {
    ...body,
    majorRiskCases,
    overdueCases,
    withheld: {
      majorRiskCases: body.majorRiskCases.length - majorRiskCases.length,
      overdueCases: body.overdueCases.length - overdueCases.length,
    },
  };
}

export interface WithheldFilings {
  readonly filings: readonly Filing[];
  readonly withheldFilings: number;
}

async function splitFilings(
  filings: readonly Filing[],
  named: (caseId: string) => Promise<boolean>,
): Promise<WithheldFilings> {
  const shown = await keep(filings, (f) => named(f.caseId));
  return { filings: shown, withheldFilings: filings.length - shown.length };
}

/**
 * Art 11 pattern alerts as `actor` may read them. An alert is a pattern across the agencies (that is
 * what the register shares), so it keeps its organ and window; its filings in cases the reader does
 * not take part in are counted, not named. An alert in which the reader takes part in no filing
 * would name a party of other agencies' cases: it is counted in `withheldAlerts` only.
 */
export async function patternAlertsFor(store: ReadStore, rule: AlertRule, limit: number, actor: Actor) {
  const named = caseNamer(store, actor);
  const items: (PatternAlert & { withheldFilings: number })[] = [];
  let withheldAlerts = 0;
  for (const alert of await allPatternAlerts(store, rule, Number.MAX_SAFE_INTEGER)) {
    const split = await splitFilings(alert.filings, named);
    if (split.filings.length === 0) withheldAlerts += 1;
    else if (items.length < limit) items.push({ ...alert, ...split });
  }
  return { items, withheldAlerts };
}

/**
 * One party's filings and alerts as `actor` may read them. The names are those the reader's own
 * cases give the party (another agency's clerk may have spelled it otherwise); `known` is false when
 * the reader takes part in none of its filings.
 */
export async function partyFilingsFor(
  store: ReadStore,
  row: RegisterPartyRow,
  rule: AlertRule,
  actor: Actor,
) {
  const named = caseNamer(store, actor);
  const split = await splitFilings(row.filings, named);
  const alerts = [];
  for (const alert of patternAlerts(row, rule)) {
    const inner = await splitFilings(alert.filings, named);
    if (inner.filings.length > 0) alerts.push({ ...alert, ...inner });
  }
  let names = row.names;
  if (actor.role !== 'auditor') {
    const own = new Set<string>();
    for (const f of split.filings) {
      const c = await store.get<CaseRow>(CASES, f.caseId);
      const party = c?.state.parties.find((p) => p.partyId === f.casePartyId);
      if (party !== undefined) own.add(party.name);
    }
    names = [...own];
  }
  return { ...split, alerts, names, known: split.filings.length > 0 };
}
