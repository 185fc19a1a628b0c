import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLegalCalendar } from '@accord/domain';
import { loadCalendar } from '@accord/calendar-data';
import { ACCESS_LOG_STREAM } from '@accord/api/access/access-log';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';

const ID_NUMBER = '37042319900101123x';
const PARTY_KEY = 'RESIDENT_ID-37042319900101123X';

/**
 * The read side end to end: writes through the API, the projector (in process) following the log,
 * queries waiting on `minPosition` — never on sleeps.
 */
describe('queries on the read models', () => {
  let h: ApiHarness;
  let court: Record<string, string>;
  let caseIds: string[];
  let written: number;
  let dataDir: string;

  beforeAll(async () => {
    // The projector commits on the read store's commit thread, as it does outside the tests.
    dataDir = mkdtempSync(join(tmpdir(), 'accord-api-'));
    h = await startApi(
      { readStore: { kind: 'sqlite', dataDir, commitThread: true } },
      { inProcessProjector: true, dataDir },
    );
    court = h.staff.courtClerk;
    caseIds = [];
    // The same person files three times against the same organ within a year (spelled differently once).
    for (const [i, acceptedOn] of ['2024-03-01', '2024-06-03', '2024-11-04'].entries()) {
      const body = litigationCase({
        acceptedOn,
        externalCaseNumber: `（2024）鲁0423行初${i + 1}号`,
        parties: [
          {
            partyId: `p-${i}`,
            kind: 'NATURAL_PERSON',
            name: '张三',
            idScheme: 'RESIDENT_ID',
            idNumber: i === 1 ? ` ${ID_NUMBER} ` : ID_NUMBER,
          },
        ],
      });
      caseIds.push((await h.http.post('/cases').set(court).send(body).expect(201)).body.id);
    }
    const invited = await h.http
      .post(`/cases/${caseIds[0]}/invitations`)
      .set(court)
      .send({ to: 'GOV_OFFICE', grounds: 'may become a petition', noticeServedOn: '2024-03-04' })
      .expect(201);
    written = invited.body.position;
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('GET /cases filters by lead agency, accepted dates, risk and overdue, and states its position', async () => {
    const res = await h.http
      .get('/cases')
      .query({ minPosition: written, agency: 'COURT', acceptedFrom: '2024-05-01', acceptedTo: '2024-12-31' })
      .set(court)
      .expect(200);
    expect(res.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([caseIds[2], caseIds[1]]);
    expect(res.body.position).toBeGreaterThanOrEqual(written);
    expect(res.body.items[0]).toMatchObject({
      view: 'full',
      parties: [expect.objectContaining({ name: '张三' })],
      daysOpen: expect.any(Number),
    });
    const overdue = await h.http
      .get('/cases')
      .query({ minPosition: written, overdue: 'true' })
      .set(court)
      .expect(200);
    expect(overdue.body.items).toEqual([]);
    // The invitee sees the reduced row (no parties), and nothing through a risk filter.
    const gov = await h.http.get('/cases').query({ minPosition: written }).set(h.staff.govClerk).expect(200);
    expect(gov.body.items).toHaveLength(1);
    expect(gov.body.items[0]).toMatchObject({ view: 'reduced', caseId: caseIds[0] });
    expect(gov.body.items[0]).not.toHaveProperty('parties');
    expect(
      (
        await h.http
          .get('/cases')
          .query({ minPosition: written, risk: 'LOW' })
          .set(h.staff.govClerk)
          .expect(200)
      ).body.items,
    ).toEqual([]);
  });

  it('GET /deadlines: the open reply and notice periods with their explanations, seen by lead and invitee, recorded as a read', async () => {
    const before = (await h.built.store.readStream(ACCESS_LOG_STREAM)).length;
    const res = await h.http.get('/deadlines').query({ minPosition: written }).set(court).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        kind: 'INVITATION_REPLY',
        caseId: caseIds[0],
        owner: 'GOV_OFFICE',
        dueBy: '2024-03-07',
        recordedDueBy: '2024-03-07',
        changed: false,
        provisional: false,
        overdue: true,
      }),
      // The two cases nobody invited for: their 30-day notice periods (Art 4/7) ran from acceptance.
      ...[
        [caseIds[1], '2024-07-03'],
        [caseIds[2], '2024-12-04'],
      ].map(([caseId, dueBy]) =>
        expect.objectContaining({
          kind: 'INVITATION_NOTICE',
          caseId,
          refId: 'ACCEPTANCE',
          owner: 'COURT',
          dueBy,
          recordedDueBy: dueBy,
          changed: false,
          overdue: true,
        }),
      ),
    ]);
    const logged = await h.built.store.readStream(ACCESS_LOG_STREAM, { fromRevision: before });
    expect(logged.map((e) => e.data)).toEqual([
      expect.objectContaining({
        resource: 'read-model',
        resourceId: 'deadlines',
        view: 'query',
        shownIds: caseIds,
      }),
    ]);
    expect(
      (await h.http.get('/deadlines').query({ minPosition: written }).set(h.staff.govClerk).expect(200)).body
        .items,
    ).toHaveLength(1);
    expect(
      (await h.http.get('/deadlines').query({ minPosition: written }).set(h.staff.procClerk).expect(200)).body
        .items,
    ).toEqual([]);
  });

  it('GET /register/parties/:key finds a case party by identity document, with every filing and the pattern alert', async () => {
    const res = await h.http
      .get(`/register/parties/${PARTY_KEY}`)
      .query({ minPosition: written })
      .set(court)
      .expect(200);
    expect(res.body.party).toMatchObject({ partyKey: PARTY_KEY, names: ['张三'] });
    expect(res.body.filings.map((f: { caseId: string }) => f.caseId)).toEqual(caseIds);
    expect(res.body.alerts).toEqual([
      expect.objectContaining({
        respondentCode: 'county-land-bureau',
        note: expect.stringMatching(/not a flag/),
      }),
    ]);
    await h.http.get(`/register/parties/${PARTY_KEY}`).set(h.staff.organ).expect(404);
    // Art 17: the government office, only invited (it sees no party), finds no filing of this person.
    await h.http.get(`/register/parties/${PARTY_KEY}`).set(h.staff.govClerk).expect(404);
    const alerts = await h.http
      .get('/register/alerts')
      .query({ minPosition: written })
      .set(h.staff.auditor)
      .expect(200);
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0].filings.map((f: { caseId: string }) => f.caseId)).toEqual(caseIds);
    expect(alerts.body.rule).toMatchObject({ minFilings: 3, windowDays: 365 });
  });

  it('GET /audit/trail is for auditors: every event of a case in order, with hash and actor; the raw log streams as NDJSON', async () => {
    await h.http.get('/audit/trail').query({ caseId: caseIds[0] }).set(court).expect(403);
    const trail = await h.http
      .get('/audit/trail')
      .query({ caseId: caseIds[0], minPosition: written })
      .set(h.staff.auditor)
      .expect(200);
    expect(trail.body.items.map((r: { type: string }) => r.type)).toEqual(
      expect.arrayContaining(['CaseRegistered', 'InvitationIssued']),
    );
    expect(trail.body.items[0]).toMatchObject({
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      actor: { agency: 'COURT' },
    });
    // A case nobody opened on its own was still shown by list pages and read-model answers: those reads are its trail too.
    const shown = await h.http
      .get('/audit/trail')
      .query({ caseId: caseIds[1], minPosition: written, limit: 500 })
      .set(h.staff.auditor)
      .expect(200);
    const resources = shown.body.items
      .filter((r: { type: string }) => r.type === 'DataAccessed')
      .map((r: { access: { resource: string } }) => r.access.resource);
    expect(resources).toEqual(expect.arrayContaining(['case-list', 'read-model']));
    const byStaff = await h.http
      .get('/audit/trail')
      .query({ staffId: 'clerk-1', minPosition: written, limit: 500 })
      .set(h.staff.auditor)
      .expect(200);
    expect(byStaff.body.items.length).toBeGreaterThanOrEqual(4);
    const head = await h.built.store.headPosition();
    const log = await h.http.get('/audit/log').query({ fromPosition: 0 }).set(h.staff.auditor).expect(200);
    expect(log.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = log.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { position: number });
    expect(lines[0]!.position).toBe(1);
    expect(lines.length).toBeGreaterThanOrEqual(head);
  });

  it('GET /reports/summary as JSON and CSV, /reports/briefing without personal data, /cases/stuck', async () => {
    const json = await h.http.get('/reports/summary').query({ minPosition: written }).set(court).expect(200);
    const march = json.body.rows.find((r: { month: string }) => r.month === '2024-03');
    expect(march).toMatchObject({
      agency: 'COURT',
      channel: 'LITIGATION',
      registered: 1,
      invitations: expect.objectContaining({ sent: 1 }),
    });
    const csv = await h.http.get('/reports/summary').set(court).set('accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/^month,agency,channel,registered,/);
    const briefing = await h.http
      .get('/reports/briefing')
      .query({ period: '2024', minPosition: written })
      .set(h.staff.procClerk)
      .expect(200);
    expect(briefing.body.figures.registered).toBe(3);
    expect(JSON.stringify(briefing.body)).not.toContain('张三');
    await h.http.get('/reports/briefing').set(h.staff.organ).expect(404);
    const stuck = await h.http
      .get('/cases/stuck')
      .query({ days: 30, minPosition: written })
      .set(court)
      .expect(200);
    expect(stuck.body).toMatchObject({ days: 30, items: [] });
  });

  it('GET /health/ready lists each projection with its position and lag', async () => {
    await h.http.get('/cases').query({ minPosition: written }).set(court).expect(200);
    // Readiness is for operators: without ACCORD_OPS_TOKEN, an auditor's token (issue 8 §10).
    const ready = await h.http.get('/health/ready').set(h.staff.auditor).expect(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.projections.map((p: { projection: string }) => p.projection).sort()).toEqual([
      'audit',
      'case-status',
      'commendations',
      'deadlines',
      'register',
    ]);
  });

  it('a minPosition the ledger never reaches answers 503 READ_MODEL_BEHIND', async () => {
    const res = await h.http.get('/deadlines').query({ minPosition: 10_000_000 }).set(court).expect(503);
    expect(res.body.code).toBe('READ_MODEL_BEHIND');
  });

  it('after a correction of a year, /deadlines shows both dates and why (restart on the same ledger)', async () => {
    const position = await h.built.store.headPosition();
    // Stop the app but keep its data dir: the ledger and read store are reused by the restart.
    await h.built.close();
    const loaded = loadCalendar({ dataDir });
    const y2024 = loaded.schedule.years['2024']!;
    const corrected = createLegalCalendar({
      years: {
        ...loaded.schedule.years,
        '2024': {
          ...y2024,
          holidays: { ...y2024.holidays, '2024-03-06': 'a corrected rest day' },
          source: 'calendar.json (test)',
        },
      },
    });
    h = await startApi({}, { dataDir, inProcessProjector: true, calendar: corrected });
    const res = await h.http
      .get('/deadlines')
      .query({ minPosition: position })
      .set(h.staff.courtClerk)
      .expect(200);
    expect(res.body.items[0]).toMatchObject({
      dueBy: '2024-03-08',
      recordedDueBy: '2024-03-07',
      changed: true,
      why: expect.stringMatching(/2024-03-07/),
    });
  });
});
