import { verifyChain } from '@accord/events/integrity';
import { PostgresEventStore } from '@accord/store';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';
import { verifyLedger } from '../apps/cli/src/verify/verify-ledger';
import { startApi, type ApiHarness } from './support/api-harness';

type Headers = Record<string, string>;

/** The README walk-through's first acts on the real app, with ACCORD_EVENT_STORE=postgres, on two instances. */
describePg('the API on a PostgreSQL event store', () => {
  let db: TestDatabase;
  let a: ApiHarness;
  let b: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    const eventStore = { kind: 'postgres', url: db.url } as const;
    // Two instances, each with its own data dir (keys differ), on one database: as in docker-compose.
    a = await startApi({ eventStore });
    b = await startApi({ eventStore }, { dataDir: undefined });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const post = async (h: ApiHarness, path: string, who: Headers, body: object, status: number) => {
    const res = await h.http.post(path).set(who).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; streamId: string; revision: number; position: number };
  };

  it('registers, assesses, opens and invites on one instance; the other reads it and the procuratorate replies there', async () => {
    const govA = a.staff.govClerk;
    const created = await post(
      a,
      '/cases',
      govA,
      {
        channel: 'RECONSIDERATION',
        externalCaseNumber: '鲁山复议〔2026〕17号',
        acceptedOn: '2026-11-02',
        parties: [
          {
            partyId: 'p-001',
            kind: 'NATURAL_PERSON',
            name: '王某',
            idScheme: 'RESIDENT_ID',
            idNumber: '410423199001011234',
          },
        ],
        respondent: { code: 'county-natural-resources', name: '鲁山县自然资源局' },
        matter: 'Compensation for a collectively owned plot taken for a road',
        peopleInvolved: 1,
      },
      201,
    );
    const id = created.id;
    await post(
      a,
      `/cases/${id}/eligibility`,
      govA,
      {
        outcome: 'ELIGIBLE',
        assessedOn: '2026-11-03',
        grounds: [{ category: 1, reasons: 'A dispute over the amount of administrative compensation' }],
      },
      201,
    );
    await post(a, `/cases/${id}/resolution`, govA, { openedOn: '2026-11-04' }, 200);
    const invitation = await post(
      a,
      `/cases/${id}/invitations`,
      govA,
      {
        to: 'PROCURATORATE',
        grounds: 'Likely to become a suit if unresolved',
        noticeServedOn: '2026-11-20',
      },
      201,
    );

    // The second instance has never seen this case: it folds it from PostgreSQL.
    const procB = b.auth('PROCURATORATE', 'pro-clerk-07', 'clerk');
    await post(
      b,
      `/cases/${id}/invitations/${invitation.id}/reply`,
      procB,
      { answer: 'ACCEPT', repliedOn: '2026-11-24' },
      200,
    );
    const seen = await a.http.get(`/cases/${id}`).set(govA);
    expect(seen.status).toBe(200);
    expect(seen.body.case.invitations[0]).toMatchObject({ to: 'PROCURATORATE', status: 'accepted' });
    expect(seen.body.case.participants).toEqual(['GOV_OFFICE', 'PROCURATORATE']);

    const history = await b.http
      .get(`/cases/${id}/history`)
      .set(b.auth('GOV_OFFICE', 'inspector-02', 'auditor'));
    expect(history.status).toBe(200);

    // The ledger on PostgreSQL verifies: chains, order and stored bytes.
    const reader = await PostgresEventStore.open({ url: db.url, readonly: true });
    try {
      const report = await verifyLedger(reader);
      expect(report).toMatchObject({ ok: true, storageChecked: true });
      expect(report.events).toBeGreaterThanOrEqual(5);
      const events = await reader.readStream(created.streamId);
      expect(events.map((e) => e.type)).toContain('InvitationAccepted');
      expect(verifyChain(created.streamId, events)).toBeNull();
      expect(await reader.missingImmutabilityTriggers()).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});
