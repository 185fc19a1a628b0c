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
export function caseNamer(store: ReadStore, actor: Actor): (caseId: string) => boolean {
  if (actor.role === 'auditor') return () => true;
  const known = new Map<string, boolean>();
  return (caseId) => {
    let named = known.get(caseId);
    if (named === undefined) {
      const row = store.get<CaseRow>(CASES, caseId);
      named = row !== undefined && rowAccess(row, actor) === 'participant';
      known.set(caseId, named);
    }
    return named;
  };
}

/** The Art 14 briefing as `actor` may read it: every figure, the cases it takes part in, a count of the others. */
export function briefingFor(
  store: ReadStore,
  period: { from: string; to: string; label: string },
  actor: Actor,
) {
  const body = briefing(store, period);
  const named = caseNamer(store, actor);
  const majorRiskCases = body.majorRiskCases.filter((c) => named(c.caseId));
  const overdueCases = body.overdueCases.filter((c) => named(c.caseId));
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

function splitFilings(filings: readonly Filing[], named: (caseId: string) => boolean): WithheldFilings {
  const shown = filings.filter((f) => named(f.caseId));
  return { filings: shown, withheldFilings: filings.length - shown.length };
}

/**
 * Art 11 pattern alerts as `actor` may read them. An alert is a pattern across the agencies (that is
 * what the register shares), so it keeps its organ and window; its filings in cases the reader does
 * not take part in are counted, not named. An alert in which the reader takes part in no filing
 * would name a party of other agencies' cases: it is counted in `withheldAlerts` only.
 */
export function patternAlertsFor(store: ReadStore, rule: AlertRule, limit: number, actor: Actor) {
  const named = caseNamer(store, actor);
  const items: (PatternAlert & { withheldFilings: number })[] = [];
  let withheldAlerts = 0;
  for (const alert of allPatternAlerts(store, rule, Number.MAX_SAFE_INTEGER)) {
    const split = splitFilings(alert.filings, named);
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
export function partyFilingsFor(store: ReadStore, row: RegisterPartyRow, rule: AlertRule, actor: Actor) {
  const named = caseNamer(store, actor);
  const split = splitFilings(row.filings, named);
  const alerts = patternAlerts(row, rule).flatMap((alert) => {
    const inner = splitFilings(alert.filings, named);
    return inner.filings.length === 0 ? [] : [{ ...alert, ...inner }];
  });
  const names =
    actor.role === 'auditor'
      ? row.names
      : [
          ...new Set(
            split.filings.flatMap((f) => {
              const party = store
                .get<CaseRow>(CASES, f.caseId)
                ?.state.parties.find((p) => p.partyId === f.casePartyId);
              return party === undefined ? [] : [party.name];
            }),
          ),
        ];
  return { ...split, alerts, names, known: split.filings.length > 0 };
}
