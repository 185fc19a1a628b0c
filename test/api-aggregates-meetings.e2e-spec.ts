import { commendationError, meetingError } from '@accord/domain';
import { apiAssertions } from './support/api-assertions';
import { litigationCase } from './support/api-fixtures';
import { startApi, type ApiHarness } from './support/api-harness';

const MISSING = '0b0b0b0b-1111-4222-8333-444444444444';
const COMMENDATION = {
  organ: { code: 'county-land-bureau', name: '县自然资源局' },
  reason: 'Its head attended every hearing and the compensation was paid within a month.',
  caseRefs: ['（2024）鲁0423行初12号'],
  commendedOn: '2024-12-20',
};
const meeting = (overrides: Record<string, unknown> = {}) => ({
  kind: 'REGULAR',
  heldOn: '2024-07-01',
  attendees: [
    { agency: 'COURT', staffId: 'judge-1', name: '赵法官' },
    { agency: 'GOV_OFFICE', staffId: 'gov-1', name: '钱主任' },
    { agency: 'ORGAN:county-land-bureau', staffId: 'head-1', name: '孙局长' },
  ],
  conclusions: ['Case briefing for the second quarter noted.'],
  ...overrides,
});

describe('commendations (Art 12) and meetings (Art 14) over HTTP', () => {
  let h: ApiHarness;
  let courtClerk: Record<string, string>;
  let govClerk: Record<string, string>;
  let auditor: Record<string, string>;
  let organ: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    ({ courtClerk, govClerk, auditor, organ } = h.staff);
  });
  afterAll(() => h.close());
  const { expectRefusal, expectValidation } = apiAssertions(() => h);

  describe('commendations', () => {
    it('the government office commends an organ (通报表扬)', async () => {
      const res = await h.http.post('/commendations').set(govClerk).send(COMMENDATION).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        streamId: `commendation-${res.body.id}`,
        revision: 0,
        position: expect.any(Number),
      });
      expect(res.headers.etag).toBe('"0"');
      const [event] = await h.built.store.readStream(res.body.streamId);
      expect(event).toMatchObject({
        type: 'OrganCommended',
        actor: { agency: 'GOV_OFFICE', staffId: 'clerk-2', role: 'clerk' },
        data: { commendationId: res.body.id, organ: COMMENDATION.organ, commendedBy: 'GOV_OFFICE' },
      });
    });

    it('only the government office commends, and not in the future', async () => {
      await expectRefusal(
        () => h.http.post('/commendations').set(courtClerk).send(COMMENDATION),
        403,
        'COMMENDATION_NOT_GOV_OFFICE',
        commendationError.catalogue.COMMENDATION_NOT_GOV_OFFICE,
      );
      await expectRefusal(
        () =>
          h.http
            .post('/commendations')
            .set(govClerk)
            .send({ ...COMMENDATION, commendedOn: '2999-01-01' }),
        422,
        'COMMENDATION_DATE_IN_FUTURE',
        commendationError.catalogue.COMMENDATION_DATE_IN_FUTURE,
      );
    });

    it('validates the body', async () => {
      await expectValidation('/commendations', govClerk, COMMENDATION, 'reason');
      await expectValidation('/commendations', govClerk, COMMENDATION, 'organ');
      await h.http
        .post('/commendations')
        .set(govClerk)
        .send({ ...COMMENDATION, caseRefs: [''] })
        .expect(400);
    });
  });

  describe('meetings', () => {
    it('records a joint meeting convened by the recording agency; the agencies present and auditors read it', async () => {
      const res = await h.http.post('/meetings').set(courtClerk).send(meeting()).expect(201);
      const id = res.body.id as string;
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        streamId: `meeting-${id}`,
        revision: 0,
        position: expect.any(Number),
      });
      const [event] = await h.built.store.readStream(`meeting-${id}`);
      expect(event).toMatchObject({
        type: 'MeetingRecorded',
        actor: { agency: 'COURT', staffId: 'clerk-1' },
        data: { meetingId: id, convenedBy: 'COURT' },
      });

      for (const reader of [courtClerk, govClerk, auditor]) {
        const read = await h.http.get(`/meetings/${id}`).set(reader).expect(200);
        expect(read.headers.etag).toBe('"0"');
        expect(read.body).toMatchObject({
          id,
          revision: 0,
          meeting: { agenciesPresent: ['COURT', 'GOV_OFFICE'], kind: 'REGULAR' },
        });
      }
      const unknown = await h.http.get(`/meetings/${MISSING}`).set(courtClerk).expect(404);
      expect(unknown.body).toMatchObject({
        code: 'MEETING_NOT_FOUND',
        detail: meetingError.catalogue.MEETING_NOT_FOUND.en,
      });
      const zh = await h.http
        .get(`/meetings/${MISSING}`)
        .set(courtClerk)
        .set('accept-language', 'zh')
        .expect(404);
      expect(zh.body.detail).toBe(meetingError.catalogue.MEETING_NOT_FOUND.zh);
      // Art 17: an agency that did not sit in it, and the organ invited to it, see no more than of an unknown meeting.
      for (const stranger of [h.auth('PROCURATORATE', 'p-1', 'clerk'), organ]) {
        const hidden = await h.http.get(`/meetings/${id}`).set(stranger).expect(404);
        expect(JSON.stringify(hidden.body).replaceAll(id, 'ID')).toBe(
          JSON.stringify(unknown.body).replaceAll(MISSING, 'ID'),
        );
      }
    });

    it('refusals: one agency is not a joint meeting; the convener attends; a special meeting says why', async () => {
      const [courtOnly, , organOnly] = meeting().attendees;
      await expectRefusal(
        () =>
          h.http
            .post('/meetings')
            .set(courtClerk)
            .send(meeting({ attendees: [courtOnly, organOnly] })),
        422,
        'MEETING_TOO_FEW_AGENCIES',
        meetingError.catalogue.MEETING_TOO_FEW_AGENCIES,
      );
      await expectRefusal(
        () =>
          h.http
            .post('/meetings')
            .set(h.auth('PROCURATORATE', 'p-1', 'clerk'))
            .send(meeting()),
        422,
        'MEETING_CONVENER_ABSENT',
        meetingError.catalogue.MEETING_CONVENER_ABSENT,
      );
      const caseId = (await h.http.post('/cases').set(courtClerk).send(litigationCase()).expect(201)).body
        .id as string;
      await expectRefusal(
        () =>
          h.http
            .post('/meetings')
            .set(courtClerk)
            .send(meeting({ kind: 'SPECIAL', cases: [caseId] })),
        422,
        'MEETING_SPECIAL_NEEDS_REASON',
        meetingError.catalogue.MEETING_SPECIAL_NEEDS_REASON,
      );
      const special = meeting({
        kind: 'SPECIAL',
        cases: [caseId],
        specialReason: { grounds: ['MAJOR'], explanation: '60 households.' },
      });
      await h.http.post('/meetings').set(courtClerk).send(special).expect(201);
    });

    it('names only real cases the convener takes part in, and answers alike for the others (Art 14, Art 17)', async () => {
      const own = (await h.http.post('/cases').set(courtClerk).send(litigationCase()).expect(201)).body
        .id as string;
      // The court records a meeting on its case, spelled in capitals: the record names the case's own id.
      const ok = await h.http
        .post('/meetings')
        .set(courtClerk)
        .send(meeting({ cases: [own.toUpperCase()] }))
        .expect(201);
      const [recorded] = await h.built.store.readStream(ok.body.streamId);
      expect(recorded!.data).toMatchObject({ cases: [own] });
      // The government office sat in no part of the court's case: naming it reads like naming no case.
      const govMeeting = meeting({
        attendees: [
          { agency: 'GOV_OFFICE', staffId: 'gov-1', name: '钱主任' },
          { agency: 'COURT', staffId: 'judge-1', name: '赵法官' },
        ],
      });
      const head = await h.built.store.headPosition();
      const refusals = [];
      for (const caseId of [own, MISSING]) {
        const refused = await h.http
          .post('/meetings')
          .set(govClerk)
          .send({ ...govMeeting, cases: [caseId] })
          .expect(404);
        expect(refused.body).toMatchObject({
          code: 'MEETING_CASE_NOT_FOUND',
          detail: meetingError.catalogue.MEETING_CASE_NOT_FOUND.en,
        });
        refusals.push(JSON.stringify(refused.body).replaceAll(caseId, 'ID'));
      }
      expect(refusals[0]).toBe(refusals[1]);
      // Nothing was recorded for either.
      const written: string[] = [];
      for await (const batch of h.built.store.readAll({ after: head }))
        written.push(...batch.map((e) => e.streamId));
      expect(written.filter((streamId) => streamId.startsWith('meeting-'))).toEqual([]);
    });

    it('validates the body, nested attendees and reasons included', async () => {
      await expectValidation('/meetings', courtClerk, meeting(), 'conclusions');
      await expectValidation('/meetings', courtClerk, meeting(), 'attendees');
      const bad = [
        meeting({ kind: 'PARTY' }),
        meeting({ attendees: [{ agency: 'POLICE', staffId: 'x', name: 'y' }] }),
        meeting({ attendees: [{ agency: 'COURT', staffId: 'x' }] }),
        meeting({ attendees: [{ agency: 'COURT', staffId: 'x', name: 'y', title: 'z' }] }),
        meeting({ conclusions: [] }),
        meeting({ kind: 'SPECIAL', cases: ['c'], specialReason: { grounds: ['BORING'], explanation: 'e' } }),
      ];
      for (const body of bad) await h.http.post('/meetings').set(courtClerk).send(body).expect(400);
    });
  });
});
