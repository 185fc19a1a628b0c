import { ATTENDANCE_KINDS, ORGAN_HEAD_ROLES, type CaseEvent } from '@accord/events';
import type { RecordAttendance, ReportAbsence, RequestParticipation } from '../case.commands';
import { caseError } from '../case.errors';
import {
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
import type { CaseState, RegisteredCase } from '../case.state';

/**
 * Art 12: asking the disputed organ's head to take part, attendance, and reporting an absence.
 */

export function requestParticipation(
  { data, metadata }: RequestParticipation,
  state: CaseState,
): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  const requestId = requireNewId(
    s.participationRequests.map((r) => r.requestId),
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
  const { s } = participantCase(state, data.caseId, metadata);
  const request = requestOf(s, data.requestId);
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
      },
    },
  ];
}

export function reportAbsence({ data, metadata }: ReportAbsence, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  // Art 12: 由县政府办报告县政府处理 — the government office reports, through a leader.
  if (agency !== 'GOV_OFFICE') throw caseError('ABSENCE_REPORT_NOT_GOV_OFFICE', { agency });
  requireLeadRole(metadata, 'ReportAbsence');
  const request = requestOf(s, data.requestId);
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
