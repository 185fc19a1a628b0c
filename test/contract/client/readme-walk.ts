/**
 * The README's walk-through as a typed client: openapi-fetch over the types openapi-typescript
 * generates from the running app's /docs-json. No casts: whatever a client needs must be reachable
 * through the published types. The contract test generates `./accord-api.ts` beside a copy of this
 * file and typechecks both under --strict; this file is left out of the repository's own typecheck.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './accord-api';

export interface Tokens {
  readonly gov: string;
  readonly pro: string;
  readonly aud: string;
  readonly court: string;
}

export interface Walked {
  readonly caseId: string;
  readonly replyDueBy: string;
  readonly stage: string;
  readonly historyLength: number;
  readonly courtStatus: number;
}

function need<T>(data: T | undefined, what: string): T {
  if (data === undefined) throw new Error(`${what}: no answer body`);
  return data;
}

export async function walkReadme(baseUrl: string, tokens: Tokens, middleware: Middleware): Promise<Walked> {
  const client = createClient<paths>({ baseUrl });
  client.use(middleware);
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  const registered = await client.POST('/cases', {
    headers: as(tokens.gov),
    body: {
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
  });
  const id = need(registered.data, 'register').id;
  const path = { path: { id } };

  await client.POST('/cases/{id}/eligibility', {
    params: path,
    headers: as(tokens.gov),
    body: {
      outcome: 'ELIGIBLE',
      assessedOn: '2026-11-03',
      grounds: [{ category: 1, reasons: 'A dispute over the amount of administrative compensation' }],
    },
  });
  await client.POST('/cases/{id}/resolution', {
    params: path,
    headers: as(tokens.gov),
    body: { openedOn: '2026-11-04' },
  });
  const invited = await client.POST('/cases/{id}/invitations', {
    params: path,
    headers: as(tokens.gov),
    body: {
      to: 'PROCURATORATE',
      grounds: 'Likely to become a suit if unresolved',
      noticeServedOn: '2026-11-20',
      documentRef: '鲁山复议邀〔2026〕3号',
    },
  });
  const invitationId = need(invited.data, 'invite').id;

  // The invitee sees the reduced view, and its reply's due date through the types.
  const seenByInvitee = need(
    (await client.GET('/cases/{id}', { params: path, headers: as(tokens.pro) })).data,
    'invitee read',
  );
  const invitation = seenByInvitee.case.invitations.find((i) => i.invitationId === invitationId);
  if (invitation === undefined) throw new Error('the invitee does not see its invitation');
  const replyDueBy = invitation.replyDeadline.dueBy;

  await client.POST('/cases/{id}/invitations/{invitationId}/reply', {
    params: { path: { id, invitationId } },
    headers: as(tokens.pro),
    body: { answer: 'ACCEPT', repliedOn: '2026-11-24', documentRef: '鲁山检行复〔2026〕5号' },
  });
  await client.POST('/cases/{id}/activities', {
    params: path,
    headers: as(tokens.pro),
    body: {
      kind: 'HEARING',
      heldOn: '2026-11-26',
      agencies: ['GOV_OFFICE', 'PROCURATORATE'],
      partyIds: ['p-001'],
      others: [],
    },
  });
  await client.POST('/cases/{id}/consents', {
    params: path,
    headers: as(tokens.gov),
    body: { partyId: 'p-001', consent: 'GIVEN', on: '2026-11-27' },
  });
  await client.POST('/cases/{id}/outcome', {
    params: path,
    headers: as(tokens.gov),
    body: {
      outcome: 'SETTLED',
      decidedOn: '2026-11-27',
      summary: 'Compensation re-assessed',
      organAgreement: { agreedOn: '2026-11-27', signatory: '县自然资源局 局长 李某' },
    },
  });
  await client.POST('/cases/{id}/closure', {
    params: path,
    headers: as(tokens.gov),
    body: { closedOn: '2026-11-27' },
  });

  const read = need(
    (await client.GET('/cases/{id}', { params: path, headers: as(tokens.gov) })).data,
    'read',
  );
  const stage = 'stage' in read.case ? read.case.stage : 'hidden';
  const history = need(
    (await client.GET('/cases/{id}/history', { params: path, headers: as(tokens.aud) })).data,
    'history',
  );
  const court = await client.GET('/cases/{id}', { params: path, headers: as(tokens.court) });
  if (court.error !== undefined && court.error.code !== 'CASE_NOT_FOUND') throw new Error(court.error.code);
  return {
    caseId: id,
    replyDueBy,
    stage,
    historyLength: history.events.length,
    courtStatus: court.response.status,
  };
}
