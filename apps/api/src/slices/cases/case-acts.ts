import type { Slice } from '../slice';
import { AdoptPreventionPlanController } from './adopt-prevention-plan/adopt-prevention-plan.controller';
import { AssessEligibilityController } from './assess-eligibility/assess-eligibility.controller';
import { AssessRiskController } from './assess-risk/assess-risk.controller';
import { AssignMediatorController } from './assign-mediator/assign-mediator.controller';
import { AssignMediatorHandler } from './assign-mediator/assign-mediator.handler';
import { CaseVisibility } from './case-visibility';
import { CloseCaseController } from './close-case/close-case.controller';
import { CoordinateReliefController } from './coordinate-relief/coordinate-relief.controller';
import { EscalateRiskController } from './escalate-risk/escalate-risk.controller';
import { GetCaseHistoryController } from './get-case-history/get-case-history.controller';
import { GetCaseController } from './get-case/get-case.controller';
import { IssueInvitationController } from './issue-invitation/issue-invitation.controller';
import { LinkCaseController } from './link-case/link-case.controller';
import { ListCasesController } from './list-cases/list-cases.controller';
import { OpenResolutionController } from './open-resolution/open-resolution.controller';
import { RecordActivityController } from './record-activity/record-activity.controller';
import { RecordAttendanceController } from './record-attendance/record-attendance.controller';
import { RecordConsentController } from './record-consent/record-consent.controller';
import { RecordNonSupportDecisionController } from './record-non-support-decision/record-non-support-decision.controller';
import { RecordOutcomeController } from './record-outcome/record-outcome.controller';
import { RecordRiskFindingController } from './record-risk-finding/record-risk-finding.controller';
import { RegisterCaseController } from './register-case/register-case.controller';
import { ReplyToInvitationController } from './reply-to-invitation/reply-to-invitation.controller';
import { GetAbsenceController } from './report-absence/get-absence.controller';
import { ReportAbsenceController } from './report-absence/report-absence.controller';
import { RequestParticipationController } from './request-participation/request-participation.controller';
import { WithdrawInvitationController } from './withdraw-invitation/withdraw-invitation.controller';

/**
 * The one registration list of the case routes. A case act is one line here (its controller, which
 * sends a generic `Decide` through `decideCase`); an act that reads facts before deciding also lists
 * its own handler under `providers`.
 */
export const CASE_SLICE: Slice = {
  controllers: [
    GetCaseController,
    GetCaseHistoryController,
    ListCasesController,
    GetAbsenceController,
    RegisterCaseController,
    AssessEligibilityController,
    OpenResolutionController,
    RecordActivityController,
    LinkCaseController,
    RecordNonSupportDecisionController,
    RecordRiskFindingController,
    RecordConsentController,
    IssueInvitationController,
    ReplyToInvitationController,
    WithdrawInvitationController,
    AssignMediatorController,
    AssessRiskController,
    AdoptPreventionPlanController,
    EscalateRiskController,
    RequestParticipationController,
    RecordAttendanceController,
    ReportAbsenceController,
    CoordinateReliefController,
    RecordOutcomeController,
    CloseCaseController,
  ],
  providers: [
    // Art 17: the read gate every case read goes through.
    CaseVisibility,
    // Reads the mediator pool before deciding (Art 13).
    AssignMediatorHandler,
  ],
};
