import type {
  CaseEvent,
  DeadlineOverdue,
  LetterEvent,
  RecordedEvent,
  StoredDeadline,
  WatchedDeadlineKind,
} from '@accord/events';
import type { Projection, ProjectionTx } from '../projection';
import { domainEvent, streamKind } from './events';

export const DEADLINES_PROJECTION = 'deadlines';
export const DEADLINES = 'deadlines';
const SUBJECTS = 'deadline_subjects';

/** One watched period as recorded when it began; the query recomputes its due date with today's calendar. */
export interface DeadlineRow {
  readonly deadlineId: string;
  readonly kind: WatchedDeadlineKind;
  readonly caseId: string | null;
  readonly letterId: string | null;
  readonly refId: string;
  readonly subjectStreamId: string;
  /** Who must act: the invitee, the lead agency, or `ORGAN:<code>`. */
  readonly owner: string;
  /** Who else follows it: the inviting or lead agency, or the letter's issuer. */
  readonly watcher: string;
  readonly recordedDueBy: string;
  readonly explanation: StoredDeadline;
  readonly status: 'open' | 'closed';
  /** How it closed: replied, withdrawn, escalated, answered, lapsed (case or letter closed). */
  readonly closedBy: string | null;
  readonly closedOn: string | null;
  readonly overdue: number;
  readonly overdueDetectedOn: string | null;
  readonly position: number;
}

interface Subject {
  readonly open: readonly string[];
  readonly leadAgency?: string;
  readonly issuer?: string;
  readonly organCode?: string;
  readonly caseId?: string | null;
}

export const deadlineId = (kind: WatchedDeadlineKind, streamId: string, refId: string): string =>
  `${kind}:${streamId}:${refId}`;

/**
 * Deadlines: every watched period from the moment it starts until it is met, withdrawn or lapses.
 * The due date and explanation are the ones recorded on the event (the rule, start and counting are
 * in the explanation), so a query can recount them with the calendar in force now.
 */
export const deadlinesProjection: Projection = {
  name: DEADLINES_PROJECTION,
  version: 1,
  reads: ['case', 'letter', 'overdue'],
  collections: [
    {
      name: DEADLINES,
      keyType: 'text',
      fields: [
        { name: 'kind', type: 'text' },
        { name: 'status', type: 'text', indexed: true },
        { name: 'caseId', type: 'text', indexed: true },
        { name: 'letterId', type: 'text' },
        { name: 'owner', type: 'text' },
        { name: 'watcher', type: 'text' },
        { name: 'recordedDueBy', type: 'text' },
        { name: 'overdue', type: 'integer' },
      ],
    },
    { name: SUBJECTS, keyType: 'text', fields: [] },
  ],
  async apply(event: RecordedEvent, tx: ProjectionTx): Promise<void> {
    const { kind, id } = streamKind(event.streamId);
    if (kind === 'case') await applyCase(id, event, tx);
    else if (kind === 'letter') await applyLetter(id, event, tx);
    else if (event.type === 'DeadlineOverdue') {
      const d = domainEvent<DeadlineOverdue>(event).data;
      const row = await tx.get<DeadlineRow>(DEADLINES, d.deadlineId);
      if (row !== undefined && row.status === 'open' && row.overdue === 0)
        tx.put(DEADLINES, row.deadlineId, { ...row, overdue: 1, overdueDetectedOn: d.detectedOn });
    }
  },
};

async function applyCase(caseId: string, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const streamId = event.streamId;
  const e = domainEvent<CaseEvent>(event);
  const subject = (await tx.get<Subject>(SUBJECTS, streamId)) ?? { open: [] };
  switch (e.type) {
    case 'CaseRegistered':
      tx.put(SUBJECTS, streamId, { ...subject, leadAgency: e.data.leadAgency, caseId });
      return;
    case 'InvitationIssued': {
      const d = e.data;
      open(tx, streamId, subject, {
        deadlineId: deadlineId('INVITATION_REPLY', streamId, d.invitationId),
        kind: 'INVITATION_REPLY',
        caseId,
        letterId: null,
        refId: d.invitationId,
        owner: d.to,
        watcher: d.from,
        explanation: d.replyDeadline.explanation,
        recordedDueBy: d.replyDeadline.dueBy,
        position: event.position,
      });
      return;
    }
    case 'InvitationAccepted':
    case 'InvitationDeclined':
      await close(
        tx,
        streamId,
        deadlineId('INVITATION_REPLY', streamId, e.data.invitationId),
        'replied',
        e.data.repliedOn,
      );
      return;
    case 'InvitationWithdrawn':
      await close(
        tx,
        streamId,
        deadlineId('INVITATION_REPLY', streamId, e.data.invitationId),
        'withdrawn',
        e.data.withdrawnOn,
      );
      return;
    case 'RiskAssessed': {
      const due = e.data.escalationDeadline;
      // Art 10 as the case folds it: the report stays owed from the first major-risk assessment until made.
      if (due === null || subject.open.some((id) => id.startsWith('RISK_ESCALATION:'))) return;
      open(tx, streamId, subject, {
        deadlineId: deadlineId('RISK_ESCALATION', streamId, e.data.assessmentId),
        kind: 'RISK_ESCALATION',
        caseId,
        letterId: null,
        refId: e.data.assessmentId,
        owner: subject.leadAgency ?? '',
        watcher: subject.leadAgency ?? '',
        explanation: due.explanation,
        recordedDueBy: due.dueBy,
        position: event.position,
      });
      return;
    }
    case 'RiskEscalated':
      for (const id of subject.open.filter((o) => o.startsWith('RISK_ESCALATION:')))
        await close(tx, streamId, id, 'escalated', e.data.escalatedOn);
      return;
    case 'CaseClosed':
      for (const id of subject.open) await close(tx, streamId, id, 'lapsed', e.data.closedOn);
      return;
    default:
      return;
  }
}

async function applyLetter(letterId: string, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const streamId = event.streamId;
  const e = domainEvent<LetterEvent>(event);
  const subject = (await tx.get<Subject>(SUBJECTS, streamId)) ?? { open: [] };
  switch (e.type) {
    case 'LetterIssued':
      tx.put(SUBJECTS, streamId, {
        ...subject,
        issuer: e.data.issuer,
        organCode: e.data.organ.code,
        caseId: e.data.caseId,
      });
      return;
    case 'LetterServed':
      open(tx, streamId, subject, {
        deadlineId: deadlineId('LETTER_RESPONSE', streamId, letterId),
        kind: 'LETTER_RESPONSE',
        caseId: subject.caseId ?? null,
        letterId,
        refId: letterId,
        owner: `ORGAN:${subject.organCode ?? ''}`,
        watcher: subject.issuer ?? '',
        explanation: e.data.responseDeadline,
        recordedDueBy: e.data.responseDueBy,
        position: event.position,
      });
      return;
    case 'LetterResponseRecorded':
      await close(
        tx,
        streamId,
        deadlineId('LETTER_RESPONSE', streamId, letterId),
        'answered',
        e.data.respondedOn,
      );
      return;
    case 'LetterClosed':
      await close(tx, streamId, deadlineId('LETTER_RESPONSE', streamId, letterId), 'lapsed', e.data.closedOn);
      return;
    default:
      return;
  }
}

type Opening = Omit<
  DeadlineRow,
  'status' | 'closedBy' | 'closedOn' | 'overdue' | 'overdueDetectedOn' | 'subjectStreamId'
>;

function open(tx: ProjectionTx, streamId: string, subject: Subject, row: Opening): void {
  tx.put(DEADLINES, row.deadlineId, {
    ...row,
    subjectStreamId: streamId,
    status: 'open',
    closedBy: null,
    closedOn: null,
    overdue: 0,
    overdueDetectedOn: null,
  } satisfies DeadlineRow);
  tx.put(SUBJECTS, streamId, { ...subject, open: [...subject.open, row.deadlineId] });
}

async function close(
  tx: ProjectionTx,
  streamId: string,
  id: string,
  closedBy: string,
  closedOn: string,
): Promise<void> {
  const row = await tx.get<DeadlineRow>(DEADLINES, id);
  if (row === undefined || row.status !== 'open') return;
  tx.put(DEADLINES, id, { ...row, status: 'closed', closedBy, closedOn });
  const subject = await tx.get<Subject>(SUBJECTS, streamId);
  if (subject !== undefined)
    tx.put(SUBJECTS, streamId, { ...subject, open: subject.open.filter((o) => o !== id) });
}
