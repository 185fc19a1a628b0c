import type {
  CaseChannel,
  CaseEvent,
  DeadlineOverdue,
  LegalDate,
  LetterEvent,
  RecordedEvent,
  StoredDeadline,
  WatchedDeadlineKind,
} from '@accord/events';
import {
  countNoticePeriod,
  createLegalCalendar,
  type LegalCalendar,
  type NoticePeriodStart,
  startsNoticePeriod,
} from '@accord/domain';
import { packageSchedule, provisionalYears } from '@accord/calendar-data';
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
  readonly channel?: CaseChannel;
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
  // v2: the notice (Arts 4/7) and prevention plan (Art 10) periods.
  version: 2,
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
        tx.put(
          DEADLINES,
          row.deadlineId,
          deadlineDoc(row, row.subjectStreamId, row.status, row.closedBy, row.closedOn, 1, d.detectedOn),
        );
    }
  },
};

async function applyCase(caseId: string, event: RecordedEvent, tx: ProjectionTx): Promise<void> {
  const streamId = event.streamId;
  const e = domainEvent<CaseEvent>(event);
  let subject = (await tx.get<Subject>(SUBJECTS, streamId)) ?? { open: [] };
  switch (e.type) {
    case 'CaseRegistered': {
      const registered = { ...subject, leadAgency: e.data.leadAgency, channel: e.data.channel, caseId };
      tx.put(SUBJECTS, streamId, registered);
      await openNotice(tx, event, caseId, registered, 'ACCEPTANCE', e.data.acceptedOn);
      return;
    }
    case 'NonSupportDecisionRecorded':
      await openNotice(tx, event, caseId, subject, 'NON_SUPPORT_DECISION', e.data.decidedOn);
      return;
    case 'LitigationRiskFound':
      await openNotice(tx, event, caseId, subject, 'RISK_FINDING', e.data.foundOn);
      return;
    case 'InvitationIssued': {
      const d = e.data;
      await closeAll(tx, streamId, 'INVITATION_NOTICE', 'served', d.noticeServedOn);
      // The close above rewrote the subject: open the reply period on the current one.
      subject = (await tx.get<Subject>(SUBJECTS, streamId)) ?? subject;
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
      // Art 10 as the case folds it: the report, and (v2) the plan, stay owed from the first
      // major-risk assessment until made.
      const owed = [
        ['RISK_ESCALATION', e.data.escalationDeadline],
        ['PREVENTION_PLAN', e.data.planDeadline ?? null],
      ] as const;
      for (const [kind, due] of owed) {
        if (due === null || subject.open.some((id) => id.startsWith(`${kind}:`))) continue;
        open(tx, streamId, subject, {
          deadlineId: deadlineId(kind, streamId, e.data.assessmentId),
          kind,
          caseId,
          letterId: null,
          refId: e.data.assessmentId,
          owner: subject.leadAgency ?? '',
          watcher: subject.leadAgency ?? '',
          explanation: due.explanation,
          recordedDueBy: due.dueBy,
          position: event.position,
        });
        subject = (await tx.get<Subject>(SUBJECTS, streamId)) ?? subject;
      }
      return;
    }
    case 'RiskEscalated':
      await closeAll(tx, streamId, 'RISK_ESCALATION', 'escalated', e.data.escalatedOn);
      return;
    case 'PreventionPlanAdopted':
      await closeAll(tx, streamId, 'PREVENTION_PLAN', 'adopted', e.data.adoptedOn);
      return;
    case 'OutcomeRecorded':
      // The dispute is decided: inviting another agency is no longer owed.
      await closeAll(tx, streamId, 'INVITATION_NOTICE', 'lapsed', e.data.decidedOn);
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

let packaged: LegalCalendar | undefined;
/** Notice periods by rule set and start: cases accepted the same day share one count. */
const noticeCounts = new Map<string, ReturnType<typeof countNoticePeriod>>();

/**
 * The notice period is recorded on no event before the notice itself, so the projection counts it
 * with the official schedules as packaged (deterministic, so a rebuild equals incremental
 * projection); the query and the watcher recount it with the calendar in force, staff corrections
 * included, and show both when they differ.
 */
function packagedCalendar(): LegalCalendar {
  if (packaged === undefined) {
    const official = packageSchedule().schedule.years;
    packaged = createLegalCalendar({ years: { ...provisionalYears(official), ...official } });
  }
  return packaged;
}

async function openNotice(
  tx: ProjectionTx,
  event: RecordedEvent,
  caseId: string,
  subject: Subject,
  fact: NoticePeriodStart,
  on: LegalDate,
): Promise<void> {
  if (subject.channel === undefined || !startsNoticePeriod(fact, subject.channel, event.ruleSet)) return;
  const id = deadlineId('INVITATION_NOTICE', event.streamId, fact);
  if (subject.open.includes(id) || (await tx.get<DeadlineRow>(DEADLINES, id)) !== undefined) return;
  const memo = `${event.ruleSet}|${on}`;
  let due = noticeCounts.get(memo);
  if (due === undefined) {
    if (noticeCounts.size >= 10_000) noticeCounts.clear();
    due = countNoticePeriod(packagedCalendar(), event.ruleSet, on);
    noticeCounts.set(memo, due);
  }
  open(tx, event.streamId, subject, {
    deadlineId: id,
    kind: 'INVITATION_NOTICE',
    caseId,
    letterId: null,
    refId: fact,
    owner: subject.leadAgency ?? '',
    watcher: subject.leadAgency ?? '',
    explanation: due.explanation,
    recordedDueBy: due.dueBy,
    position: event.position,
  });
}

async function closeAll(
  tx: ProjectionTx,
  streamId: string,
  kind: WatchedDeadlineKind,
  closedBy: string,
  closedOn: string,
): Promise<void> {
  const subject = await tx.get<Subject>(SUBJECTS, streamId);
  for (const id of subject?.open.filter((o) => o.startsWith(`${kind}:`)) ?? [])
    await close(tx, streamId, id, closedBy, closedOn);
}

type Opening = Omit<
  DeadlineRow,
  'status' | 'closedBy' | 'closedOn' | 'overdue' | 'overdueDetectedOn' | 'subjectStreamId'
>;

/**
 * A deadline's document, its keys always in this order (the order the rows have always been
 * stored in). Spreading rows of several origins (literals, parsed documents) made every copy a
 * megamorphic clone: a few per cent of a rebuild's projector thread.
 */
function deadlineDoc(
  r: Opening,
  subjectStreamId: string,
  status: DeadlineRow['status'],
  closedBy: string | null,
  closedOn: string | null,
  overdue: number,
  overdueDetectedOn: string | null,
): DeadlineRow {
  return {
    deadlineId: r.deadlineId,
    kind: r.kind,
    caseId: r.caseId,
    letterId: r.letterId,
    refId: r.refId,
    owner: r.owner,
    watcher: r.watcher,
    explanation: r.explanation,
    recordedDueBy: r.recordedDueBy,
    position: r.position,
    subjectStreamId,
    status,
    closedBy,
    closedOn,
    overdue,
    overdueDetectedOn,
  };
}

function open(tx: ProjectionTx, streamId: string, subject: Subject, row: Opening): void {
  tx.put(DEADLINES, row.deadlineId, deadlineDoc(row, streamId, 'open', null, null, 0, null));
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
  tx.put(
    DEADLINES,
    id,
    deadlineDoc(row, row.subjectStreamId, 'closed', closedBy, closedOn, row.overdue, row.overdueDetectedOn),
  );
  const subject = await tx.get<Subject>(SUBJECTS, streamId);
  if (subject !== undefined)
    tx.put(SUBJECTS, streamId, { ...subject, open: subject.open.filter((o) => o !== id) });
}
