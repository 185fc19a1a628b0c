import type { Actor } from '@accord/events';
import { closeCase, recordOutcome, recorded, registerCase, resolving } from '@accord/domain/case/testing';
import { CASES, type CaseRow, type RegisterPartyRow } from '../projections';
import { projectorFor, tempLedger, writeCase } from '../testing/ledger';
import { patternAlerts } from './register.query';
import { parsePeriod, percentile, reportSummary } from './reports.query';
import { stuckCases } from './cases.query';

const auditor: Actor = { agency: 'PROCURATORATE', staffId: 'a-1', role: 'auditor' };
const court: Actor = { agency: 'COURT', staffId: 'c-1', role: 'clerk' };

describe('read-model queries', () => {
  it('stuck cases: open cases idle for more than N days, as the reader may see them; reports count each act in its month', async () => {
    const ledger = await tempLedger();
    await writeCase(ledger.store, 'open', recorded(registerCase()));
    await writeCase(
      ledger.store,
      'done',
      resolving(recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }), closeCase()),
    );
    await writeCase(
      ledger.store,
      'gov',
      recorded(registerCase({ channel: 'RECONSIDERATION' }, { agency: 'GOV_OFFICE' })),
    );
    const { readStore, projector } = await projectorFor(ledger.store, ledger.dir);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();
    const last = (await readStore.get<CaseRow>(CASES, 'open'))!.lastActivityOn;

    expect((await stuckCases(readStore, court, '2099-01-01', 30, 10)).map((c) => c.caseId)).toEqual(['open']);
    expect((await stuckCases(readStore, auditor, '2099-01-01', 30, 10)).map((c) => c.caseId).sort()).toEqual([
      'gov',
      'open',
    ]);
    expect(await stuckCases(readStore, auditor, last, 30, 10)).toEqual([]);

    const rows = await reportSummary(readStore, { agency: 'COURT' });
    const total = (k: 'registered' | 'outcomesRecorded') => rows.reduce((n, r) => n + r[k], 0);
    expect([total('registered'), total('outcomesRecorded')]).toEqual([2, 1]);
    expect(rows.find((r) => r.outcomesRecorded === 1)).toMatchObject({
      resolutionRate: 0,
      resolvedByOutcome: { DECIDED_WITHOUT_RESOLUTION: 1 },
    });
    await readStore.close();
    await ledger.remove();
  });

  it('a pattern alert needs the minimum number of filings against one organ inside the window', () => {
    const filing = (caseId: string, acceptedOn: string, respondentCode = 'land') => ({
      caseId,
      casePartyId: 'p',
      channel: 'LITIGATION',
      leadAgency: 'COURT',
      externalCaseNumber: caseId,
      acceptedOn,
      respondentCode,
      respondentName: respondentCode,
      matter: 'm',
      position: 1,
    });
    const row = (filings: ReturnType<typeof filing>[]) =>
      ({ partyKey: 'K', filings }) as unknown as RegisterPartyRow;
    const rule = { minFilings: 3, windowDays: 365, ruleSet: 'v1' };
    expect(
      patternAlerts(
        row([filing('a', '2024-01-01'), filing('b', '2024-06-01'), filing('c', '2024-12-31')]),
        rule,
      ),
    ).toHaveLength(1);
    expect(
      patternAlerts(
        row([filing('a', '2024-01-01'), filing('b', '2024-06-01'), filing('c', '2025-01-02')]),
        rule,
      ),
    ).toEqual([]);
    expect(
      patternAlerts(
        row([filing('a', '2024-01-01'), filing('b', '2024-06-01'), filing('c', '2024-07-01', 'tax')]),
        rule,
      ),
    ).toEqual([]);
  });

  it('periods and percentiles', () => {
    expect(parsePeriod('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026-Q4' });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect([
      percentile([5, 1, 3, 2, 4], 50),
      percentile([], 90),
      percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90),
    ]).toEqual([3, null, 9]);
  });
});
