import type {
  CaseChannel,
  DeadlineOverdue,
  LegalDate,
  StoredDeadline,
  WatchedDeadlineKind,
} from '@accord/events';
import { WEEKENDS_ONLY_SOURCE } from '../calendar/calendar';
import type { Deadline, LegalCalendar } from '../calendar/legal-calendar';
import type { CaseState } from '../case/case.state';
import type { LetterState } from '../letter/letter.decider';
import { CURRENT_RULES, type NoticePeriodStart, ruleSetByVersion } from '../rules/rule-set';

/** A watched period as the read side knows it (the deadlines read model). */
export interface WatchedPeriod {
  readonly deadlineId: string;
  readonly kind: WatchedDeadlineKind;
  readonly caseId: string | null;
  readonly letterId: string | null;
  readonly refId: string;
  readonly owner: DeadlineOverdue['data']['owner'];
  readonly subjectStreamId: string;
  readonly recordedDueBy: LegalDate;
  readonly explanation: StoredDeadline;
}

/** The due date counted again, from the same start and rule, with the calendar in force now. */
export function recountDeadline(
  calendar: LegalCalendar,
  recorded: StoredDeadline,
): Deadline & { provisional: boolean } {
  const deadline = calendar.deadline(recorded.start, {
    name: recorded.rule,
    article: recorded.article,
    days: recorded.days,
    counting: recorded.counting,
  });
  // A year counted on weekends only has no official schedule yet: the date may still move.
  const provisional = deadline.explanation.sources.some((s) => s.includes(WEEKENDS_ONLY_SOURCE));
  return { ...deadline, provisional };
}

/**
 * Arts 4–7: which recorded fact starts a case's notice period, by the rule set the fact was recorded
 * under (an unknown version: the rules in force). The period is watched from that fact until a notice
 * is served or the case ends; inviting stays optional, so its alarm only tells staff the window passed.
 */
export function startsNoticePeriod(
  fact: NoticePeriodStart,
  channel: CaseChannel,
  ruleSetVersion: string,
): boolean {
  const rules = ruleSetByVersion(ruleSetVersion) ?? CURRENT_RULES;
  return rules.noticePeriodStart[channel] === fact;
}

/** Arts 4/7: the notice period from its start, by the rule set's count (the same rule the decider applies). */
export function countNoticePeriod(
  calendar: LegalCalendar,
  ruleSetVersion: string,
  start: LegalDate,
): Deadline {
  const rules = ruleSetByVersion(ruleSetVersion) ?? CURRENT_RULES;
  return calendar.deadline(start, rules.invitationNotice);
}

/** Whether the period is still open in its subject, as the subject's own decider folded it. */
export function periodStillOpen(
  period: Pick<WatchedPeriod, 'kind' | 'refId'>,
  subject: CaseState | LetterState,
): boolean {
  if (subject.status === 'none') return false;
  switch (period.kind) {
    case 'INVITATION_NOTICE':
      // Any written notice served closes it (late ones too: v2 records them); so does the case's end.
      return (
        'invitations' in subject &&
        subject.status === 'open' &&
        subject.invitations.length === 0 &&
        subject.outcome === null
      );
    case 'PREVENTION_PLAN':
      return (
        'risk' in subject && subject.status === 'open' && subject.risk.planDue?.assessmentId === period.refId
      );
    case 'INVITATION_REPLY':
      return (
        'invitations' in subject &&
        subject.invitations.some((i) => i.invitationId === period.refId && i.status === 'open')
      );
    case 'RISK_ESCALATION':
      return 'risk' in subject && subject.risk.escalationDue?.assessmentId === period.refId;
    case 'LETTER_RESPONSE':
      return 'letterId' in subject && subject.status === 'served';
    default: {
      const _exhaustive: never = period.kind;
      return _exhaustive;
    }
  }
}

/**
 * Art 4/7, 8, 10: a period is overdue the day after its due date, counted with the calendar in
 * force today, while nothing has closed it. Returns the alarm to record, or null (not yet, or closed).
 */
export function decideOverdue(
  period: WatchedPeriod,
  subject: CaseState | LetterState,
  subjectRevision: number,
  today: LegalDate,
  calendar: LegalCalendar,
): DeadlineOverdue | null {
  if (!periodStillOpen(period, subject)) return null;
  const due = recountDeadline(calendar, period.explanation);
  if (today <= due.dueBy) return null;
  return {
    type: 'DeadlineOverdue',
    data: {
      deadlineId: period.deadlineId,
      kind: period.kind,
      caseId: period.caseId,
      letterId: period.letterId,
      refId: period.refId,
      owner: period.owner,
      dueBy: due.dueBy,
      recordedDueBy: period.recordedDueBy,
      explanation: due.explanation,
      detectedOn: today,
      subjectStreamId: period.subjectStreamId,
      subjectRevision,
    },
  };
}
