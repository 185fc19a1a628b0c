import fc from 'fast-check';
import type { Actor } from '@accord/events';
import { spec } from '../testing/decider-spec';
import { assertFoldProperties } from '../testing/fold-properties';
import { auditor, courtClerk, govClerk, metadata, procClerk } from '../agency/testing';
import { isJointMeeting, meetingDecider, type MeetingCommand } from './meeting.decider';
import { ATTENDEES, meetingRecorded, recordMeeting } from './testing';

const meeting = spec(meetingDecider);
const SPECIAL = {
  kind: 'SPECIAL' as const,
  cases: ['case-2024-031'],
  specialReason: {
    grounds: ['MAJOR' as const, 'SENSITIVE' as const],
    explanation: '40 households, media attention.',
  },
};
/** What the handler read of the special meeting's case: it exists and the convener takes part. */
const KNOWN = { caseFacts: { 'case-2024-031': { exists: true, convenerTakesPart: true } } };
const courtAndProc = ATTENDEES.slice(0, 2);

describe('meetings (Art 14)', () => {
  it('a regular joint meeting is recorded by the convening agency, with attendees and conclusions', () => {
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16'))
      .thenEvents((events, state) => {
        expect(events).toEqual([meetingRecorded('2024-12-16')]);
        expect(state).toMatchObject({
          status: 'recorded',
          convenedBy: 'COURT',
          agenciesPresent: ['COURT', 'PROCURATORATE', 'GOV_OFFICE'],
        });
      });
  });

  it('a meeting is joint only once every agency listed has acknowledged its attendance itself (issue 8)', () => {
    const ack = (by: Actor, on: string) => ({
      type: 'AcknowledgeAttendance' as const,
      data: { meetingId: 'meeting-2024-q4', acknowledgedOn: on },
      metadata: metadata(by, on),
    });
    const recorded = meetingRecorded('2024-12-16', { attendees: courtAndProc });
    meeting
      .given([recorded])
      .when(ack(procClerk, '2024-12-17'))
      .thenEvents((events, state) => {
        expect(events).toEqual([
          {
            type: 'MeetingAttendanceAcknowledged',
            data: { meetingId: 'meeting-2024-q4', agency: 'PROCURATORATE', acknowledgedOn: '2024-12-17' },
          },
        ]);
        expect(isJointMeeting(state)).toBe(true);
      });
    // The convener's own listing is not the other agency's act.
    meeting
      .given([recorded])
      .when(ack(courtClerk, '2024-12-17'))
      .thenThrows('MEETING_ATTENDANCE_ALREADY_ACKNOWLEDGED');
    // An agency not listed learns nothing of the meeting.
    meeting.given([recorded]).when(ack(govClerk, '2024-12-17')).thenThrows('MEETING_NOT_FOUND');
    meeting.given([]).when(ack(govClerk, '2024-12-17')).thenThrows('MEETING_NOT_FOUND');
    meeting
      .given([recorded])
      .when(ack(procClerk, '2024-12-15'))
      .thenThrows('MEETING_ACKNOWLEDGED_BEFORE_HELD');
    meeting.given([recorded]).when(ack(auditor, '2024-12-17')).thenThrows('MEETING_AUDITOR_READ_ONLY');
  });

  it('two of the three agencies suffice; one does not', () => {
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16', { attendees: courtAndProc }))
      .then([meetingRecorded('2024-12-16', { attendees: courtAndProc })]);
    meeting
      .given([])
      .when(
        recordMeeting(courtClerk, '2024-12-16', {
          attendees: [ATTENDEES[0], { agency: 'ORGAN:LS-NRB', staffId: 'nrb-1', name: '吴某 Wu' }],
        }),
      )
      .thenThrows('MEETING_TOO_FEW_AGENCIES');
  });

  it('organ representatives may attend besides the agencies', () => {
    const attendees = [
      ...courtAndProc,
      { agency: 'ORGAN:LS-NRB' as const, staffId: 'nrb-1', name: '吴某 Wu' },
    ];
    meeting
      .given([])
      .when(recordMeeting(procClerk, '2024-12-16', { attendees }))
      .then([meetingRecorded('2024-12-16', { attendees, convenedBy: 'PROCURATORATE' })]);
  });

  it('the convening agency attends its own meeting', () => {
    meeting
      .given([])
      .when(recordMeeting(govClerk, '2024-12-16', { attendees: courtAndProc }))
      .thenThrows('MEETING_CONVENER_ABSENT');
  });

  it('a special meeting names its cases and why they are major, sensitive or difficult', () => {
    meeting
      .given([])
      .when(recordMeeting(govClerk, '2024-12-16', { ...SPECIAL, ...KNOWN }))
      .then([meetingRecorded('2024-12-16', { ...SPECIAL, convenedBy: 'GOV_OFFICE' })]);
    meeting
      .given([])
      .when(recordMeeting(govClerk, '2024-12-16', { ...SPECIAL, cases: [] }))
      .thenThrows('MEETING_SPECIAL_NEEDS_CASE');
    meeting
      .given([])
      .when(recordMeeting(govClerk, '2024-12-16', { ...SPECIAL, ...KNOWN, specialReason: null }))
      .thenThrows('MEETING_SPECIAL_NEEDS_REASON');
    meeting
      .given([])
      .when(
        recordMeeting(govClerk, '2024-12-16', {
          ...SPECIAL,
          ...KNOWN,
          specialReason: { grounds: [], explanation: 'x' },
        }),
      )
      .thenThrows('MEETING_SPECIAL_NEEDS_REASON');
  });

  it('names only cases that exist and that the convener takes part in, and says the same of both (Art 14, Art 17)', () => {
    const naming = (caseFacts: Record<string, { exists: boolean; convenerTakesPart: boolean }> | undefined) =>
      recordMeeting(courtClerk, '2024-12-16', {
        cases: ['case-2024-031', 'case-2024-032'],
        ...(caseFacts === undefined ? {} : { caseFacts }),
      });
    const own = { exists: true, convenerTakesPart: true };
    meeting
      .given([])
      .when(naming({ 'case-2024-031': own, 'case-2024-032': own }))
      .then([meetingRecorded('2024-12-16', { cases: ['case-2024-031', 'case-2024-032'] })]);
    for (const second of [
      { exists: false, convenerTakesPart: false },
      { exists: true, convenerTakesPart: false },
    ]) {
      meeting
        .given([])
        .when(naming({ 'case-2024-031': own, 'case-2024-032': second }))
        .thenThrows('MEETING_CASE_NOT_FOUND', { caseId: 'case-2024-032' });
    }
    // Nothing read of a case (a caller that skipped the handler) is no licence to name it.
    meeting
      .given([])
      .when(naming(undefined))
      .thenThrows('MEETING_CASE_NOT_FOUND', { caseId: 'case-2024-031' });
    meeting
      .given([])
      .when(naming({ 'case-2024-031': own }))
      .thenThrows('MEETING_CASE_NOT_FOUND', { caseId: 'case-2024-032' });
    // An id that happens to name an Object.prototype member is just an unknown case.
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16', { cases: ['constructor'], caseFacts: {} }))
      .thenThrows('MEETING_CASE_NOT_FOUND', { caseId: 'constructor' });
  });

  it('a regular meeting states no special reason', () => {
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16', { specialReason: SPECIAL.specialReason }))
      .thenThrows('MEETING_INVALID_INPUT', { field: 'specialReason' });
  });

  it('a meeting record states its conclusions', () => {
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16', { conclusions: [] }))
      .thenThrows('MEETING_NO_CONCLUSIONS');
  });

  it('the same person is not listed twice', () => {
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16', { attendees: [...ATTENDEES, ATTENDEES[0]] }))
      .thenThrows('MEETING_INVALID_INPUT', { field: 'attendees' });
  });

  it('organs do not convene; auditors never write', () => {
    const organ: Actor = { agency: 'ORGAN:LS-NRB', staffId: 'x', role: 'lead' };
    meeting.given([]).when(recordMeeting(organ, '2024-12-16')).thenThrows('MEETING_CONVENER_NOT_AGENCY');
    meeting.given([]).when(recordMeeting(auditor, '2024-12-16')).thenThrows('MEETING_AUDITOR_READ_ONLY');
  });

  it('a meeting is recorded once held, and once', () => {
    meeting
      .given([])
      .when(recordMeeting(courtClerk, '2024-12-16', { heldOn: '2024-12-17' }))
      .thenThrows('MEETING_DATE_IN_FUTURE');
    meeting
      .given([meetingRecorded('2024-12-16')])
      .when(recordMeeting(courtClerk, '2024-12-17'))
      .thenThrows('MEETING_ALREADY_RECORDED');
  });

  it('property: fold is deterministic and evolve never mutates', () => {
    const step = fc.tuple(
      fc.constantFrom<Actor>(courtClerk, govClerk, auditor),
      fc.subarray([...ATTENDEES]),
      fc.boolean(),
    );
    const commands = fc
      .array(step, { maxLength: 4 })
      .map((steps) =>
        steps.map(([a, attendees, special]): MeetingCommand =>
          recordMeeting(a, '2024-12-16', special ? { ...SPECIAL, attendees } : { attendees }),
        ),
      );
    assertFoldProperties(meetingDecider, commands, { minAccepted: 1 });
  });
});
