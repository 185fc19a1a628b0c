import type { Actor } from '@accord/events';
import { addCalendarDays, caseAccess, daysBetween, reducedCaseView } from '@accord/domain';
import { CASES, type CaseRow, LETTERS, type LetterRow } from '../projections/case-status.projection';
import type { Condition, ReadStore, Where } from '../read-store';

export type RowAccess = 'participant' | 'invitee' | 'auditor';

export interface CaseFilter {
  readonly channel?: string;
  readonly stage?: string;
  /** The lead agency. */
  readonly agency?: string;
  readonly overdue?: boolean;
  readonly risk?: string;
  readonly acceptedFrom?: string;
  readonly acceptedTo?: string;
  readonly limit: number;
  /** `registeredAt` of the last row of the previous page (exclusive). */
  readonly after?: number;
}

export interface CasePage {
  readonly rows: readonly { readonly row: CaseRow; readonly access: RowAccess }[];
  readonly next: number | null;
}

/**
 * Art 17 as a query: auditors see every case; an agency sees the cases it takes part in, and, reduced,
 * those it has an open invitation to. Filters on what an invitee may not know (stage, risk, overdue)
 * leave its reduced rows out, so filtering can never disclose them.
 */
export function visibleCasesWhere(
  actor: Actor,
  filter: Omit<CaseFilter, 'limit' | 'after'>,
  participantsOnly = false,
): Where {
  const all: Condition[] = [];
  if (filter.channel !== undefined) all.push({ field: 'channel', op: '=', value: filter.channel });
  if (filter.agency !== undefined) all.push({ field: 'leadAgency', op: '=', value: filter.agency });
  if (filter.acceptedFrom !== undefined)
    all.push({ field: 'acceptedOn', op: '>=', value: filter.acceptedFrom });
  if (filter.acceptedTo !== undefined) all.push({ field: 'acceptedOn', op: '<=', value: filter.acceptedTo });
  if (filter.stage !== undefined) all.push({ field: 'stage', op: '=', value: filter.stage });
  if (filter.risk !== undefined) all.push({ field: 'riskLevel', op: '=', value: filter.risk });
  if (filter.overdue !== undefined) all.push({ field: 'overdue', op: filter.overdue ? '>' : '=', value: 0 });
  if (actor.role === 'auditor') return { all };
  const participantOnly =
    participantsOnly ||
    filter.stage !== undefined ||
    filter.risk !== undefined ||
    filter.overdue !== undefined;
  const any: Condition[] = [{ field: 'participantsSet', op: 'has', value: actor.agency }];
  if (!participantOnly) any.push({ field: 'inviteesSet', op: 'has', value: actor.agency });
  return { all, any: [any] };
}

export function rowAccess(row: CaseRow, actor: Actor): RowAccess | undefined {
  if (actor.role === 'auditor') return 'auditor';
  const access = caseAccess(row.state, actor.agency);
  return access === 'none' ? undefined : access;
}

export async function listCases(store: ReadStore, actor: Actor, filter: CaseFilter): Promise<CasePage> {
  const where = visibleCasesWhere(actor, filter);
  const all = [...(where.all ?? [])];
  if (filter.after !== undefined) all.push({ field: 'registeredAt', op: '<', value: filter.after });
  const found = await store.find<CaseRow>(CASES, {
    ...where,
    all,
    orderBy: [{ field: 'registeredAt', direction: 'desc' }],
    limit: filter.limit + 1,
  });
  const rows = found.slice(0, filter.limit).flatMap((row) => {
    const access = rowAccess(row, actor);
    return access === undefined ? [] : [{ row, access }];
  });
  const more = found.length > filter.limit;
  return { rows, next: more ? found[filter.limit - 1]!.registeredAt : null };
}

/**
 * One case as the reader may see it: participants and auditors get the case status in full (parties,
 * invitations with due dates and late/overdue state, risk, plan and escalation, outcome); an invitee
 * gets what the notice carries and its own invitations (the domain's `reducedCaseView`).
 */
export async function caseStatusView(
  store: ReadStore,
  row: CaseRow,
  access: RowAccess,
  actor: Actor,
  today: string,
) {
  const s = row.state;
  const overdueRefs = new Set(Object.values(row.overdueDeadlines).map((m) => `${m.kind}:${m.refId}`));
  const invitations = (
    access === 'invitee' ? reducedCaseView(s, actor.agency).invitations : s.invitations
  ).map((i) => ({
    invitationId: i.invitationId,
    from: i.from,
    to: i.to,
    article: i.article,
    noticeServedOn: i.noticeServedOn,
    replyDueBy: i.replyDeadline.dueBy,
    status: i.status,
    repliedOn: i.repliedOn,
    late: i.late,
    overdue: overdueRefs.has(`INVITATION_REPLY:${i.invitationId}`),
  }));
  const shared = {
    caseId: row.caseId,
    access,
    channel: s.channel,
    leadAgency: s.leadAgency,
    externalCaseNumber: s.externalCaseNumber,
    acceptedOn: s.acceptedOn,
    status: s.status,
    revision: row.revision,
    position: row.position,
    /** Art 4/7: invitations not yet answered — all of them on a full row, the reader's own on a reduced one. */
    openInvitations: invitations
      .filter((i) => i.status === 'open')
      .map((i) => ({ invitationId: i.invitationId, agency: i.to })),
    invitations,
  };
  if (access === 'invitee') {
    return { ...shared, view: 'reduced' as const, respondent: reducedCaseView(s, actor.agency).respondent };
  }
  const letters = await store.find<LetterRow>(LETTERS, {
    all: [{ field: 'caseId', op: '=', value: row.caseId }],
  });
  const end = s.closedOn ?? s.outcome?.decidedOn ?? today;
  return {
    ...shared,
    view: 'full' as const,
    stage: s.stage,
    participants: s.participants,
    parties: s.parties,
    respondent: s.respondent,
    lettersOutstanding: letters
      .filter((l) => l.state.status === 'issued' || l.state.status === 'served')
      .map((l) => ({
        letterId: l.letterId,
        status: l.status,
        responseDueBy: l.state.responseDueBy,
        overdue: l.overdue === 1,
      })),
    riskLevel: row.riskLevel,
    majorRisk: s.risk.majorRisk,
    preventionPlan: s.risk.plans[s.risk.plans.length - 1] ?? null,
    escalation: {
      due:
        s.risk.escalationDue === null
          ? null
          : { assessmentId: s.risk.escalationDue.assessmentId, dueBy: s.risk.escalationDue.dueBy },
      overdue:
        s.risk.escalationDue !== null &&
        overdueRefs.has(`RISK_ESCALATION:${s.risk.escalationDue.assessmentId}`),
      escalations: s.risk.escalations.map((e) => ({
        escalatedOn: e.escalatedOn,
        dueBy: e.dueBy,
        late: e.late,
      })),
    },
    overdue: row.overdue > 0,
    lastActivityOn: row.lastActivityOn,
    outcome: s.outcome === null ? null : { outcome: s.outcome.outcome, decidedOn: s.outcome.decidedOn },
    closedOn: s.closedOn,
    daysOpen: Math.max(0, daysBetween(s.acceptedOn, end < s.acceptedOn ? s.acceptedOn : end)),
  };
}

/** Open cases the reader takes part in (or audits) with no event for more than `days` days. */
export async function stuckCases(store: ReadStore, actor: Actor, today: string, days: number, limit: number) {
  const cutoff = addCalendarDays(today, -days);
  const where = visibleCasesWhere(actor, {}, true);
  const all = [
    ...(where.all ?? []),
    { field: 'status', op: '=', value: 'open' } as const,
    { field: 'lastActivityOn', op: '<', value: cutoff } as const,
  ];
  const rows = await store.find<CaseRow>(CASES, {
    ...where,
    all,
    // The key breaks ties, so every read store answers in the same order.
    orderBy: [
      { field: 'lastActivityOn', direction: 'asc' },
      { field: 'key', direction: 'asc' },
    ],
    limit,
  });
  return rows.map((row) => ({
    caseId: row.caseId,
    channel: row.channel,
    leadAgency: row.leadAgency,
    externalCaseNumber: row.state.externalCaseNumber,
    stage: row.stage,
    lastActivityOn: row.lastActivityOn,
    idleDays: daysBetween(row.lastActivityOn, today),
    overdue: row.overdue > 0,
  }));
}
