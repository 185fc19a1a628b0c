import {
  ATTENDANCE_KINDS,
  ORGAN_HEAD_ROLES,
  type ActorAgency,
  type Agency,
  type CaseEvent,
  type LegalDate,
} from '@accord/events';
import type { CommandMetadata } from '../../shared/command';
import type { RecordAttendance, ReportAbsence, RequestParticipation } from '../case.commands';
import { caseError } from '../case.errors';
import {
  requireActingAgency,
  notBefore,
  participantCase,
  pastDate,
  requireDate,
  requireLeadRole,
  requireNewId,
  requireOneOf,
  requireText,
  today,
} from '../case.guards';
import { caseAccess, type CaseState, type ParticipationRequest, type RegisteredCase } from '../case.state';

/**
 * Art 12: asking the disputed organ's head to take part, attendance, and reporting an absence.
 */

export function requestParticipation(
  { data, metadata }: RequestParticipation,
  state: CaseState,
): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  const requestId = requireNewId(
    s.participationRequests,
    (r) => r.requestId,
    data.requestId,
    'participationRequest',
  );
  const requestedOn = pastDate(data.requestedOn, 'requestedOn', today(metadata));
  notBefore(requestedOn, 'requestedOn', s.acceptedOn, 'acceptedOn');
  const sessionOn = requireDate(data.sessionOn, 'sessionOn');
  notBefore(sessionOn, 'sessionOn', requestedOn, 'requestedOn');
  return [
    {
      type: 'ParticipationRequested',
      data: {
        caseId: s.caseId,
        requestId,
        requestedBy: agency,
        // Art 12: the request goes to the organ whose act is disputed, for its principal or deputy head.
        organ: s.respondent,
        requestedOn,
        sessionOn,
        purpose: requireText(data.purpose, 'purpose'),
      },
    },
  ];
}

function requestOf(s: RegisteredCase, requestId: unknown) {
  const request = s.participationRequests.find((r) => r.requestId === requestId);
  if (!request) throw caseError('PARTICIPATION_REQUEST_NOT_FOUND', { requestId });
  return request;
}

export function recordAttendance({ data, metadata }: RecordAttendance, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  const request = requestOf(s, data.requestId);
  // Art 12 (v2): the agency that notified the organ records whether its head came.
  const asWritten = metadata.rules.absence === 'AS_WRITTEN';
  if (asWritten && request.requestedBy !== agency) {
    throw caseError('ATTENDANCE_NOT_NOTIFYING_AGENCY', { requestedBy: request.requestedBy, agency });
  }
  if (request.attendance) throw caseError('ATTENDANCE_ALREADY_RECORDED', { requestId: request.requestId });
  const todayDate = today(metadata);
  if (todayDate < request.sessionOn) {
    throw caseError('ATTENDANCE_BEFORE_SESSION', { sessionOn: request.sessionOn, today: todayDate });
  }
  const attendance = requireOneOf(data.attendance, ATTENDANCE_KINDS, 'attendance');
  const attendee = data.attendee ?? null;
  const justification = data.justification ?? null;
  // Art 12: 主要负责人或分管负责人 — only the principal or deputy head counts as the organ's head attending.
  const valid =
    attendance === 'ATTENDED'
      ? attendee !== null &&
        typeof attendee.name === 'string' &&
        attendee.name.trim() !== '' &&
        (ORGAN_HEAD_ROLES as readonly unknown[]).includes(attendee.role) &&
        justification === null
      : attendance === 'ABSENT_JUSTIFIED'
        ? attendee === null && typeof justification === 'string' && justification.trim() !== ''
        : attendee === null && justification === null;
  if (!valid) throw caseError('ATTENDANCE_DETAILS_INVALID', { attendance });
  return [
    {
      type: 'AttendanceRecorded',
      data: {
        caseId: s.caseId,
        requestId: request.requestId,
        attendance,
        attendee: attendee && { name: attendee.name, role: attendee.role },
        justification,
        sessionOn: request.sessionOn,
        ...(asWritten ? { recordedBy: agency } : {}),
      },
    },
  ];
}

export function reportAbsence({ data, metadata }: ReportAbsence, state: CaseState): CaseEvent[] {
  const asWritten = metadata.rules.absence === 'AS_WRITTEN';
  // Art 12 (v2): 由县政府办报告县政府处理 — whether or not the government office takes part in the case;
  // it sees only the absence it reports (absenceViewFor). Under v1 it had to take part.
  const { s, agency } = asWritten
    ? reporterCase(state, data.caseId, metadata)
    : participantCase(state, data.caseId, metadata);
  if (agency !== 'GOV_OFFICE') throw caseError('ABSENCE_REPORT_NOT_GOV_OFFICE', { agency });
  requireLeadRole(metadata, 'ReportAbsence');
  const request = asWritten ? reportableRequest(s, agency, data.requestId) : requestOf(s, data.requestId);
  if (request.attendance?.kind !== 'ABSENT_UNJUSTIFIED') {
    throw caseError('ABSENCE_NOT_UNJUSTIFIED', {
      requestId: request.requestId,
      attendance: request.attendance?.kind ?? null,
    });
  }
  if (request.absenceReport) {
    throw caseError('ABSENCE_ALREADY_REPORTED', {
      requestId: request.requestId,
      reportedOn: request.absenceReport.reportedOn,
    });
  }
  const reportedOn = pastDate(data.reportedOn, 'reportedOn', today(metadata));
  notBefore(reportedOn, 'reportedOn', request.sessionOn, 'sessionOn');
  return [
    {
      type: 'AbsenceReported',
      data: {
        caseId: s.caseId,
        requestId: request.requestId,
        organ: request.organ,
        reportedOn,
        reportedTo: 'COUNTY_GOVERNMENT',
        note: data.note ?? '',
      },
    },
  ];
}

/** The gate of the v2 report: the case exists; taking part is not required (Art 12). */
function reporterCase(
  state: CaseState,
  caseId: string,
  metadata: CommandMetadata,
): { readonly s: RegisteredCase; readonly agency: Agency } {
  const agency = requireActingAgency(metadata);
  if (state.status === 'none' || state.caseId !== caseId) throw caseError('CASE_NOT_FOUND', { caseId });
  if (agency === 'GOV_OFFICE') return { s: state, agency };
  // Anyone else reaches the same refusal as before, through the usual gate (Art 17).
  return participantCase(state, caseId, metadata);
}

/** A request the agency may see: any, for a participant; one whose organ head was absent without good reason, else. */
function reportableRequest(s: RegisteredCase, agency: Agency, requestId: unknown): ParticipationRequest {
  const request = s.participationRequests.find((r) => r.requestId === requestId);
  if (!request || (caseAccess(s, agency) !== 'participant' && !isReportable(request))) {
    throw caseError('PARTICIPATION_REQUEST_NOT_FOUND', { requestId });
  }
  return request;
}

function isReportable(request: ParticipationRequest): boolean {
  return request.attendance?.kind === 'ABSENT_UNJUSTIFIED';
}

/** What the government office sees of an absence it is to report (Art 12, Art 17): the notice, the absence, the organ. */
export interface AbsenceView {
  readonly caseId: string;
  readonly requestId: string;
  readonly requestedBy: Agency;
  readonly organ: ParticipationRequest['organ'];
  readonly requestedOn: LegalDate;
  readonly sessionOn: LegalDate;
  readonly attendance: 'ABSENT_UNJUSTIFIED';
  readonly absenceReport: ParticipationRequest['absenceReport'];
}

/**
 * The absence facts of one participation request, for an agency that is to report it: the
 * government office (whether or not it takes part), or a participant. Null when it may not see them.
 */
export function absenceViewFor(state: CaseState, agency: ActorAgency, requestId: string): AbsenceView | null {
  if (state.status === 'none') return null;
  const request = state.participationRequests.find((r) => r.requestId === requestId);
  if (!request || request.attendance?.kind !== 'ABSENT_UNJUSTIFIED') return null;
  if (agency !== 'GOV_OFFICE' && caseAccess(state, agency) !== 'participant') return null;
  return {
    caseId: state.caseId,
    requestId: request.requestId,
    requestedBy: request.requestedBy,
    organ: request.organ,
    requestedOn: request.requestedOn,
    sessionOn: request.sessionOn,
    attendance: 'ABSENT_UNJUSTIFIED',
    absenceReport: request.absenceReport,
  };
}
