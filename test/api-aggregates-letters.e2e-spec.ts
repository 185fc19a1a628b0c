import { letterError } from '@accord/domain';
import { organGateError } from '@accord/api/slices/letters/organ-gate';
import { apiAssertions } from './support/api-assertions';
import { startApi, type ApiHarness } from './support/api-harness';
import { litigationCase } from './support/api-fixtures';

const ORGAN = 'county-land-bureau';

const letterBody = (overrides: Record<string, unknown> = {}) => ({
  organ: { code: ORGAN, name: '县自然资源局' },
  grounds: ['UNLAWFUL_ACT', 'DUTY_NOT_PERFORMED'],
  facts: 'The bureau has not ruled on the compensation claim for eight months.',
  issuedOn: '2024-09-20',
  ...overrides,
});
const RESPONSE = {
  respondedOn: '2024-10-08',
  outcome: 'PARTLY_ADOPTED',
  summary: 'Compensation decided.',
  notAdopted: 'The request to discipline staff.',
};
const FOLLOW_UP = { followedUpOn: '2024-10-20', means: 'site visit', note: 'Payment made.' };
const CLOSURE = { closedOn: '2024-10-21', note: 'Acted upon.' };

describe('letters (Art 8): issue, serve, the organ answers, follow up, close; and the organ gate', () => {
  let h: ApiHarness;
  let court: Record<string, string>;
  let organ: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    ({ courtClerk: court, organ } = h.staff);
  });
  afterAll(() => h.close());
  const { expectRefusal, expectValidation } = apiAssertions(() => h);

  const issue = async (by = court, body = letterBody()) =>
    (await h.http.post('/letters').set(by).send(body).expect(201)).body.id as string;
  const served = async () => {
    const id = await issue();
    await h.http.post(`/letters/${id}/service`).set(court).send({ servedOn: '2024-09-25' }).expect(200);
    return id;
  };

  it('walks a letter: issue → serve → the organ responds with its own token → follow-up → close', async () => {
    const caseId = (await h.http.post('/cases').set(court).send(litigationCase()).expect(201)).body
      .id as string;
    const issued = await h.http
      .post('/letters')
      .set(court)
      .send(letterBody({ caseId: caseId.toUpperCase() }))
      .expect(201);
    const id = issued.body.id as string;
    expect(issued.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `letter-${id}`,
      revision: 0,
      position: expect.any(Number),
    });
    expect(issued.headers.etag).toBe('"0"');

    const serve = await h.http
      .post(`/letters/${id}/service`)
      .set(court)
      .send({ servedOn: '2024-09-25' })
      .expect(200);
    expect(serve.body).toMatchObject({ id, streamId: `letter-${id}`, revision: 1 });
    expect(serve.headers.etag).toBe('"1"');
    const respond = await h.http.post(`/letters/${id}/response`).set(organ).send(RESPONSE).expect(200);
    expect(respond.body).toMatchObject({ id, revision: 2 });
    const follow = await h.http.post(`/letters/${id}/follow-ups`).set(court).send(FOLLOW_UP).expect(201);
    expect(follow.body).toMatchObject({ id, revision: 3 });
    const close = await h.http.post(`/letters/${id}/closure`).set(court).send(CLOSURE).expect(200);
    expect(close.body).toMatchObject({ id, revision: 4, position: expect.any(Number) });
    expect(close.headers.etag).toBe('"4"');

    const events = await h.built.store.readStream(`letter-${id}`);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['LetterIssued', { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' }],
      ['LetterServed', { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' }],
      ['LetterResponseRecorded', { agency: `ORGAN:${ORGAN}`, staffId: 'o-1', role: 'clerk' }],
      ['LetterFollowUpRecorded', { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' }],
      ['LetterClosed', { agency: 'COURT', staffId: 'clerk-1', role: 'clerk' }],
    ]);
    expect(events[0]!.data).toMatchObject({
      letterId: id,
      kind: 'JUDICIAL_SUGGESTION',
      issuer: 'COURT',
      caseId,
    });
    // Art 8: 60 days from Wed 25 Sep 2024 end on Sun 24 Nov, so the response is due Mon 25 Nov.
    expect(events[1]!.data).toMatchObject({ responseDueBy: '2024-11-25' });
    expect(events[2]!.data).toMatchObject({ organCode: ORGAN, outcome: 'PARTLY_ADOPTED', late: false });
  });

  it('GET /letters/:id names the case the letter concerns only to a reader who may know the case (Art 17): not to the organ', async () => {
    const caseId = (await h.http.post('/cases').set(court).send(litigationCase()).expect(201)).body
      .id as string;
    const id = (await h.http.post('/letters').set(court).send(letterBody({ caseId })).expect(201)).body
      .id as string;
    const auditor = h.auth('GOV_OFFICE', 'inspector-1', 'auditor');
    for (const reader of [court, auditor])
      expect((await h.http.get(`/letters/${id}`).set(reader).expect(200)).body.letter.caseId).toBe(caseId);
    const seen = await h.http.get(`/letters/${id}`).set(organ).expect(200);
    expect(seen.body.letter).toMatchObject({ caseId: null, issuer: 'COURT', organ: { code: ORGAN } });
    expect(JSON.stringify(seen.body)).not.toContain(caseId);
    // As of an earlier instant too.
    const asOf = new Date().toISOString();
    const then = await h.http.get(`/letters/${id}`).query({ asOf }).set(organ).expect(200);
    expect(JSON.stringify(then.body)).not.toContain(caseId);
  });

  it('GET /letters/:id: the issuer, the addressed organ and auditors see it; anyone else gets the unknown-letter 404', async () => {
    const id = await served();
    for (const reader of [court, organ, h.auth('GOV_OFFICE', 'inspector-1', 'auditor')]) {
      const res = await h.http.get(`/letters/${id}`).set(reader).expect(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ id, streamId: `letter-${id}`, revision: 1, asOf: null });
      expect(res.body.letter).toMatchObject({
        status: 'served',
        issuer: 'COURT',
        organ: { code: ORGAN },
        responseDueBy: '2024-11-25',
      });
    }
    const missing = '0b0b0b0b-1111-4222-8333-444444444444';
    const unknown = await h.http.get(`/letters/${missing}`).set(court).expect(404);
    expect(unknown.body.code).toBe('LETTER_NOT_FOUND');
    for (const stranger of [
      h.auth('PROCURATORATE', 'p-1', 'clerk'),
      h.auth('ORGAN:other-bureau', 'o-9', 'clerk'),
    ]) {
      const res = await h.http.get(`/letters/${id}`).set(stranger).expect(404);
      expect(JSON.stringify(res.body).replaceAll(id, 'ID')).toBe(
        JSON.stringify(unknown.body).replaceAll(missing, 'ID'),
      );
    }
  });

  it('the kind follows the issuer (Art 8): a procuratorate cannot issue a judicial suggestion', async () => {
    const by = h.auth('PROCURATORATE', 'p-1', 'clerk');
    await expectRefusal(
      () =>
        h.http
          .post('/letters')
          .set(by)
          .send(letterBody({ kind: 'JUDICIAL_SUGGESTION' })),
      422,
      'LETTER_KIND_MISMATCH',
      letterError.catalogue.LETTER_KIND_MISMATCH,
    );
    const ok = await h.http
      .post('/letters')
      .set(by)
      .send(letterBody({ kind: 'PROCURATORIAL_SUGGESTION' }))
      .expect(201);
    const [event] = await h.built.store.readStream(ok.body.streamId);
    expect(event!.data).toMatchObject({ kind: 'PROCURATORIAL_SUGGESTION', issuer: 'PROCURATORATE' });
  });

  it('only the issuer serves (Art 8); to anyone else the letter is unknown, 404 (issue 8 §5)', async () => {
    const id = await issue();
    await expectRefusal(
      () =>
        h.http
          .post(`/letters/${id}/service`)
          .set(h.auth('GOV_OFFICE', 'g-1', 'clerk'))
          .send({ servedOn: '2024-09-25' }),
      404,
      'LETTER_NOT_FOUND',
      letterError.catalogue.LETTER_NOT_FOUND,
    );
    await expectRefusal(
      () =>
        h.http
          .post('/letters/0b0b0b0b-1111-4222-8333-444444444444/service')
          .set(court)
          .send({ servedOn: '2024-09-25' }),
      404,
      'LETTER_NOT_FOUND',
      letterError.catalogue.LETTER_NOT_FOUND,
    );
  });

  it('only the addressed organ answers (Art 8): not the issuer on its behalf, not another organ, not before service', async () => {
    const unserved = await issue();
    await expectRefusal(
      () => h.http.post(`/letters/${unserved}/response`).set(organ).send(RESPONSE),
      422,
      'LETTER_NOT_SERVED',
      letterError.catalogue.LETTER_NOT_SERVED,
    );
    const id = await served();
    await expectRefusal(
      () => h.http.post(`/letters/${id}/response`).set(court).send(RESPONSE),
      403,
      'LETTER_RESPONDER_NOT_ADDRESSEE',
      letterError.catalogue.LETTER_RESPONDER_NOT_ADDRESSEE,
    );
    // Another organ may not see the letter, so it is told nothing of it, not even whom it addresses.
    await expectRefusal(
      () =>
        h.http
          .post(`/letters/${id}/response`)
          .set(h.auth('ORGAN:other-bureau', 'o-9', 'clerk'))
          .send(RESPONSE),
      404,
      'LETTER_NOT_FOUND',
      letterError.catalogue.LETTER_NOT_FOUND,
    );
    await expectRefusal(
      () =>
        h.http
          .post(`/letters/${id}/response`)
          .set(organ)
          .send({ ...RESPONSE, outcome: 'REJECTED', notAdopted: undefined }),
      422,
      'LETTER_REJECTION_NEEDS_REASONS',
      letterError.catalogue.LETTER_REJECTION_NEEDS_REASONS,
    );
  });

  it('a letter is closed only after the organ has answered (Art 8), and then takes nothing more', async () => {
    const id = await served();
    await expectRefusal(
      () => h.http.post(`/letters/${id}/closure`).set(court).send(CLOSURE),
      422,
      'LETTER_NOT_ACTED_UPON',
      letterError.catalogue.LETTER_NOT_ACTED_UPON,
    );
    await h.http.post(`/letters/${id}/response`).set(organ).send(RESPONSE).expect(200);
    await h.http.post(`/letters/${id}/closure`).set(court).send(CLOSURE).expect(200);
    await expectRefusal(
      () => h.http.post(`/letters/${id}/follow-ups`).set(court).send(FOLLOW_UP),
      409,
      'LETTER_CLOSED',
      letterError.catalogue.LETTER_CLOSED,
    );
  });

  it('the organ gate (Art 8): an organ token reaches the response route and no other write', async () => {
    const id = await served();
    const spec = organGateError.catalogue.ORGAN_MAY_ONLY_ANSWER_LETTERS;
    // An organ holds only clerk tokens (issue 8 §2); a second member of its staff is refused alike.
    const organLead = h.auth(`ORGAN:${ORGAN}`, 'head-1', 'clerk');
    const writes: [string, object][] = [
      ['/letters', letterBody()],
      [`/letters/${id}/follow-ups`, FOLLOW_UP],
      [`/letters/${id}/closure`, CLOSURE],
      ['/cases', litigationCase()],
      [
        '/commendations',
        { organ: { code: ORGAN, name: 'x' }, reason: 'self-praise', commendedOn: '2024-10-01' },
      ],
      [
        '/register/parties/p-1/notes',
        { polarity: 'NEGATIVE', text: 't', caseRef: 'c', notedOn: '2024-10-01' },
      ],
    ];
    for (const [path, body] of writes) {
      for (const who of [organ, organLead]) {
        const res = await expectRefusal(
          () => h.http.post(path).set(who).send(body),
          403,
          'ORGAN_MAY_ONLY_ANSWER_LETTERS',
          spec,
        );
        expect(res.body.article).toBe('Art 8');
      }
    }
    // The same organ answering its letter passes the gate; agency staff are not affected by it.
    await h.http.post(`/letters/${id}/response`).set(organLead).send(RESPONSE).expect(200);
    await h.http.post(`/letters/${id}/follow-ups`).set(court).send(FOLLOW_UP).expect(201);
    // Identity still comes first: no token is 401, an auditor is 403 by role.
    await h.http.post('/letters').send(letterBody()).expect(401);
    const auditor = await h.http
      .post('/letters')
      .set(h.auth('COURT', 'inspector-1', 'auditor'))
      .send(letterBody())
      .expect(403);
    expect(auditor.body.code).toBe('ROLE_FORBIDDEN');
  });

  it('If-Match and Idempotency-Key work on letter routes: a stale revision is 412; a retried issue names the same letter', async () => {
    const id = await issue();
    const stale = await h.http
      .post(`/letters/${id}/service`)
      .set(court)
      .set('if-match', '"3"')
      .send({ servedOn: '2024-09-25' })
      .expect(412);
    expect(stale.body.code).toBe('REVISION_STALE');
    await h.http
      .post(`/letters/${id}/service`)
      .set(court)
      .set('if-match', '"0"')
      .send({ servedOn: '2024-09-25' })
      .expect(200);

    const first = await h.http
      .post('/letters')
      .set(court)
      .set('idempotency-key', 'letter-key-1')
      .send(letterBody())
      .expect(201);
    const again = await h.http
      .post('/letters')
      .set(court)
      .set('idempotency-key', 'letter-key-1')
      .send(letterBody())
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await h.built.store.readStream(first.body.streamId)).toHaveLength(1);
  });

  it('documents every route of the six slices in OpenAPI, with request schemas and the organ route marked', async () => {
    const doc = (await h.http.get('/docs-json').expect(200)).body;
    const posts = [
      '/letters',
      '/letters/{id}/service',
      '/letters/{id}/response',
      '/letters/{id}/follow-ups',
      '/letters/{id}/closure',
      '/register/parties/{partyId}/notes',
      '/register/parties/{partyId}/flags',
      '/register/parties/{partyId}/flags/{flagId}/confirmation',
      '/register/parties/{partyId}/flags/{flagId}/notification',
      '/register/parties/{partyId}/flags/{flagId}/contests',
      '/register/parties/{partyId}/flags/{flagId}/contests/{contestId}/decision',
      '/register/parties/{partyId}/flags/{flagId}/withdrawal',
      '/register/parties/{partyId}/flags/{flagId}/expiry',
      '/mediators',
      '/mediators/{id}/suspension',
      '/mediators/{id}/reinstatement',
      '/mediators/{id}/removal',
      '/agencies/{code}/liaison',
      '/commendations',
      '/meetings',
    ];
    for (const path of posts) {
      expect(doc.paths[path]?.post?.requestBody?.content['application/json'].schema.$ref).toMatch(
        /RequestDto$/,
      );
    }
    for (const path of [
      '/letters/{id}',
      '/register/parties/{partyId}',
      '/mediators/{id}',
      '/agencies/{code}',
      '/meetings/{id}',
    ]) {
      expect(doc.paths[path]?.get?.responses['200']).toBeDefined();
    }
    expect(doc.paths['/letters/{id}/response'].post['x-accord-organs']).toBe(true);
    expect(doc.paths['/letters/{id}/closure'].post['x-accord-organs']).toBeUndefined();
    expect(doc.components.schemas.ConfirmFlagRequestDto.properties.meetingId).toMatchObject({
      format: 'uuid',
      nullable: true,
    });
  });

  describe('DTO validation: a missing or unknown field is 400 and writes nothing', () => {
    let id: string;
    beforeAll(async () => {
      id = await served();
    });
    const routes = (): [string, Record<string, string>, Record<string, unknown>, string][] => [
      ['/letters', court, letterBody(), 'facts'],
      [`/letters/${id}/service`, court, { servedOn: '2024-09-25' }, 'servedOn'],
      [`/letters/${id}/response`, organ, RESPONSE, 'outcome'],
      [`/letters/${id}/follow-ups`, court, FOLLOW_UP, 'means'],
      [`/letters/${id}/closure`, court, CLOSURE, 'closedOn'],
    ];

    it.each([0, 1, 2, 3, 4])('route #%i', async (index) => {
      const [path, who, body, required] = routes()[index]!;
      await expectValidation(path, who, body, required, { mood: 'angry' });
    });

    it('checks shapes too: dates, enums, nested organ codes, ids in the path', async () => {
      const { organ: _organ, ...noOrgan } = letterBody();
      const bad = [
        noOrgan,
        letterBody({ organ: 'county-land-bureau' }),
        letterBody({ issuedOn: '20 Sep 2024' }),
        letterBody({ grounds: ['RUDENESS'] }),
        letterBody({ grounds: [] }),
        letterBody({ grounds: ['UNLAWFUL_ACT', 'UNLAWFUL_ACT'] }),
        letterBody({ organ: { code: 'has spaces', name: 'x' } }),
        letterBody({ organ: { code: ORGAN } }),
        letterBody({ caseId: 'not-a-uuid' }),
        letterBody({ facts: 'x'.repeat(8001) }),
      ];
      for (const body of bad) await h.http.post('/letters').set(court).send(body).expect(400);
      const path = await h.http
        .post('/letters/not-a-uuid/service')
        .set(court)
        .send({ servedOn: '2024-09-25' })
        .expect(400);
      expect(path.body.code).toBe('INVALID_ID');
    });
  });
});
