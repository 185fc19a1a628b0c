import {
  type CaseEvent,
  type DeadlineOverdue,
  type LetterEvent,
  type RecordedEvent,
  type WatchedDeadlineKind,
} from '@accord/events';
import {
  caseDecider,
  type CaseState,
  legalDateOf,
  letterDecider,
  type LetterState,
  periodStillOpen,
  type RegisteredCase,
} from '@accord/domain';
import { type Projection, ProjectionError, type ProjectionTx } from '../projection';
import { tokenSet } from '../read-store';
import { domainEvent, streamKind } from './events';

export const CASE_STATUS_PROJECTION = 'case-status';
export const CASES = 'cases';
export const LETTERS = 'letters';

/** One case as the list, the reports and the briefing read it; `state` is the domain's own fold. */
export interface CaseRow {
  readonly caseId: string;
  readonly state: RegisteredCase;
  /** Global position of `CaseRegistered`: the list's order and cursor. */
  readonly registeredAt: number;
  readonly channel: string;
  readonly stage: string;
  readonly status: string;
  readonly leadAgency: string;
  /** Art 17 in queryable form: `|COURT|GOV_OFFICE|` and the agencies with an open invitation. */
  readonly participantsSet: string;
  readonly inviteesSet: string;
  readonly riskLevel: string | null;
  readonly acceptedOn: string;
  readonly outcome: string | null;
  readonly decidedOn: string | null;
  /** Legal date of the last event on the case (stuck cases). */
  readonly lastActivityOn: string;
  readonly revision: number;
  readonly position: number;
  /** Open periods the watcher found passed: deadline id → kind and ref. */
  readonly overdueDeadlines: Readonly<Record<string, { kind: string; refId: string; detectedOn: string }>>;
  readonly overdue: number;
}

export interface LetterRow {
  readonly letterId: string;
  readonly state: Exclude<LetterState, { status: 'none' }>;
  readonly issuer: string;
  readonly organCode: string;
  readonly caseId: string | null;
  readonly issuedOn: string;
  readonly status: string;
  readonly overdue: number;
  readonly position: number;
}

/**
 * Case status: every case folded by the case decider's own `evolve` (so the read model can never
 * disagree with the write side), plus the fields its queries filter on. Letters are folded the same
 * way, for the reports. Overdue marks come from the watcher's `DeadlineOverdue` events and go away
 * once the period is closed in the case.
 */
export const caseStatusProjection: Projection = {
  name: CASE_STATUS_PROJECTION,
  version: 1,
  reads: ['case', 'letter', 'overdue'],
  collections: [
    {
      name: CASES,
      keyType: 'text',
      fields: [
        { name: 'registeredAt', type: 'integer', indexed: true },
        { name: 'channel', type: 'text' },
        { name: 'stage', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'leadAgency', type: 'text' },
        { name: 'participantsSet', type: 'text' },
        { name: 'inviteesSet', type: 'text' },
        { name: 'riskLevel', type: 'text' },
        { name: 'acceptedOn', type: 'text' },
        { name: 'outcome', type: 'text' },
        { name: 'decidedOn', type: 'text' },
        { name: 'lastActivityOn', type: 'text', indexed: true },
        { name: 'overdue', type: 'integer' },
      ],
    },
    {
      name: LETTERS,
      keyType: 'text',
      fields: [
        { name: 'issuer', type: 'text' },
        { name: 'organCode', type: 'text' },
        { name: 'caseId', type: 'text', indexed: true },
        { name: 'issuedOn', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'overdue', type: 'integer' },
      ],
    },
  ],
  async apply(event: RecordedEvent, tx: ProjectionTx): Promise<void> {
    const { kind, id } = streamKind(event.streamId);
    if (kind === 'case') await applyCase(id, event, tx);
    else if (kind === 'letter') await applyLetter(id, event, tx);
    else if (event.type === 'DeadlineOverdue') await applyOverdue(domainEvent<DeadlineOverdue>(event), tx);
  },
};

async function applyCase(caseId: string, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const before = await tx.get<CaseRow>(CASES, caseId);
  const prior: CaseState = before?.state ?? caseDecider.initialState();
  const state = caseDecider.evolve(prior, domainEvent<CaseEvent>(event));
  if (state.status === 'none')
    throw new ProjectionError(`case ${caseId}: stream does not start with CaseRegistered`);
  tx.put(CASES, caseId, caseRow(state, event, before));
}

function caseRow(state: RegisteredCase, event: RecordedEvent, before: CaseRow | undefined): CaseRow {
  const marks = before?.overdueDeadlines;
  // Most cases never have an overdue mark: no entries, filter and new object for each of their events.
  const overdueDeadlines =
    marks === undefined || !hasKeys(marks)
      ? NO_MARKS
      : Object.fromEntries(
          Object.entries(marks).filter(([, mark]) => stillOpen(state, mark.kind, mark.refId)),
        );
  const current = state.risk.assessments[state.risk.assessments.length - 1];
  return {
    caseId: state.caseId,
    state,
    registeredAt: before?.registeredAt ?? event.position,
    channel: state.channel,
    stage: state.stage,
    status: state.status,
    leadAgency: state.leadAgency,
    participantsSet: tokenSet(state.participants),
    inviteesSet: tokenSet(state.invitations.filter((i) => i.status === 'open').map((i) => i.to)),
    riskLevel: current?.level ?? null,
    acceptedOn: state.acceptedOn,
    outcome: state.outcome?.outcome ?? null,
    decidedOn: state.outcome?.decidedOn ?? null,
    lastActivityOn: legalDateOf(event.recordedAt),
    revision: event.revision,
    position: event.position,
    overdueDeadlines,
    overdue: Object.keys(overdueDeadlines).length,
  };
}

const NO_MARKS: CaseRow['overdueDeadlines'] = Object.freeze({});

function hasKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

/** Whether the period an overdue mark names is still open in the case, as the watcher decides it. */
function stillOpen(state: RegisteredCase, kind: string, refId: string): boolean {
  return kind !== 'LETTER_RESPONSE' && periodStillOpen({ kind: kind as WatchedDeadlineKind, refId }, state);
}

async function applyLetter(letterId: string, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const before = await tx.get<LetterRow>(LETTERS, letterId);
  const state = letterDecider.evolve(
    before?.state ?? letterDecider.initialState(),
    domainEvent<LetterEvent>(event),
  );
  if (state.status === 'none')
    throw new ProjectionError(`letter ${letterId}: stream does not start with LetterIssued`);
  tx.put(LETTERS, letterId, {
    letterId,
    state,
    issuer: state.issuer,
    organCode: state.organ.code,
    caseId: state.caseId,
    issuedOn: state.issuedOn,
    status: state.status,
    overdue: before?.overdue === 1 && state.status === 'served' ? 1 : 0,
    position: event.position,
  } satisfies LetterRow);
}

async function applyOverdue(event: DeadlineOverdue, tx: ProjectionTx): Promise<void> {
  const d = event.data;
  if (d.kind === 'LETTER_RESPONSE') {
    const letter = d.letterId === null ? undefined : await tx.get<LetterRow>(LETTERS, d.letterId);
    if (letter !== undefined && letter.state.status === 'served')
      tx.put(LETTERS, letter.letterId, { ...letter, overdue: 1 });
    return;
  }
  const row = d.caseId === null ? undefined : await tx.get<CaseRow>(CASES, d.caseId);
  if (row === undefined || !stillOpen(row.state, d.kind, d.refId)) return;
  const overdueDeadlines = {
    ...row.overdueDeadlines,
    [d.deadlineId]: { kind: d.kind, refId: d.refId, detectedOn: d.detectedOn },
  };
  tx.put(CASES, row.caseId, { ...row, overdueDeadlines, overdue: Object.keys(overdueDeadlines).length });
}
