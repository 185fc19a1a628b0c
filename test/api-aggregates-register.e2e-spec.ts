import { randomUUID } from 'node:crypto';
import { registerError, RULES_2021_V1 } from '@accord/domain';
import { apiAssertions } from './support/api-assertions';
import { startApi, type ApiHarness } from './support/api-harness';

const PARTY = { kind: 'NATURAL_PERSON', name: '张三' };
const proposal = (overrides: Record<string, unknown> = {}) => ({
  party: PARTY,
  grounds: 'Forty suits on the same matter within a year.',
  evidence: ['（2024）鲁0423行初12号', '（2024）鲁0423行初13号'],
  proposedOn: '2024-06-01',
  ...overrides,
});
const CONFIRMATION = { confirmedOn: '2024-06-05', reviewOn: '2024-12-01' };
const NOTIFICATION = { notifiedOn: '2024-06-06', means: 'POST' };
const contest = (contestedOn: string) => ({
  contestedOn,
  grounds: 'Each suit concerned a different decision.',
});
const MEETING = {
  kind: 'REGULAR',
  heldOn: '2024-06-04',
  attendees: [
    { agency: 'COURT', staffId: 'judge-1', name: '赵法官' },
    { agency: 'GOV_OFFICE', staffId: 'gov-1', name: '钱主任' },
  ],
  conclusions: ['The flag proposed on party p-meeting is warranted.'],
};

describe('the party register (Art 11) over HTTP', () => {
  let h: ApiHarness;
  let courtClerk: Record<string, string>;
  let courtLead: Record<string, string>;
  let govLead: Record<string, string>;
  let procLead: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    ({ courtClerk, govLead, procLead } = h.staff);
    // Both roles on one token: it acts as a clerk where a clerk may, and as a lead where only a lead may.
    courtLead = h.auth('COURT', 'chief-1', ['clerk', 'lead']);
  });
  afterAll(() => h.close());
  const { expectRefusal, expectValidation } = apiAssertions(() => h);

  const party = () => `p-${randomUUID().slice(0, 8)}`;
  const flagsOf = (partyId: string) => `/register/parties/${partyId}/flags`;
  /** A flag proposed by the COURT; with `confirmed`, confirmed by the GOV_OFFICE lead; with `notified`, notified too. */
  async function flag(
    partyId: string,
    stage: 'proposed' | 'confirmed' | 'notified' = 'proposed',
  ): Promise<string> {
    const flagId = (await h.http.post(flagsOf(partyId)).set(courtClerk).send(proposal()).expect(201)).body
      .id as string;
    if (stage === 'proposed') return flagId;
    await h.http
      .post(`${flagsOf(partyId)}/${flagId}/confirmation`)
      .set(govLead)
      .send(CONFIRMATION)
      .expect(200);
    if (stage === 'notified')
      await h.http
        .post(`${flagsOf(partyId)}/${flagId}/notification`)
        .set(courtClerk)
        .send(NOTIFICATION)
        .expect(200);
    return flagId;
  }

  it('walks a flag: proposed by one agency, confirmed by another’s lead, notified, contested, contest rejected, a second contest inside the cool-down refused', async () => {
    const partyId = party();
    const proposed = await h.http.post(flagsOf(partyId)).set(courtClerk).send(proposal()).expect(201);
    const flagId = proposed.body.id as string;
    // The party's first entry records who the party is, then the proposal.
    expect(proposed.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `party-${partyId}`,
      revision: 1,
      position: expect.any(Number),
    });
    expect(proposed.headers.etag).toBe('"1"');

    const base = `${flagsOf(partyId)}/${flagId}`;
    const confirmed = await h.http.post(`${base}/confirmation`).set(govLead).send(CONFIRMATION).expect(200);
    expect(confirmed.body).toMatchObject({ id: flagId, revision: 2 });
    await h.http.post(`${base}/notification`).set(courtClerk).send(NOTIFICATION).expect(200);
    const contested = await h.http
      .post(`${base}/contests`)
      .set(courtClerk)
      .send(contest('2024-06-10'))
      .expect(201);
    const contestId = contested.body.id as string;
    expect(contestId).not.toBe(flagId);
    const decided = await h.http
      .post(`${base}/contests/${contestId}/decision`)
      .set(procLead)
      .send({ decidedOn: '2024-06-12', outcome: 'REJECTED', reasons: 'The suits concern one decision.' })
      .expect(200);
    expect(decided.body).toMatchObject({ id: contestId, revision: 5 });
    expect(decided.headers.etag).toBe('"5"');

    // Art 11: 30 calendar days of cooling-off from 12 June, so 20 June is refused and 13 July is allowed.
    expect(RULES_2021_V1.flagContestCooldown.days).toBe(30);
    await expectRefusal(
      () => h.http.post(`${base}/contests`).set(courtClerk).send(contest('2024-06-20')),
      422,
      'FLAG_CONTEST_COOLDOWN',
      registerError.catalogue.FLAG_CONTEST_COOLDOWN,
    );
    await h.http.post(`${base}/contests`).set(courtClerk).send(contest('2024-07-13')).expect(201);

    const events = await h.built.store.readStream(`party-${partyId}`);
    expect(events.map((e) => [e.type, e.actor.agency, e.actor.role])).toEqual([
      ['PartyRecorded', 'COURT', 'clerk'],
      ['FlagProposed', 'COURT', 'clerk'],
      ['FlagConfirmed', 'GOV_OFFICE', 'lead'],
      ['FlagNotificationRecorded', 'COURT', 'clerk'],
      ['FlagContested', 'COURT', 'clerk'],
      ['FlagContestDecided', 'PROCURATORATE', 'lead'],
      ['FlagContested', 'COURT', 'clerk'],
    ]);
    expect(events[2]!.data).toMatchObject({ flagId, confirmation: { via: 'AGENCY', agency: 'GOV_OFFICE' } });
  });

  it('GET /register/parties/:partyId: the three agencies and auditors read it; organs and strangers get the unknown-party 404', async () => {
    const partyId = party();
    const flagId = await flag(partyId, 'confirmed');
    for (const reader of [
      courtClerk,
      h.auth('PROCURATORATE', 'p-3', 'clerk'),
      h.auth('COURT', 'inspector-1', 'auditor'),
    ]) {
      const res = await h.http.get(`/register/parties/${partyId}`).set(reader).expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ id: partyId, streamId: `party-${partyId}`, revision: 2, asOf: null });
      expect(res.body.register).toMatchObject({
        party: PARTY,
        activeFlagId: flagId,
        flags: [{ flagId, status: 'confirmed', reviewOn: '2024-12-01' }],
      });
    }
    const unknown = await h.http.get('/register/parties/nobody').set(courtClerk).expect(404);
    expect(unknown.body.code).toBe('REGISTER_PARTY_NOT_FOUND');
    const organ = await h.http
      .get(`/register/parties/${partyId}`)
      .set(h.auth('ORGAN:land-bureau', 'o-1', 'clerk'))
      .expect(404);
    expect(JSON.stringify(organ.body).replaceAll(partyId, 'ID')).toBe(
      JSON.stringify(unknown.body).replaceAll('nobody', 'ID'),
    );
    const bad = await h.http.get('/register/parties/has%20space').set(courtClerk).expect(400);
    expect(bad.body.code).toBe('INVALID_ID');
  });

  it('integrity notes: the first entry says who the party is; later ones may leave it out', async () => {
    const partyId = party();
    const note = {
      polarity: 'POSITIVE',
      text: 'Withdrew a suit after mediation.',
      caseRef: '（2024）鲁0423行初9号',
      notedOn: '2024-05-01',
    };
    await expectRefusal(
      () => h.http.post(`/register/parties/${partyId}/notes`).set(courtClerk).send(note),
      422,
      'REGISTER_PARTY_IDENTITY_REQUIRED',
      registerError.catalogue.REGISTER_PARTY_IDENTITY_REQUIRED,
    );
    const first = await h.http
      .post(`/register/parties/${partyId}/notes`)
      .set(courtClerk)
      .send({ ...note, party: PARTY })
      .expect(201);
    expect(first.body).toMatchObject({ streamId: `party-${partyId}`, revision: 1 });
    const second = await h.http
      .post(`/register/parties/${partyId}/notes`)
      .set(h.auth('GOV_OFFICE', 'g-1', 'clerk'))
      .send(note)
      .expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    const events = await h.built.store.readStream(`party-${partyId}`);
    expect(events.map((e) => [e.type, e.actor.agency])).toEqual([
      ['PartyRecorded', 'COURT'],
      ['IntegrityNoteAdded', 'COURT'],
      ['IntegrityNoteAdded', 'GOV_OFFICE'],
    ]);
    expect(events[1]!.data).toMatchObject({ noteId: first.body.id, notedBy: 'COURT' });
  });

  it('confirmation is a lead’s act by another agency: a clerk is refused by role, the proposer by the rule', async () => {
    const partyId = party();
    const flagId = await flag(partyId);
    const path = `${flagsOf(partyId)}/${flagId}/confirmation`;
    const clerk = await h.http
      .post(path)
      .set(h.auth('GOV_OFFICE', 'g-1', 'clerk'))
      .send(CONFIRMATION)
      .expect(403);
    expect(clerk.body.code).toBe('ROLE_FORBIDDEN');
    await expectRefusal(
      () => h.http.post(path).set(courtLead).send(CONFIRMATION),
      403,
      'FLAG_SELF_CONFIRMATION',
      registerError.catalogue.FLAG_SELF_CONFIRMATION,
    );
  });

  it('a joint meeting may confirm, even through the proposer’s lead, only if it is on record, joint, acknowledged by every agency listed, attended and held first', async () => {
    const meetingId = (await h.http.post('/meetings').set(courtClerk).send(MEETING).expect(201)).body
      .id as string;
    const lone = randomUUID();
    // A record from before the two-agency rule, written straight to the ledger: the handler must still refuse it.
    await h.built.store.append(
      `meeting-${lone}`,
      [
        {
          eventId: randomUUID(),
          type: 'MeetingRecorded',
          schemaVersion: 1,
          data: {
            ...MEETING,
            meetingId: lone,
            convenedBy: 'COURT',
            attendees: [MEETING.attendees[0]],
            cases: [],
            specialReason: null,
          },
          occurredAt: new Date().toISOString(),
          actor: { agency: 'COURT', staffId: 'judge-1', role: 'clerk' },
          commandId: randomUUID(),
          correlationId: 'legacy',
          causationId: randomUUID(),
          ruleSet: RULES_2021_V1.version,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const partyId = party();
    const flagId = await flag(partyId);
    const path = `${flagsOf(partyId)}/${flagId}/confirmation`;
    // Issue 8 §1: the court listed the government office; until the office acknowledges, the meeting is the court's alone.
    await expectRefusal(
      () =>
        h.http
          .post(path)
          .set(courtLead)
          .send({ ...CONFIRMATION, meetingId }),
      422,
      'FLAG_MEETING_NOT_JOINT',
      registerError.catalogue.FLAG_MEETING_NOT_JOINT,
    );
    // The court cannot acknowledge for the office, and the procuratorate (not listed) is told nothing.
    const acknowledge = `/meetings/${meetingId}/acknowledgements`;
    const ack = await h.http.post(acknowledge).set(courtClerk).send({ acknowledgedOn: '2024-06-04' });
    expect([ack.status, ack.body.code]).toEqual([409, 'MEETING_ATTENDANCE_ALREADY_ACKNOWLEDGED']);
    const hidden = await h.http.post(acknowledge).set(procLead).send({ acknowledgedOn: '2024-06-04' });
    const unknown = await h.http
      .post(`/meetings/${randomUUID()}/acknowledgements`)
      .set(procLead)
      .send({ acknowledgedOn: '2024-06-04' });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'MEETING_NOT_FOUND']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'MEETING_NOT_FOUND']);
    await h.http.post(acknowledge).set(govLead).send({ acknowledgedOn: '2024-06-05' }).expect(200);
    const cases: [Record<string, string>, object, keyof typeof registerError.catalogue][] = [
      [courtLead, { ...CONFIRMATION, meetingId: randomUUID() }, 'FLAG_MEETING_NOT_FOUND'],
      [courtLead, { ...CONFIRMATION, meetingId: lone }, 'FLAG_MEETING_NOT_JOINT'],
      // Not listed: the meeting is hidden from it (Art 17), so it reads as one not on record.
      [procLead, { ...CONFIRMATION, meetingId }, 'FLAG_MEETING_NOT_FOUND'],
      [
        courtLead,
        { confirmedOn: '2024-06-03', reviewOn: '2024-12-01', meetingId },
        'FLAG_MEETING_AFTER_CONFIRMATION',
      ],
    ];
    for (const [who, body, code] of cases) {
      await expectRefusal(
        () => h.http.post(path).set(who).send(body),
        422,
        code,
        registerError.catalogue[code],
      );
    }
    await h.http
      .post(path)
      .set(courtLead)
      .send({ ...CONFIRMATION, meetingId: meetingId.toUpperCase() })
      .expect(200);
    const confirmed = (await h.built.store.readStream(`party-${partyId}`)).at(-1)!;
    expect(confirmed.data).toMatchObject({
      confirmation: { via: 'JOINT_MEETING', agency: 'COURT', meetingId },
    });
    expect(confirmed.actor).toEqual({ agency: 'COURT', staffId: 'chief-1', role: 'lead' });
  });

  it('contests: decided by a lead of an agency other than the proposer; upheld revokes the flag', async () => {
    const partyId = party();
    const flagId = await flag(partyId, 'notified');
    const base = `${flagsOf(partyId)}/${flagId}`;
    const contestId = (
      await h.http.post(`${base}/contests`).set(courtClerk).send(contest('2024-06-10')).expect(201)
    ).body.id;
    const decision = {
      decidedOn: '2024-06-12',
      outcome: 'UPHELD',
      reasons: 'Each suit concerned a different decision.',
    };
    const path = `${base}/contests/${contestId}/decision`;
    await expectRefusal(
      () => h.http.post(path).set(courtLead).send(decision),
      403,
      'FLAG_CONTEST_DECIDER_IS_PROPOSER',
      registerError.catalogue.FLAG_CONTEST_DECIDER_IS_PROPOSER,
    );
    await h.http.post(path).set(govLead).send(decision).expect(200);
    const read = await h.http.get(`/register/parties/${partyId}`).set(courtClerk).expect(200);
    expect(read.body.register).toMatchObject({ activeFlagId: null, flags: [{ flagId, status: 'revoked' }] });
    // A revoked flag has ended: it takes nothing more, not even a second decision.
    await expectRefusal(
      () => h.http.post(path).set(govLead).send(decision),
      409,
      'FLAG_ENDED',
      registerError.catalogue.FLAG_ENDED,
    );
  });

  it('a party not yet told of its flag cannot contest it; only involved agencies withdraw; expiry waits for the review date', async () => {
    const partyId = party();
    const flagId = await flag(partyId, 'confirmed');
    const base = `${flagsOf(partyId)}/${flagId}`;
    await expectRefusal(
      () => h.http.post(`${base}/contests`).set(courtClerk).send(contest('2024-06-10')),
      422,
      'FLAG_NOT_NOTIFIED',
      registerError.catalogue.FLAG_NOT_NOTIFIED,
    );
    await expectRefusal(
      () => h.http.post(`${base}/expiry`).set(courtClerk).send({ expiredOn: '2024-11-30' }),
      422,
      'FLAG_NOT_YET_DUE_FOR_REVIEW',
      registerError.catalogue.FLAG_NOT_YET_DUE_FOR_REVIEW,
    );
    const expired = await h.http
      .post(`${base}/expiry`)
      .set(courtClerk)
      .send({ expiredOn: '2024-12-01' })
      .expect(200);
    expect(expired.body).toMatchObject({ id: flagId, revision: 3 });

    const other = party();
    const second = await flag(other, 'confirmed');
    const withdrawal = { withdrawnOn: '2024-06-08', reasons: 'Proposed in error.' };
    await expectRefusal(
      () =>
        h.http
          .post(`${flagsOf(other)}/${second}/withdrawal`)
          .set(h.auth('PROCURATORATE', 'p-1', 'clerk'))
          .send(withdrawal),
      403,
      'FLAG_WITHDRAWER_NOT_INVOLVED',
      registerError.catalogue.FLAG_WITHDRAWER_NOT_INVOLVED,
    );
    await h.http
      .post(`${flagsOf(other)}/${second}/withdrawal`)
      .set(courtClerk)
      .send(withdrawal)
      .expect(200);
    const events = await h.built.store.readStream(`party-${other}`);
    expect(events.at(-1)).toMatchObject({
      type: 'FlagWithdrawn',
      data: { withdrawnBy: 'COURT' },
      actor: { agency: 'COURT' },
    });
  });

  describe('DTO validation: a missing or unknown field is 400 and writes nothing', () => {
    const partyId = 'p-validation';
    let flagId: string;
    let contestId: string;
    beforeAll(async () => {
      flagId = await flag(partyId, 'notified');
      contestId = (
        await h.http
          .post(`${flagsOf(partyId)}/${flagId}/contests`)
          .set(courtClerk)
          .send(contest('2024-06-10'))
          .expect(201)
      ).body.id;
    });
    const routes = (): [string, Record<string, string>, Record<string, unknown>, string][] => {
      const base = `${flagsOf(partyId)}/${flagId}`;
      return [
        [
          `/register/parties/${partyId}/notes`,
          courtClerk,
          { polarity: 'NEGATIVE', text: 't', caseRef: 'c', notedOn: '2024-06-01' },
          'caseRef',
        ],
        [flagsOf(partyId), courtClerk, proposal(), 'evidence'],
        [`${base}/confirmation`, govLead, CONFIRMATION, 'reviewOn'],
        [`${base}/notification`, courtClerk, NOTIFICATION, 'means'],
        [`${base}/contests`, courtClerk, contest('2024-08-01'), 'grounds'],
        [
          `${base}/contests/${contestId}/decision`,
          govLead,
          { decidedOn: '2024-06-12', outcome: 'REJECTED', reasons: 'r' },
          'outcome',
        ],
        [`${base}/withdrawal`, courtClerk, { withdrawnOn: '2024-06-20', reasons: 'r' }, 'reasons'],
        [`${base}/expiry`, courtClerk, { expiredOn: '2024-12-01' }, 'expiredOn'],
      ];
    };

    it.each([0, 1, 2, 3, 4, 5, 6, 7])('route #%i', async (index) => {
      const [path, who, body, required] = routes()[index]!;
      await expectValidation(path, who, body, required, { score: 99 });
    });

    it('checks shapes: nested party, evidence list, enums, uuids in body and path', async () => {
      const bad: [string, Record<string, unknown>][] = [
        [flagsOf(partyId), proposal({ party: { kind: 'ALIEN', name: 'x' } })],
        [flagsOf(partyId), proposal({ party: { kind: 'NATURAL_PERSON', name: 'x', idNumber: '1' } })],
        [flagsOf(partyId), proposal({ evidence: [] })],
        [flagsOf(partyId), proposal({ evidence: 'case-1' })],
        [`${flagsOf(partyId)}/${flagId}/confirmation`, { ...CONFIRMATION, meetingId: 'm-1' }],
        [`${flagsOf(partyId)}/${flagId}/notification`, { ...NOTIFICATION, means: 'PIGEON' }],
        [`${flagsOf(partyId)}/not-a-uuid/withdrawal`, { withdrawnOn: '2024-06-20', reasons: 'r' }],
        [
          `/register/parties/${'x'.repeat(65)}/notes`,
          { polarity: 'NEGATIVE', text: 't', caseRef: 'c', notedOn: '2024-06-01' },
        ],
      ];
      for (const [path, body] of bad) await h.http.post(path).set(govLead).send(body).expect(400);
    });
  });
});
