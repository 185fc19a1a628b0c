import { RISK_LEVELS, type CaseEvent, type MajorRiskReason } from '@accord/events';
import type { AdoptPreventionPlan, AssessRisk, EscalateRisk } from '../case.commands';
import { caseError } from '../case.errors';
import {
  notBefore,
  participantCase,
  pastDate,
  requireBoolean,
  requireCount,
  requireLeadRole,
  requireNewId,
  requireOneOf,
  requireText,
  requireTextList,
  storedDeadline,
  today,
} from '../case.guards';
import type { CaseState } from '../case.state';

/**
 * Art 10: risk assessment, the prevention and handling plan, and the report to county leadership.
 */

export function assessRisk({ data, metadata }: AssessRisk, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const assessmentId = requireNewId(
    s.risk.assessments,
    (a) => a.assessmentId,
    data.assessmentId,
    'riskAssessment',
  );
  const level = requireOneOf(data.level, RISK_LEVELS, 'level');
  const peopleInvolved = requireCount(data.peopleInvolved, 'peopleInvolved', 1);
  const massIncidentRisk = requireBoolean(data.massIncidentRisk, 'massIncidentRisk');
  const factors = requireTextList(data.factors, 'factors');
  const assessedOn = pastDate(data.assessedOn, 'assessedOn', today(metadata));
  notBefore(assessedOn, 'assessedOn', s.acceptedOn, 'acceptedOn');
  const latest = s.risk.assessments[s.risk.assessments.length - 1];
  if (latest) notBefore(assessedOn, 'assessedOn', latest.assessedOn, 'previous risk assessment');
  // Art 10: 涉及人数众多、可能引发群体性事件等重大风险 — any one of these makes the case major risk.
  const majorRiskReasons: MajorRiskReason[] = [];
  if (level === 'MAJOR') majorRiskReasons.push('LEVEL_MAJOR');
  if (massIncidentRisk) majorRiskReasons.push('MASS_INCIDENT_RISK');
  if (peopleInvolved >= metadata.rules.majorRiskPeopleThreshold) majorRiskReasons.push('PEOPLE_THRESHOLD');
  const majorRisk = majorRiskReasons.length > 0;
  return [
    {
      type: 'RiskAssessed',
      data: {
        caseId: s.caseId,
        assessmentId,
        level,
        peopleInvolved,
        massIncidentRisk,
        factors,
        assessedOn,
        majorRisk,
        majorRiskReasons,
        // Art 10: 及时报告 — due within the rule set's period of the assessment.
        escalationDeadline: majorRisk
          ? storedDeadline(metadata.calendar.deadline(assessedOn, metadata.rules.majorRiskEscalation))
          : null,
        // Art 10 (v2): 制定防范和处置预案 — the plan is owed within the rule set's period of the assessment.
        ...(metadata.rules.preventionPlan
          ? {
              planDeadline: majorRisk
                ? storedDeadline(metadata.calendar.deadline(assessedOn, metadata.rules.preventionPlan))
                : null,
            }
          : {}),
      },
    },
  ];
}

export function adoptPreventionPlan({ data, metadata }: AdoptPreventionPlan, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const latest = s.risk.assessments[s.risk.assessments.length - 1];
  // Art 10: the plan answers an assessed risk.
  if (!latest) throw caseError('RISK_NOT_ASSESSED', { act: 'AdoptPreventionPlan' });
  const planId = requireNewId(s.risk.plans, (p) => p.planId, data.planId, 'plan');
  const adoptedOn = pastDate(data.adoptedOn, 'adoptedOn', today(metadata));
  notBefore(adoptedOn, 'adoptedOn', latest.assessedOn, 'risk assessment');
  const measures = requireTextList(data.measures, 'measures');
  if (measures.length === 0)
    throw caseError('CASE_INVALID_INPUT', { field: 'measures', problem: 'must name at least one measure' });
  return [
    {
      type: 'PreventionPlanAdopted',
      data: {
        caseId: s.caseId,
        planId,
        assessmentId: latest.assessmentId,
        adoptedOn,
        summary: requireText(data.summary, 'summary'),
        measures,
        // v2: tracked like the escalation — the date it was owed by, and whether it came after.
        ...(metadata.rules.preventionPlan
          ? {
              dueBy: s.risk.planDue?.dueBy ?? null,
              late: s.risk.planDue !== null && adoptedOn > s.risk.planDue.dueBy,
            }
          : {}),
      },
    },
  ];
}

export function escalateRisk({ data, metadata }: EscalateRisk, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  // Art 10: a report to the county party committee and government speaks for the agency: a leader makes it.
  requireLeadRole(metadata, 'EscalateRisk');
  const latest = s.risk.assessments[s.risk.assessments.length - 1];
  if (!latest) throw caseError('RISK_NOT_ASSESSED', { act: 'EscalateRisk' });
  const escalationId = requireNewId(
    s.risk.escalations,
    (e) => e.escalationId,
    data.escalationId,
    'escalation',
  );
  const due = s.risk.escalationDue;
  const basis = due
    ? (s.risk.assessments.find((a) => a.assessmentId === due.assessmentId) ?? latest)
    : latest;
  const escalatedOn = pastDate(data.escalatedOn, 'escalatedOn', today(metadata));
  notBefore(escalatedOn, 'escalatedOn', basis.assessedOn, 'risk assessment');
  return [
    {
      type: 'RiskEscalated',
      data: {
        caseId: s.caseId,
        escalationId,
        assessmentId: basis.assessmentId,
        escalatedOn,
        reportedTo: 'COUNTY_PARTY_COMMITTEE_AND_GOVERNMENT',
        summary: requireText(data.summary, 'summary'),
        // Reading: reporting a risk that is not major is allowed (Art 10 sets a floor, not a ceiling); nothing was due.
        majorRisk: due !== null || basis.majorRisk,
        dueBy: due ? due.dueBy : null,
        dueExplanation: due ? due.explanation : null,
        late: due !== null && escalatedOn > due.dueBy,
      },
    },
  ];
}
