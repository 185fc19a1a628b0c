import { ACCESS_LOG_STREAM, type Actor, type DataAccessedData } from '@accord/events';
import { closeCase, recordOutcome, recorded, registerCase, resolving } from '@accord/domain/case/testing';
import { CASES, type CaseRow, type RegisterPartyRow } from '../projections';
import { projectorFor, tempLedger, writeCase } from '../testing/ledger';
import { patternAlerts } from './register.query';
import { parsePeriod, percentile, reportSummary } from './reports.query';
import { stuckCases } from './cases.query';
import { auditTrail } from './audit.query';
import { stored } from '../testing/ledger';

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

  it('the audit trail by case lists every read that showed the case: one-case reads, list pages, read-model answers, party registers', async () => {
    const ledger = await tempLedger();
    for (const id of ['a', 'b']) await writeCase(ledger.store, id, recorded(registerCase()));
    const read = (resource: DataAccessedData['resource'], resourceId: string | null, shownIds: string[]) =>
      stored(
        {
          type: 'DataAccessed',
          data: {
            resource,
            resourceId,
            streamId: resource === 'case' ? `case-${resourceId}` : null,
            view: resource === 'case' ? 'full' : resource === 'register' ? 'full' : 'list',
            outcome: 'granted',
            asOf: null,
            revision: -1,
            shownIds,
            filter: null,
            position: null,
          },
        },
        { actor: { agency: 'COURT', staffId: 'reader-1', role: 'clerk' } },
      );
    await ledger.store.append(
      ACCESS_LOG_STREAM,
      [
        read('case', 'a', []),
        read('case-list', null, ['b', 'a']),
        read('read-model', 'deadlines', ['b', 'party:RESIDENT_ID-1']),
        read('register', 'RESIDENT_ID-1', ['a', 'b', 'a']),
        read('case', 'b', []),
      ],
      { expectedRevision: 'any' },
    );
    const { readStore, projector } = await projectorFor(ledger.store, ledger.dir);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();

    const reads = async (caseId: string, extra: { after?: number; limit?: number; staffId?: string } = {}) =>
      (await auditTrail(readStore, { caseId, limit: 50, ...extra })).rows.map((r) =>
        r.type === 'DataAccessed' ? (r.access as DataAccessedData).resource : r.type,
      );
    expect(await reads('a')).toEqual(['CaseRegistered', 'case', 'case-list', 'register']);
    expect(await reads('b')).toEqual(['CaseRegistered', 'case-list', 'read-model', 'register', 'case']);
    expect(await reads('b', { staffId: 'reader-1' })).toEqual([
      'case-list',
      'read-model',
      'register',
      'case',
    ]);
    // Paged: the merge keeps log order and the cursor across both sources.
    const first = await auditTrail(readStore, { caseId: 'b', limit: 2 });
    expect(first.rows.map((r) => r.type)).toEqual(['CaseRegistered', 'DataAccessed']);
    const second = await auditTrail(readStore, { caseId: 'b', limit: 2, after: first.next! });
    expect(second.rows.map((r) => (r.access as DataAccessedData).resource)).toEqual([
      'read-model',
      'register',
    ]);
    expect(second.next).not.toBeNull();
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
