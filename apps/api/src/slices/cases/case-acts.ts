import type { Slice } from '../slice';
import { adoptPreventionPlan } from './adopt-prevention-plan';
import { assessRisk } from './assess-risk';
import { assignMediator } from './assign-mediator';
import { closeCase } from './close-case';
import { coordinateRelief } from './coordinate-relief';
import { escalateRisk } from './escalate-risk';
import { issueInvitation } from './issue-invitation';
import { linkCase } from './link-case';
import { recordAttendance } from './record-attendance';
import { recordConsent } from './record-consent';
import { recordNonSupportDecision } from './record-non-support-decision';
import { recordOutcome } from './record-outcome';
import { recordRiskFinding } from './record-risk-finding';
import { replyToInvitation } from './reply-to-invitation';
import { reportAbsence } from './report-absence';
import { requestParticipation } from './request-participation';
import { withdrawInvitation } from './withdraw-invitation';

/** The case acts of the Measures beyond registration, eligibility, resolution and activities. */
export const CASE_ACT_SLICES: readonly Slice[] = [
  linkCase,
  recordNonSupportDecision,
  recordRiskFinding,
  recordConsent,
  issueInvitation,
  replyToInvitation,
  withdrawInvitation,
  assignMediator,
  assessRisk,
  adoptPreventionPlan,
  escalateRisk,
  requestParticipation,
  recordAttendance,
  reportAbsence,
  coordinateRelief,
  recordOutcome,
  closeCase,
];
