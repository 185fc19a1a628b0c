import type { Actor } from '@accord/events';
import { caseReadAccess, caseReadingFor, caseVisibleToCommand } from './case/case.visibility';
import {
  issueInvitation,
  linkCase,
  recordAttendance,
  recorded,
  registerCase,
  reportAbsence,
  requestParticipation,
  stateOf,
  withGovOffice,
} from './case/testing';
import { canSeeLetter } from './letter/letter.visibility';
import { letterDecider } from './letter/letter.decider';
import { letterIssued } from './letter/testing';
import { canSeePool } from './mediator/mediator.visibility';
import { canSeeMeeting } from './meeting/meeting.visibility';
import { meetingDecider } from './meeting/meeting.decider';
import { meetingRecorded } from './meeting/testing';
import { canSeeRegister } from './register/register.visibility';

const reader = (agency: Actor['agency'], role: Actor['role'] = 'clerk') => ({ agency, role, staffId: 's' });
const ORGAN = 'ORG-411423-ZRZY';

describe('Art 17: who reads and writes what (the rules the API applies)', () => {
  const invited = stateOf(recorded(registerCase(), issueInvitation()));

  it('a case: the lead takes part, an open invitee is an invitee, auditors read all, others nothing', () => {
    expect(caseReadAccess(invited, reader('COURT'))).toBe('participant');
    expect(caseReadAccess(invited, reader('GOV_OFFICE'))).toBe('invitee');
    expect(caseReadAccess(invited, reader('PROCURATORATE', 'auditor'))).toBe('auditor');
    expect(caseReadAccess(invited, reader('PROCURATORATE'))).toBeUndefined();
    expect(caseReadAccess(invited, reader(`ORGAN:${ORGAN}`))).toBeUndefined();
    // A case that does not exist is seen by nobody, auditors included.
    expect(caseReadAccess(stateOf([]), reader('COURT', 'auditor'))).toBeUndefined();
  });

  it('an invitee is shown the reduced case and never the history; others what they ask', () => {
    expect(caseReadingFor('invitee', 'full')).toBe('reduced');
    expect(caseReadingFor('invitee', 'reduced')).toBe('reduced');
    expect(caseReadingFor('invitee', 'history')).toBeUndefined();
    for (const access of ['participant', 'auditor'] as const)
      for (const wanted of ['full', 'reduced', 'history'] as const)
        expect(caseReadingFor(access, wanted)).toBe(wanted);
    expect(caseReadingFor(undefined, 'full')).toBeUndefined();
  });

  it('a write on a case is visible to whoever may see it, and an absence report to the government office', () => {
    expect(caseVisibleToCommand(invited, reader('GOV_OFFICE'), linkCase())).toBe(true);
    expect(caseVisibleToCommand(invited, reader('PROCURATORATE'), linkCase())).toBe(false);
    const absent = stateOf(
      recorded(
        registerCase(),
        requestParticipation(),
        recordAttendance({ attendance: 'ABSENT_UNJUSTIFIED', attendee: null, justification: null }),
      ),
    );
    expect(
      caseVisibleToCommand(absent, reader('GOV_OFFICE'), reportAbsence({}, { agency: 'GOV_OFFICE' })),
    ).toBe(true);
    expect(caseVisibleToCommand(absent, reader('GOV_OFFICE'), linkCase({}, { agency: 'GOV_OFFICE' }))).toBe(
      false,
    );
    expect(caseVisibleToCommand(stateOf(withGovOffice()), reader('GOV_OFFICE'), linkCase())).toBe(true);
  });

  it('a letter: its issuer, the organ addressed and auditors; nobody else, and nobody a letter that does not exist', () => {
    const letter = letterDecider.evolve(letterDecider.initialState(), letterIssued('2024-10-08'));
    expect(canSeeLetter(letter, reader('COURT'))).toBe(true);
    expect(canSeeLetter(letter, reader('ORGAN:LS-NRB'))).toBe(true);
    expect(canSeeLetter(letter, reader('GOV_OFFICE', 'auditor'))).toBe(true);
    expect(canSeeLetter(letter, reader('GOV_OFFICE'))).toBe(false);
    expect(canSeeLetter(letter, reader(`ORGAN:${ORGAN}`))).toBe(false);
    expect(canSeeLetter(letterDecider.initialState(), reader('COURT', 'auditor'))).toBe(false);
  });

  it('a meeting: the agencies that sat in it and auditors, never an organ', () => {
    const meeting = meetingDecider.evolve(meetingDecider.initialState(), meetingRecorded('2024-10-08'));
    expect(meeting.status).not.toBe('none');
    const present = meeting.status === 'none' ? [] : meeting.agenciesPresent;
    for (const agency of present) expect(canSeeMeeting(meeting, reader(agency))).toBe(true);
    expect(canSeeMeeting(meeting, reader(`ORGAN:${ORGAN}`))).toBe(false);
    expect(canSeeMeeting(meeting, reader(`ORGAN:${ORGAN}`, 'auditor'))).toBe(true);
    expect(canSeeMeeting(meetingDecider.initialState(), reader('COURT'))).toBe(false);
  });

  it('the mediator pool and the register: the three agencies and auditors, never an organ', () => {
    for (const see of [canSeePool, canSeeRegister]) {
      expect(see(reader('COURT'))).toBe(true);
      expect(see(reader('GOV_OFFICE'))).toBe(true);
      expect(see(reader(`ORGAN:${ORGAN}`))).toBe(false);
      expect(see(reader(`ORGAN:${ORGAN}`, 'auditor'))).toBe(true);
    }
  });
});
