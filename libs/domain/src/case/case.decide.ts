import type { CaseEvent } from '@accord/events';
import { registerCase, linkCase, recordNonSupportDecision } from './acts/registration';
import { assessEligibility, openResolution } from './acts/eligibility';
import {
  issueInvitation,
  recordRiskFinding,
  replyToInvitation,
  withdrawInvitation,
} from './acts/invitations';
import { recordConsent, recordActivity, coordinateRelief } from './acts/resolution';
import { assignMediator } from './acts/mediator-assignment';
import { assessRisk, adoptPreventionPlan, escalateRisk } from './acts/risk';
import { requestParticipation, recordAttendance, reportAbsence } from './acts/participation';
import { recordOutcome, closeCase } from './acts/outcome';
import type { CaseCommand } from './case.commands';
import type { CaseState } from './case.state';

/** Decides a case command: the events it produces, or a RuleError naming the rule it breaks. */
export function decideCase(command: CaseCommand, state: CaseState): readonly CaseEvent[] {
  switch (command.type) {
    case 'RegisterCase':
      return registerCase(command, state);
    case 'LinkCase':
      return linkCase(command, state);
    case 'RecordNonSupportDecision':
      return recordNonSupportDecision(command, state);
    case 'RecordRiskFinding':
      return recordRiskFinding(command, state);
    case 'AssessEligibility':
      return assessEligibility(command, state);
    case 'OpenResolution':
      return openResolution(command, state);
    case 'RecordConsent':
      return recordConsent(command, state);
    case 'IssueInvitation':
      return issueInvitation(command, state);
    case 'ReplyToInvitation':
      return replyToInvitation(command, state);
    case 'WithdrawInvitation':
      return withdrawInvitation(command, state);
    case 'RecordActivity':
      return recordActivity(command, state);
    case 'AssignMediator':
      return assignMediator(command, state);
    case 'AssessRisk':
      return assessRisk(command, state);
    case 'AdoptPreventionPlan':
      return adoptPreventionPlan(command, state);
    case 'EscalateRisk':
      return escalateRisk(command, state);
    case 'RequestParticipation':
      return requestParticipation(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'ReportAbsence':
      return reportAbsence(command, state);
    case 'CoordinateRelief':
      return coordinateRelief(command, state);
    case 'RecordOutcome':
      return recordOutcome(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
