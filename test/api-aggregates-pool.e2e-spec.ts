import { liaisonError, mediatorError } from '@accord/domain';
import { apiAssertions } from './support/api-assertions';
import { startApi, type ApiHarness } from './support/api-harness';

const MISSING = '0b0b0b0b-1111-4222-8333-444444444444';
const member = (overrides: Record<string, unknown> = {}) => ({
  name: '李四',
  source: 'LEGAL_WORKER',
  expertise: ['land requisition'],
  admittedOn: '2024-03-01',
  ...overrides,
});
const liaison = (staffId: string, from: string) => ({
  liaison: { staffId, name: '王五', contact: '0539-1234567' },
  from,
});

describe('the mediator pool (Art 13), and liaisons (Art 16) over HTTP', () => {
  let h: ApiHarness;
  let courtLead: Record<string, string>;
  let govLead: Record<string, string>;
  let courtClerk: Record<string, string>;
  let govClerk: Record<string, string>;
  let auditor: Record<string, string>;
  let organ: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    ({ courtLead, govLead, courtClerk, govClerk, auditor, organ } = h.staff);
  });
  afterAll(() => h.close());
  const { expectRefusal, expectValidation } = apiAssertions(() => h);

  describe('mediators', () => {
    it('a lead admits, suspends, reinstates and removes a member; each event carries the actor', async () => {
      const admitted = await h.http.post('/mediators').set(courtLead).send(member()).expect(201);
      const id = admitted.body.id as string;
      expect(admitted.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        streamId: `mediator-${id}`,
        revision: 0,
        position: expect.any(Number),
      });
      expect(admitted.headers.etag).toBe('"0"');
      await h.http
        .post(`/mediators/${id}/suspension`)
        .set(govLead)
        .send({ suspendedOn: '2024-04-01', reason: 'Under review.' })
        .expect(200);
      await h.http
        .post(`/mediators/${id}/reinstatement`)
        .set(govLead)
        .send({ reinstatedOn: '2024-05-01', reason: 'Cleared.' })
        .expect(200);
      const removed = await h.http
        .post(`/mediators/${id}/removal`)
        .set(courtLead)
        .send({ removedOn: '2024-06-01', reason: 'Moved away.' })
        .expect(200);
      expect(removed.body).toMatchObject({ id, revision: 3 });
      expect(removed.headers.etag).toBe('"3"');
      const events = await h.built.store.readStream(`mediator-${id}`);
      expect(events.map((e) => [e.type, e.actor.agency, e.actor.role])).toEqual([
        ['MediatorAdmitted', 'COURT', 'lead'],
        ['MediatorSuspended', 'GOV_OFFICE', 'lead'],
        ['MediatorReinstated', 'GOV_OFFICE', 'lead'],
        ['MediatorRemoved', 'COURT', 'lead'],
      ]);

      const read = await h.http.get(`/mediators/${id}`).set(courtClerk).expect(200);
      expect(read.headers.etag).toBe('"3"');
      expect(read.body).toMatchObject({
        id,
        revision: 3,
        mediator: { status: 'removed', name: '李四', history: [{}, {}, {}, {}] },
      });
      await h.http.get(`/mediators/${id}`).set(auditor).expect(200);
      const unknown = await h.http.get(`/mediators/${MISSING}`).set(courtClerk).expect(404);
      expect(unknown.body.code).toBe('MEDIATOR_NOT_FOUND');
      const hidden = await h.http.get(`/mediators/${id}`).set(organ).expect(404);
      expect(JSON.stringify(hidden.body).replaceAll(id, 'ID')).toBe(
        JSON.stringify(unknown.body).replaceAll(MISSING, 'ID'),
      );
    });

    it('refusals: a clerk by role; members from organs name them; status moves follow the pool rules', async () => {
      const clerk = await h.http.post('/mediators').set(courtClerk).send(member()).expect(403);
      expect(clerk.body.code).toBe('ROLE_FORBIDDEN');
      await expectRefusal(
        () =>
          h.http
            .post('/mediators')
            .set(courtLead)
            .send(member({ source: 'ADMINISTRATIVE_ORGAN' })),
        422,
        'MEDIATOR_ORGANISATION_REQUIRED',
        mediatorError.catalogue.MEDIATOR_ORGANISATION_REQUIRED,
      );
      const id = (
        await h.http
          .post('/mediators')
          .set(courtLead)
          .send(member({ source: 'ADMINISTRATIVE_ORGAN', organisationCode: 'county-land-bureau' }))
          .expect(201)
      ).body.id;
      await expectRefusal(
        () =>
          h.http
            .post(`/mediators/${id}/reinstatement`)
            .set(courtLead)
            .send({ reinstatedOn: '2024-04-01', reason: 'r' }),
        409,
        'MEDIATOR_NOT_SUSPENDED',
        mediatorError.catalogue.MEDIATOR_NOT_SUSPENDED,
      );
      await h.http
        .post(`/mediators/${id}/removal`)
        .set(courtLead)
        .send({ removedOn: '2024-04-01', reason: 'r' })
        .expect(200);
      await expectRefusal(
        () =>
          h.http
            .post(`/mediators/${id}/suspension`)
            .set(courtLead)
            .send({ suspendedOn: '2024-05-01', reason: 'r' }),
        409,
        'MEDIATOR_REMOVED',
        mediatorError.catalogue.MEDIATOR_REMOVED,
      );
      await expectRefusal(
        () =>
          h.http
            .post(`/mediators/${MISSING}/suspension`)
            .set(courtLead)
            .send({ suspendedOn: '2024-05-01', reason: 'r' }),
        404,
        'MEDIATOR_NOT_FOUND',
        mediatorError.catalogue.MEDIATOR_NOT_FOUND,
      );
    });

    it('validates every body', async () => {
      const id = (await h.http.post('/mediators').set(courtLead).send(member()).expect(201)).body.id;
      await expectValidation('/mediators', courtLead, member(), 'source');
      await expectValidation(
        `/mediators/${id}/suspension`,
        courtLead,
        { suspendedOn: '2024-04-01', reason: 'r' },
        'reason',
      );
      await expectValidation(
        `/mediators/${id}/reinstatement`,
        courtLead,
        { reinstatedOn: '2024-04-01', reason: 'r' },
        'reinstatedOn',
      );
      await expectValidation(
        `/mediators/${id}/removal`,
        courtLead,
        { removedOn: '2024-04-01', reason: 'r' },
        'removedOn',
      );
      for (const body of [
        member({ source: 'CELEBRITY' }),
        member({ expertise: 'land' }),
        member({ organisationCode: 'a b' }),
        member({ admittedOn: '2024-3-1' }),
      ]) {
        await h.http.post('/mediators').set(courtLead).send(body).expect(400);
      }
    });
  });

  describe('agencies and liaisons', () => {
    it('a lead designates its own liaison; the successor moves the predecessor to history; anyone may read it', async () => {
      const before = await h.http.get('/agencies/GOV_OFFICE').set(organ).expect(200);
      expect(before.body).toEqual({
        id: 'GOV_OFFICE',
        streamId: 'agency-GOV_OFFICE',
        revision: -1,
        position: 0,
        agency: { status: 'none' },
      });
      expect(before.headers.etag).toBeUndefined();

      const first = await h.http
        .post('/agencies/COURT/liaison')
        .set(courtLead)
        .send(liaison('court-l-1', '2024-01-02'))
        .expect(200);
      expect(first.body).toMatchObject({ id: 'COURT', streamId: 'agency-COURT', revision: 0 });
      const second = await h.http
        .post('/agencies/COURT/liaison')
        .set(courtLead)
        .send(liaison('court-l-2', '2024-07-01'))
        .expect(200);
      expect(second.headers.etag).toBe('"1"');
      const [event] = await h.built.store.readStream('agency-COURT', { fromRevision: 1 });
      expect(event).toMatchObject({
        type: 'LiaisonDesignated',
        actor: { agency: 'COURT', staffId: 'chief-1', role: 'lead' },
        data: { replaced: { staffId: 'court-l-1' } },
      });

      const read = await h.http.get('/agencies/COURT').set(organ).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body.agency).toMatchObject({
        hostsCoordinationOffice: true,
        liaison: { staffId: 'court-l-2' },
        pastLiaisons: [{ liaison: { staffId: 'court-l-1' }, from: '2024-01-02', to: '2024-07-01' }],
      });
    });

    it('refusals: another agency’s liaison, the current liaison again, a clerk, an unknown agency code', async () => {
      await expectRefusal(
        () => h.http.post('/agencies/PROCURATORATE/liaison').set(govLead).send(liaison('x-1', '2024-01-02')),
        403,
        'LIAISON_NOT_OWN_AGENCY',
        liaisonError.catalogue.LIAISON_NOT_OWN_AGENCY,
      );
      await h.http
        .post('/agencies/GOV_OFFICE/liaison')
        .set(govLead)
        .send(liaison('gov-l-1', '2024-01-02'))
        .expect(200);
      await expectRefusal(
        () => h.http.post('/agencies/GOV_OFFICE/liaison').set(govLead).send(liaison('gov-l-1', '2024-03-01')),
        409,
        'LIAISON_ALREADY_CURRENT',
        liaisonError.catalogue.LIAISON_ALREADY_CURRENT,
      );
      expect(
        (
          await h.http
            .post('/agencies/GOV_OFFICE/liaison')
            .set(govClerk)
            .send(liaison('g-9', '2024-03-01'))
            .expect(403)
        ).body.code,
      ).toBe('ROLE_FORBIDDEN');
      expect(
        (
          await h.http
            .post('/agencies/POLICE/liaison')
            .set(govLead)
            .send(liaison('g-9', '2024-03-01'))
            .expect(400)
        ).body.code,
      ).toBe('INVALID_ID');
      expect((await h.http.get('/agencies/court').set(govLead).expect(400)).body.code).toBe('INVALID_ID');
    });

    it('validates the body', async () => {
      await expectValidation(
        '/agencies/COURT/liaison',
        courtLead,
        liaison('court-l-3', '2024-08-01'),
        'from',
      );
      await expectValidation(
        '/agencies/COURT/liaison',
        courtLead,
        liaison('court-l-3', '2024-08-01'),
        'liaison',
      );
      const noContact = { liaison: { staffId: 'court-l-3', name: 'x' }, from: '2024-08-01' };
      const res = await h.http.post('/agencies/COURT/liaison').set(courtLead).send(noContact).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('liaison.contact');
      await h.http
        .post('/agencies/COURT/liaison')
        .set(courtLead)
        .send(liaison('bad id!', '2024-08-01'))
        .expect(400);
    });
  });
});
