import type { RecordedEvent } from '@accord/events';
import { verifyChain } from '@accord/events/integrity';
import { RULES_2021_V1 } from '@accord/domain';
import { ACCESS_LOG_STREAM } from '@accord/api/access/access-log';
import { startApi, type ApiHarness } from './support/api-harness';
import { ACTIVITY, courtCase, litigationCase } from './support/api-fixtures';

describe('cases: the first full slice (register, read, as-of, history, Art 17)', () => {
  let h: ApiHarness;
  let court: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    court = h.staff.courtClerk;
  });
  afterAll(() => h.close());

  const accessEvents = async (caseId: string) =>
    (await h.built.store.readStream(ACCESS_LOG_STREAM)).filter(
      (e) => (e.data as { resourceId: string }).resourceId === caseId,
    ) as RecordedEvent<{
      caseId: string;
      view: string;
      outcome: string;
      revision: number;
      asOf: string | null;
    }>[];

  it('registers a case: 201 { id, streamId, revision, position }, ETag "0", envelope metadata on the event', async () => {
    const res = await h.http
      .post('/cases')
      .set(court)
      .set('x-correlation-id', 'corr-register-1')
      .send(litigationCase())
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `case-${res.body.id}`,
      revision: 0,
      position: expect.any(Number),
    });
    expect(res.headers.etag).toBe('"0"');
    const [event] = await h.built.store.readStream(res.body.streamId);
    expect(event).toMatchObject({
      type: 'CaseRegistered',
      // No Idempotency-Key: nothing can retry this command id, so the event id is time-ordered (v7).
      eventId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      causationId: event!.commandId,
      correlationId: 'corr-register-1',
      ruleSet: RULES_2021_V1.version,
      actor: { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' },
      position: res.body.position,
    });
    expect(event!.data).toMatchObject({ caseId: res.body.id, leadAgency: 'COURT', channel: 'LITIGATION' });
  });

  it('reads the case folded from its stream, with its revision as ETag', async () => {
    const id = await courtCase(h, { open: true });
    const res = await h.http.get(`/cases/${id}`).set(court).expect(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ id, revision: 2, access: 'participant', view: 'full', asOf: null });
    expect(res.body.case).toMatchObject({ caseId: id, stage: 'RESOLUTION_OPEN', participants: ['COURT'] });
  });

  it('asOf gives the case as recorded then', async () => {
    const id = await courtCase(h);
    const [registered] = await h.built.store.readStream(`case-${id}`);
    // After the registration was recorded and before what follows.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.http
      .post(`/cases/${id}/eligibility`)
      .set(court)
      .send({ outcome: 'ELIGIBLE', grounds: [{ category: 2, reasons: 'r' }], assessedOn: '2024-03-02' })
      .expect(201);

    const now = await h.http.get(`/cases/${id}`).set(court).expect(200);
    expect(now.body.revision).toBe(1);
    const then = await h.http.get(`/cases/${id}`).query({ asOf: between }).set(court).expect(200);
    expect(then.body).toMatchObject({
      revision: 0,
      asOf: between,
      case: { stage: 'REGISTERED', eligibility: null },
    });
    expect(registered!.recordedAt <= between).toBe(true);

    const before = await h.http
      .get(`/cases/${id}`)
      .query({ asOf: '2000-01-01T00:00:00Z' })
      .set(court)
      .expect(404);
    expect(before.body.code).toBe('CASE_NOT_FOUND');
    const bare = await h.http.get(`/cases/${id}`).query({ asOf: '2024-03-01' }).set(court).expect(400);
    expect(bare.body.errors[0].field).toBe('asOf');
    await h.http.get(`/cases/${id}`).query({ since: 'x' }).set(court).expect(400);
  });

  it('serves the history: every event with actor, times and hashes, verifiable', async () => {
    const id = await courtCase(h, { open: true });
    const res = await h.http.get(`/cases/${id}/history`).set(court).expect(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.events.map((e: RecordedEvent) => e.type)).toEqual([
      'CaseRegistered',
      'EligibilityAssessed',
      'ResolutionOpened',
    ]);
    expect(res.body.events[0]).toEqual(
      expect.objectContaining({
        actor: expect.any(Object),
        occurredAt: expect.any(String),
        recordedAt: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    expect(verifyChain(`case-${id}`, res.body.events)).toBeNull();
  });

  it('Art 17: a case invisible to an agency answers 404 exactly as a case that does not exist', async () => {
    const id = await courtCase(h);
    const missing = '0b0b0b0b-1111-4222-8333-444444444444';
    const gov = h.auth('GOV_OFFICE', 'clerk-9', 'clerk');
    const invisible = await h.http.get(`/cases/${id}`).set(gov).expect(404);
    const unknown = await h.http.get(`/cases/${missing}`).set(gov).expect(404);
    expect(JSON.stringify(invisible.body).replaceAll(id, 'ID')).toBe(
      JSON.stringify(unknown.body).replaceAll(missing, 'ID'),
    );
    await h.http.get(`/cases/${id}/history`).set(gov).expect(404);
    // An administrative organ is never a participant of a case.
    await h.http
      .get(`/cases/${id}`)
      .set(h.auth('ORGAN:county-land-bureau', 'o-1', 'clerk'))
      .expect(404);
    // Writes are refused the same way by the decider.
    const write = await h.http.post(`/cases/${id}/activities`).set(gov).send(ACTIVITY).expect(404);
    expect(write.body.code).toBe('CASE_NOT_FOUND');
  });

  it('auditors read every case and its history, and may not write', async () => {
    const id = await courtCase(h);
    const auditor = h.auth('GOV_OFFICE', 'inspector-1', 'auditor');
    const res = await h.http.get(`/cases/${id}`).set(auditor).expect(200);
    expect(res.body).toMatchObject({ access: 'auditor', view: 'full' });
    await h.http.get(`/cases/${id}/history`).set(auditor).expect(200);
    await h.http.post(`/cases/${id}/activities`).set(auditor).send(ACTIVITY).expect(403);
  });

  it('records every read in the access log before answering: granted, refused and not found, auditors too', async () => {
    const id = await courtCase(h);
    await h.http.get(`/cases/${id}`).set(court).set('x-correlation-id', 'read-1').expect(200);
    await h.http.get(`/cases/${id}/history`).set(court).expect(200);
    await h.http
      .get(`/cases/${id}`)
      .set(h.auth('PROCURATORATE', 'p-7', 'clerk'))
      .expect(404);
    await h.http
      .get(`/cases/${id}`)
      .set(h.auth('COURT', 'inspector-2', 'auditor'))
      .expect(200);

    const events = await accessEvents(id);
    expect(events.map((e) => [e.actor.agency, e.actor.role, e.data.view, e.data.outcome])).toEqual([
      ['COURT', 'clerk', 'full', 'granted'],
      ['COURT', 'clerk', 'history', 'granted'],
      ['PROCURATORATE', 'clerk', 'full', 'refused'],
      ['COURT', 'auditor', 'full', 'granted'],
    ]);
    expect(events[0]).toMatchObject({
      type: 'DataAccessed',
      streamId: ACCESS_LOG_STREAM,
      correlationId: 'read-1',
      data: { resource: 'case', resourceId: id, streamId: `case-${id}`, revision: 0, asOf: null },
    });

    const missing = '0b0b0b0b-1111-4222-8333-555555555555';
    await h.http.get(`/cases/${missing}`).set(court).expect(404);
    expect((await accessEvents(missing)).map((e) => e.data.outcome)).toEqual(['not_found']);
  });

  it('records concurrent reads in one access stream, each once (group commit)', async () => {
    const id = await courtCase(h);
    const reads = await Promise.all(Array.from({ length: 20 }, () => h.http.get(`/cases/${id}`).set(court)));
    expect(reads.every((r) => r.status === 200)).toBe(true);
    expect(await accessEvents(id)).toHaveLength(20);
    const log = await h.built.store.readStream(ACCESS_LOG_STREAM);
    expect(verifyChain(ACCESS_LOG_STREAM, log)).toBeNull();
  });

  it('a lead may do what a clerk does; its role is recorded', async () => {
    const res = await h.http
      .post('/cases')
      .set(h.auth('COURT', 'chief-1', ['lead']))
      .send(litigationCase())
      .expect(201);
    const [event] = await h.built.store.readStream(res.body.streamId);
    expect(event!.actor).toEqual({ agency: 'COURT', staffId: 'chief-1', role: 'lead' });
  });
});
