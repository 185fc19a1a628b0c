import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { lastVerifyRun } from '@accord/merkle';
import { openSqliteStore } from '@accord/store';
import { writeSampleLedger } from '../apps/cli/src/testing/sample-ledger';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';
import { runAccord } from './support/cli-run';
import { copyLedger, editEnvelope, rowAt, tamper, tempRoot } from './support/cli-tamper';
import { SEEDED, seedCases, type SeededCases } from './support/dashboard-seed';

// The seeded cases' one party (litigationCase): the same person in all three, against the same organ.
const SHARED_PARTY = 'RESIDENT_ID-370423199001011234';
// A person who files only with the government office, three times in a year.
const GOV_ONLY_PARTY = 'RESIDENT_ID-370423198502022345';

/**
 * What the dashboard reads beyond the case list, at the API: the cross-organ commendations, prevention
 * plans in the monthly report, the last verify run, and Art 17 on the answers shared among the three
 * agencies (the briefing, the register): a case the reader takes no part in is counted, never named.
 */
describe('the dashboard’s queries', () => {
  let h: ApiHarness;
  let cases: SeededCases;
  let govOnly: string[];
  let commendationId: string;
  let head: number;

  const body = (res: { body: unknown }) => JSON.stringify(res.body);
  const secretsOf = (...which: (keyof typeof SEEDED)[]) => which.flatMap((k) => [cases[k], SEEDED[k]]);

  beforeAll(async () => {
    h = await startApi({}, { inProcessProjector: true });
    cases = await seedCases(h);
    const gov = h.staff.govClerk;
    govOnly = [];
    for (const [i, acceptedOn] of ['2024-04-01', '2024-05-06', '2024-06-03'].entries()) {
      const res = await h.http
        .post('/cases')
        .set(gov)
        .send(
          litigationCase({
            channel: 'RECONSIDERATION',
            acceptedOn,
            externalCaseNumber: `鲁山复议〔2024〕${40 + i}号`,
            parties: [
              {
                partyId: 'p-1',
                kind: 'NATURAL_PERSON',
                name: '李四',
                idScheme: 'RESIDENT_ID',
                idNumber: '370423198502022345',
              },
            ],
          }),
        )
        .expect(201);
      govOnly.push(res.body.id as string);
    }
    // The same person before the procuratorate, the name written otherwise: the court must not learn it.
    await h.http
      .post('/cases')
      .set(h.staff.procClerk)
      .send(
        litigationCase({
          channel: 'PROCURATORIAL_SUPERVISION',
          acceptedOn: '2024-04-01',
          externalCaseNumber: '鲁检行监受〔2024〕9号',
          parties: [
            {
              partyId: 'p-9',
              kind: 'NATURAL_PERSON',
              name: '张叁',
              idScheme: 'RESIDENT_ID',
              idNumber: '370423199001011234',
            },
          ],
        }),
      )
      .expect(201);
    commendationId = cases.commendation;
    head = await h.built.store.headPosition();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(h.dataDir, { recursive: true, force: true });
  });

  describe('Art 17 on the shared answers', () => {
    it('GET /reports/briefing names a major-risk case only to the agencies taking part, and counts it for the others', async () => {
      const read = (who: Record<string, string>) =>
        h.http.get('/reports/briefing').query({ period: '2024', minPosition: head }).set(who).expect(200);
      const court = await read(h.staff.courtClerk);
      expect(body(court)).not.toContain(cases.reconsideration);
      expect(body(court)).not.toContain(SEEDED.reconsideration);
      expect(court.body.withheld).toMatchObject({ majorRiskCases: 1 });
      expect(court.body.figures.registered).toBeGreaterThanOrEqual(6);
      for (const who of [h.staff.govClerk, h.staff.procClerk, h.staff.auditor]) {
        const named = await read(who);
        expect(named.body.majorRiskCases.map((c: { caseId: string }) => c.caseId)).toEqual([
          cases.reconsideration,
        ]);
        expect(named.body.withheld).toMatchObject({ majorRiskCases: 0 });
      }
    });

    it('GET /register/alerts names only the filings of cases the reader takes part in, and no party of others’ cases', async () => {
      const read = (who: Record<string, string>) =>
        h.http.get('/register/alerts').query({ minPosition: head }).set(who).expect(200);
      const court = await read(h.staff.courtClerk);
      for (const secret of [...secretsOf('reconsideration', 'supervision'), ...govOnly, GOV_ONLY_PARTY])
        expect([secret, body(court).includes(secret)]).toEqual([secret, false]);
      expect(court.body.items).toEqual([
        expect.objectContaining({
          partyKey: SHARED_PARTY,
          filings: [expect.objectContaining({ caseId: cases.litigation })],
          withheldFilings: 3,
        }),
      ]);
      expect(court.body.withheldAlerts).toBe(1);
      // The government office is only invited to the litigation case: it sees no party there.
      const gov = await read(h.staff.govClerk);
      const shared = gov.body.items.find((a: { partyKey: string }) => a.partyKey === SHARED_PARTY);
      expect(shared.filings.map((f: { caseId: string }) => f.caseId)).toEqual([cases.reconsideration]);
      expect(shared.withheldFilings).toBe(3);
      expect(body(gov)).toContain(GOV_ONLY_PARTY);
      const auditor = await read(h.staff.auditor);
      expect(auditor.body.items).toHaveLength(2);
      expect(auditor.body.withheldAlerts).toBe(0);
    });

    it('GET /register/parties/:key shows the reader its own filings and a count of the rest; a party only of others’ cases is unknown', async () => {
      const court = await h.http
        .get(`/register/parties/${SHARED_PARTY}`)
        .query({ minPosition: head })
        .set(h.staff.courtClerk)
        .expect(200);
      expect(court.body.filings.map((f: { caseId: string }) => f.caseId)).toEqual([cases.litigation]);
      expect(court.body.withheldFilings).toBe(3);
      expect(court.body.party.names).toEqual(['张三']);
      for (const secret of [...secretsOf('reconsideration', 'supervision'), '张叁', '鲁检行监受〔2024〕9号'])
        expect(body(court)).not.toContain(secret);
      const audited = await h.http.get(`/register/parties/${SHARED_PARTY}`).set(h.staff.auditor).expect(200);
      expect(audited.body.party.names).toEqual(expect.arrayContaining(['张三', '张叁']));
      const unknown = await h.http
        .get(`/register/parties/${GOV_ONLY_PARTY}`)
        .query({ minPosition: head })
        .set(h.staff.courtClerk)
        .expect(404);
      const nobody = await h.http
        .get('/register/parties/RESIDENT_ID-000000000000000000')
        .query({ minPosition: head })
        .set(h.staff.courtClerk)
        .expect(404);
      // Exactly as for a party no case names (Art 17: invisible is unknown).
      expect(unknown.body).toEqual({
        ...nobody.body,
        detail: expect.any(String),
        instance: expect.anything(),
        details: { partyId: GOV_ONLY_PARTY },
      });
      const gov = await h.http
        .get(`/register/parties/${GOV_ONLY_PARTY}`)
        .query({ minPosition: head })
        .set(h.staff.govClerk)
        .expect(200);
      expect(gov.body.filings).toHaveLength(3);
      expect(gov.body.withheldFilings).toBe(0);
    });
  });

  it('GET /deadlines shows the organ its letter’s response period without the id of a case it takes no part in', async () => {
    const court = h.staff.courtClerk;
    const read = (who: Record<string, string>) =>
      h.http.get('/deadlines').query({ minPosition: head, kind: 'LETTER_RESPONSE' }).set(who).expect(200);
    const organ = await read(h.staff.organ);
    expect(organ.body.items).toEqual([expect.objectContaining({ letterId: cases.letter, caseId: null })]);
    expect(body(organ)).not.toContain(cases.litigation);
    const issuer = await read(court);
    expect(issuer.body.items).toEqual([
      expect.objectContaining({ letterId: cases.letter, caseId: cases.litigation }),
    ]);
  });

  it('GET /reports/commendations: every organ’s commendations per organ and month, cited cases named only to who may see them', async () => {
    const read = (who: Record<string, string>) =>
      h.http.get('/reports/commendations').query({ minPosition: head }).set(who).expect(200);
    const court = await read(h.staff.courtClerk);
    expect(court.body.organs).toEqual([
      {
        organCode: 'county-land-bureau',
        organName: '县自然资源局',
        commendations: 1,
        lastCommendedOn: '2024-06-28',
      },
    ]);
    expect(court.body.months).toEqual([{ month: '2024-06', commendations: 1 }]);
    expect(court.body.items).toEqual([
      expect.objectContaining({
        commendationId,
        caseRefs: [],
        caseRefsWithheld: 2,
        commendedBy: 'GOV_OFFICE',
      }),
    ]);
    expect((await read(h.staff.govClerk)).body.items[0]).toMatchObject({
      caseRefs: [cases.reconsideration],
      caseRefsWithheld: 1,
    });
    expect((await read(h.staff.procClerk)).body.items[0]).toMatchObject({
      caseRefs: [cases.reconsideration, cases.supervision],
      caseRefsWithheld: 0,
    });
    expect(
      (
        await h.http
          .get('/reports/commendations')
          .query({ fromMonth: '2024-07' })
          .set(h.staff.auditor)
          .expect(200)
      ).body.items,
    ).toEqual([]);
    await h.http.get('/reports/commendations').set(h.staff.organ).expect(404);
    // The commendation read one at a time, or per organ, withholds the same cases.
    const one = await h.http.get(`/commendations/${commendationId}`).set(h.staff.organ).expect(200);
    expect(one.body).toMatchObject({ caseRefs: [], caseRefsWithheld: 2 });
    const perOrgan = await h.http
      .get('/organs/county-land-bureau/commendations')
      .set(h.staff.courtClerk)
      .expect(200);
    expect(perOrgan.body.commendations).toEqual([
      expect.objectContaining({ caseRefs: [], caseRefsWithheld: 2 }),
    ]);
    const audited = await h.http.get(`/commendations/${commendationId}`).set(h.staff.auditor).expect(200);
    expect(audited.body).toMatchObject({
      caseRefs: [cases.reconsideration, cases.supervision],
      caseRefsWithheld: 0,
    });
  });

  it('GET /reports/summary counts prevention plans and how promptly they followed the risk finding', async () => {
    const res = await h.http
      .get('/reports/summary')
      .query({ minPosition: head, fromMonth: '2024-03', toMonth: '2024-03' })
      .set(h.staff.govClerk)
      .expect(200);
    const reconsideration = res.body.rows.find((r: { channel: string }) => r.channel === 'RECONSIDERATION');
    expect(reconsideration.preventionPlans).toEqual({ adopted: 1, late: 0, medianDaysFromAssessment: 2 });
  });

  it('accord verify records its run; GET /ledger/verify-runs/last shows it to auditors only', async () => {
    const last = () => h.http.get('/ledger/verify-runs/last').set(h.staff.auditor).expect(200);
    expect((await last()).body).toEqual({ lastRun: null });
    await h.http.get('/ledger/verify-runs/last').set(h.staff.govLead).expect(403);
    const ran = await runAccord(['verify', '--data', h.dataDir]);
    expect(ran.code).toBe(0);
    const recorded = await h.built.store.headPosition();
    const shown = (await last()).body.lastRun;
    expect(shown).toMatchObject({
      ok: true,
      chainsOk: true,
      headPosition: expect.any(Number),
      firstBad: null,
      checkpoint: null,
      ledger: join(h.dataDir, 'ledger.db'),
    });
    // The run read the ledger as it was then: no later read can be in it.
    expect(shown.headPosition).toBeLessThanOrEqual(recorded);
    expect(Number.isNaN(Date.parse(shown.verifiedAt))).toBe(false);
  });
});

describe('accord verify records every run where the API reads it', () => {
  it('an intact run, then a broken one with its first bad position, each appended', async () => {
    const root = tempRoot();
    try {
      const intact = join(root, 'intact');
      const store = await openSqliteStore(intact);
      const sample = await writeSampleLedger(store, { streams: 3, rounds: 3 });
      await store.close();
      expect(lastVerifyRun(intact)).toBeUndefined();
      expect((await runAccord(['verify', '--data', intact])).code).toBe(0);
      expect(lastVerifyRun(intact)).toMatchObject({ ok: true, events: sample.events, firstBad: null });
      const broken = copyLedger(intact, root);
      let position = 0;
      tamper(broken, (db) => {
        const row = rowAt(db, 'case-2', 1);
        position = row.position;
        editEnvelope(db, row, '"staffId":"clerk-7"', '"staffId":"clerk-8"');
      });
      expect((await runAccord(['verify', '--data', broken])).code).toBe(1);
      expect(lastVerifyRun(broken)).toMatchObject({
        ok: false,
        chainsOk: false,
        firstBad: { position, streamId: 'case-2', revision: 1, reason: expect.stringMatching(/hash/) },
      });
      // Appended, never rewritten: the intact ledger's second run follows its first.
      expect((await runAccord(['verify', '--data', intact])).code).toBe(0);
      const lines = readFileSync(join(intact, 'verify-runs.jsonl'), 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { ok: boolean }).ok)).toEqual([true, true]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
