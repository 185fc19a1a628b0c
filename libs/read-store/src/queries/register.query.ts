import { daysBetween } from '@accord/domain';
import {
  type Filing,
  type FilingRow,
  REGISTER_FILINGS,
  REGISTER_PARTIES,
  type RegisterPartyDoc,
  type RegisterPartyRow,
} from '../projections/register.projection';
import type { ReadStore } from '../read-store';

export interface AlertRule {
  readonly minFilings: number;
  readonly windowDays: number;
  /** The rule set the parameters come from. */
  readonly ruleSet: string;
}

/** A pattern for human review. Never a flag: a flag needs a proposal and a confirmation (Art 11). */
export interface PatternAlert {
  readonly alertId: string;
  readonly partyKey: string;
  readonly respondentCode: string;
  readonly respondentName: string;
  /** The filings that raised it, oldest first. */
  readonly filings: readonly Filing[];
  readonly from: string;
  readonly to: string;
  readonly rule: string;
  readonly note: string;
}

/**
 * Art 11 pattern alerts: a party with `minFilings` or more filings against the same organ (the
 * "related matters") whose acceptance dates fall within `windowDays`. One alert per party and organ,
 * naming the largest such group of filings.
 */
export function patternAlerts(row: RegisterPartyRow, rule: AlertRule): PatternAlert[] {
  const byOrgan = new Map<string, Filing[]>();
  for (const filing of row.filings)
    byOrgan.set(filing.respondentCode, [...(byOrgan.get(filing.respondentCode) ?? []), filing]);
  const alerts: PatternAlert[] = [];
  for (const [organ, filings] of byOrgan) {
    if (filings.length < rule.minFilings) continue;
    const sorted = [...filings].sort(
      (a, b) => a.acceptedOn.localeCompare(b.acceptedOn) || a.position - b.position,
    );
    let best: Filing[] = [];
    for (let i = 0, j = 0; j < sorted.length; j += 1) {
      while (daysBetween(sorted[i]!.acceptedOn, sorted[j]!.acceptedOn) > rule.windowDays) i += 1;
      if (j - i + 1 > best.length) best = sorted.slice(i, j + 1);
    }
    if (best.length < rule.minFilings) continue;
    alerts.push({
      // Party, organ and the window's first day: naming a case here would name it to every reader (Art 17).
      alertId: `${row.partyKey}:${organ}:${best[0]!.acceptedOn}`,
      partyKey: row.partyKey,
      respondentCode: organ,
      respondentName: best[0]!.respondentName,
      filings: best,
      from: best[0]!.acceptedOn,
      to: best[best.length - 1]!.acceptedOn,
      rule: `${rule.ruleSet}: ${rule.minFilings}+ filings against one organ within ${rule.windowDays} days`,
      note: 'For human review; not a flag (a flag is proposed and confirmed under Art 11).',
    });
  }
  return alerts;
}

export async function allPatternAlerts(
  store: ReadStore,
  rule: AlertRule,
  limit: number,
): Promise<PatternAlert[]> {
  const candidates = await store.find<RegisterPartyDoc>(REGISTER_PARTIES, {
    all: [{ field: 'filingCount', op: '>=', value: rule.minFilings }],
    orderBy: [{ field: 'key', direction: 'asc' }],
  });
  const alerts: PatternAlert[] = [];
  for (const doc of candidates) {
    if (alerts.length >= limit) break;
    alerts.push(...patternAlerts(await withFilings(store, doc), rule));
  }
  return alerts.slice(0, limit);
}

/** A party with every filing, in log order. */
export async function registerParty(
  store: ReadStore,
  partyKey: string,
): Promise<RegisterPartyRow | undefined> {
  const doc = await store.get<RegisterPartyDoc>(REGISTER_PARTIES, partyKey);
  return doc === undefined ? undefined : withFilings(store, doc);
}

async function withFilings(store: ReadStore, doc: RegisterPartyDoc): Promise<RegisterPartyRow> {
  const rows = await store.find<FilingRow>(REGISTER_FILINGS, {
    all: [{ field: 'partyKey', op: '=', value: doc.partyKey }],
    orderBy: [{ field: 'position', direction: 'asc' }],
  });
  const filings = rows.map(({ partyKey: _partyKey, ...filing }) => filing);
  return { ...doc, filings };
}
