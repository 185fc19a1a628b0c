import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Actor, type CaseEvent, type ProposedEvent, upcasters } from '@accord/events';
import { caseAccess, caseDecider, type CaseState } from '@accord/domain';
import {
  assessEligibility,
  assessRisk,
  closeCase,
  issueInvitation,
  recordActivity,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  resolving,
  withdrawInvitation,
} from '@accord/domain/case/testing';
import { openSqliteStore, type EventStore } from '@accord/store';
import { proposedEvent } from '@accord/store/testing/fixtures';
import { ApiError } from '../../../http/api-error';
import { Readiness } from '../../../health/readiness';
import { CaseDirectory } from './case-directory';
import { type CaseEntry, entryAccess, foldCaseEntry } from './case-entry';

const actor = (agency: string, role: Actor['role'] = 'clerk'): Actor =>
  ({ agency, staffId: 's-1', role }) as Actor;
const READERS = ['COURT', 'PROCURATORATE', 'GOV_OFFICE', 'ORGAN:county-land-bureau'].map((a) => actor(a));

const SCENARIOS: Record<string, CaseEvent[]> = {
  'invited, accepted, resolved and closed': resolving(
    issueInvitation(),
    replyToInvitation({}, { agency: 'GOV_OFFICE' }),
    recordActivity(),
    assessRisk(),
    recordOutcome({ outcome: 'ADMINISTRATIVE_ACT_CORRECTED' }),
    closeCase(),
  ),
  'one invitation declined, another withdrawn': recorded(
    registerCase(),
    issueInvitation({ invitationId: 'inv-1', to: 'PROCURATORATE' }),
    issueInvitation({ invitationId: 'inv-2', to: 'GOV_OFFICE' }),
    replyToInvitation(
      { invitationId: 'inv-2', answer: 'DECLINE', reasons: '不属于职责范围' },
      { agency: 'GOV_OFFICE' },
    ),
    withdrawInvitation({ invitationId: 'inv-1' }),
  ),
  'an open invitation lapses when the case closes': recorded(
    registerCase(),
    issueInvitation(),
    recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
    closeCase(),
  ),
  'a negative reassessment ends the resolution effort': resolving(
    assessEligibility({
      assessmentId: 'elig-2',
      outcome: 'CLEARLY_UNLAWFUL_OR_UNREASONABLE',
      grounds: [],
      legalExplanation: '诉求明显不合理，已释法说理',
    }),
  ),
};

describe('foldCaseEntry keeps what the list needs exactly as the case decider folds it', () => {
  it.each(Object.entries(SCENARIOS))('%s', (_name, events) => {
    let state: CaseState = caseDecider.initialState();
    let entry: CaseEntry | undefined;
    events.forEach((event, revision) => {
      state = caseDecider.evolve(state, event);
      entry = foldCaseEntry(entry, { event, revision, position: 100 + revision });
      if (state.status === 'none') throw new Error('scenario must start with CaseRegistered');
      expect(entry).toMatchObject({
        caseId: state.caseId,
        channel: state.channel,
        leadAgency: state.leadAgency,
        participants: state.participants,
        status: state.status,
        stage: state.stage,
        externalCaseNumber: state.externalCaseNumber,
        acceptedOn: state.acceptedOn,
        revision,
        position: 100 + revision,
        registeredAt: 100,
        openInvitations: state.invitations
          .filter((i) => i.status === 'open')
          .map((i) => ({ invitationId: i.invitationId, agency: i.to })),
      });
      for (const reader of READERS) {
        const domain = caseAccess(state, reader.agency);
        expect([reader.agency, entryAccess(entry!, reader) ?? 'none']).toEqual([reader.agency, domain]);
      }
      expect(entryAccess(entry!, actor('ORGAN:x', 'auditor'))).toBe('auditor');
    });
  });

  it('ignores a case event that arrives before its CaseRegistered (a corrupt stream shows nothing)', () => {
    const [, second] = SCENARIOS['an open invitation lapses when the case closes']!;
    expect(foldCaseEntry(undefined, { event: second!, revision: 1, position: 2 })).toBeUndefined();
  });
});

describe('CaseDirectory over a real SQLite ledger', () => {
  let dir: string;
  let store: EventStore;
  let directory: CaseDirectory;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-directory-'));
    store = await openSqliteStore(dir);
  });
  afterEach(async () => {
    await directory.onModuleDestroy();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const stored = (event: CaseEvent): ProposedEvent =>
    proposedEvent({
      type: event.type,
      schemaVersion: upcasters.currentVersion(event.type),
      data: event.data,
    });
  const writeCase = async (caseId: string, events: readonly CaseEvent[]) =>
    store.append(
      `case-${caseId}`,
      events.map((e) => stored({ ...e, data: { ...(e.data as object), caseId } } as CaseEvent)),
      { expectedRevision: 'no_stream' },
    );
  const start = () => {
    directory = new CaseDirectory(store, new Readiness());
    directory.onModuleInit();
  };

  it('catches up from position 0, follows live appends, and lists by Art 17 newest first with a cursor', async () => {
    const litigation = recorded(registerCase(), issueInvitation());
    await writeCase('c-1', litigation);
    await store.append('access-log', [proposedEvent()], { expectedRevision: 'any' });
    await writeCase('c-2', recorded(registerCase({ channel: 'LITIGATION' })));
    start();
    await directory.waitFor(await store.headPosition());
    await writeCase('c-3', litigation);
    await directory.waitFor(await store.headPosition());
    expect(directory.position).toBe(await store.headPosition());

    const court = actor('COURT');
    const first = directory.list(court, { limit: 2 });
    expect(first.rows.map((r) => [r.entry.caseId, r.access])).toEqual([
      ['c-3', 'participant'],
      ['c-2', 'participant'],
    ]);
    expect(first.next).toBe(directory.entry('c-2')!.registeredAt);
    const second = directory.list(court, { limit: 2, after: first.next! });
    expect(second.rows.map((r) => r.entry.caseId)).toEqual(['c-1']);
    expect(second.next).toBeUndefined();

    // The invitee sees the reduced rows, but never through a stage filter: the stage is not its to know.
    const gov = actor('GOV_OFFICE');
    expect(directory.list(gov, { limit: 10 }).rows.map((r) => [r.entry.caseId, r.access])).toEqual([
      ['c-3', 'invitee'],
      ['c-1', 'invitee'],
    ]);
    expect(directory.list(gov, { limit: 10, stage: 'REGISTERED' }).rows).toEqual([]);
    expect(directory.list(court, { limit: 10, stage: 'REGISTERED' }).rows).toHaveLength(3);
    expect(directory.list(actor('PROCURATORATE'), { limit: 10 }).rows).toEqual([]);
    expect(directory.list(actor('ORGAN:county-land-bureau'), { limit: 10 }).rows).toEqual([]);
    expect(directory.list(actor('PROCURATORATE', 'auditor'), { limit: 10 }).rows).toHaveLength(3);
    expect(directory.list(court, { limit: 10, channel: 'RECONSIDERATION' }).rows).toEqual([]);
  });

  it('a waiter is released by the append it waits for; one the ledger never reaches gets 503 NOT_READY', async () => {
    start();
    const head = await store.headPosition();
    const pending = directory.waitFor(head + 1);
    await writeCase('c-1', recorded(registerCase()));
    await expect(pending).resolves.toBeUndefined();
    expect(directory.entry('c-1')?.stage).toBe('REGISTERED');

    const never = directory.waitFor(head + 10, 20);
    await expect(never).rejects.toBeInstanceOf(ApiError);
    await expect(never).rejects.toMatchObject({ code: 'NOT_READY' });
  });

  it('closing the module ends the subscription and refuses the requests still waiting', async () => {
    start();
    const pending = directory.waitFor((await store.headPosition()) + 1);
    await directory.onModuleDestroy();
    await expect(pending).rejects.toMatchObject({ code: 'NOT_READY' });
    await expect(directory.waitFor(directory.position + 1)).rejects.toMatchObject({ code: 'NOT_READY' });
  });
});
