import fc from 'fast-check';
import type { Actor, Agency } from '@accord/events';
import { spec } from '../testing/decider-spec';
import { assertFoldProperties } from '../testing/fold-properties';
import {
  sometimes,
  auditor,
  courtClerk,
  courtLead,
  govClerk,
  govLead,
  procClerk,
  procLead,
} from '../agency/testing';
import { flagsInForce, partyRegisterDecider, type PartyRegisterCommand } from '.';
import {
  FLAG_ID,
  PARTY,
  PARTY_ID,
  addNote,
  confirmFlag,
  contestDecided,
  contestFlag,
  decideContest,
  expireFlag,
  flagConfirmed,
  flagContested,
  flagExpired,
  flagProposed,
  flagWithdrawn,
  noteAdded,
  notifyParty,
  partyNotified,
  partyRecorded,
  proposeFlag,
  withdrawFlag,
} from './testing';

const register = spec(partyRegisterDecider);
const ORGAN: Actor = { agency: 'ORGAN:LS-NRB', staffId: 'nrb', role: 'clerk' };

// Worked timeline: proposed by the court, confirmed by the procuratorate on Tue 8 Oct 2024, the day
// after the National Day holiday.
const proposed = [partyRecorded(), flagProposed('2024-09-27')];
const confirmed = [...proposed, flagConfirmed('2024-10-08', '2025-10-09')];
const notified = [...confirmed, partyNotified('2024-10-10')];
const contested = [...notified, flagContested('2024-10-15')];
const rejected = [...contested, contestDecided('2024-10-25', 'REJECTED')];

describe('party register (Art 11)', () => {
  describe('integrity notes', () => {
    it("the first note records the party's identity, then the note", () => {
      register
        .given([])
        .when(addNote(courtClerk, '2024-09-02'))
        .then([partyRecorded(), noteAdded('2024-09-02')]);
    });

    it('later notes need not repeat the identity', () => {
      register
        .given([partyRecorded(), noteAdded('2024-09-02')])
        .when(addNote(govClerk, '2024-09-03', { noteId: 'note-2', polarity: 'POSITIVE', party: undefined }))
        .then([noteAdded('2024-09-03', { noteId: 'note-2', polarity: 'POSITIVE', notedBy: 'GOV_OFFICE' })]);
    });

    it('the first entry must say who the party is', () => {
      register
        .given([])
        .when(addNote(courtClerk, '2024-09-02', { party: undefined }))
        .thenThrows('REGISTER_PARTY_IDENTITY_REQUIRED');
    });

    it('an entry naming a different party is refused', () => {
      register
        .given([partyRecorded()])
        .when(addNote(courtClerk, '2024-09-02', { party: { kind: 'LEGAL_PERSON', name: 'Other Co.' } }))
        .thenThrows('REGISTER_PARTY_MISMATCH');
      register
        .given([partyRecorded()])
        .when(addNote(courtClerk, '2024-09-02', { partyId: 'party-9999' }))
        .thenThrows('REGISTER_PARTY_MISMATCH');
    });

    it('a note names the case it rests on', () => {
      register
        .given([])
        .when(addNote(courtClerk, '2024-09-02', { caseRef: '' }))
        .thenThrows('REGISTER_INVALID_INPUT', {
          field: 'caseRef',
        });
    });

    it('note ids are unique', () => {
      register
        .given([partyRecorded(), noteAdded('2024-09-02')])
        .when(addNote(courtClerk, '2024-09-03'))
        .thenThrows('REGISTER_NOTE_DUPLICATE');
    });

    it('only the three agencies write the register; auditors and organs do not', () => {
      register.given([]).when(addNote(auditor, '2024-09-02')).thenThrows('REGISTER_AUDITOR_READ_ONLY');
      register.given([]).when(addNote(ORGAN, '2024-09-02')).thenThrows('REGISTER_ACTOR_NOT_AGENCY');
    });

    it('a note cannot be dated after today', () => {
      register
        .given([])
        .when(addNote(courtClerk, '2024-09-02', { notedOn: '2024-09-03' }))
        .thenThrows('REGISTER_DATE_IN_FUTURE');
    });
  });

  describe('proposing a flag', () => {
    it('an agency proposes a flag with grounds and case evidence; nothing is in force yet', () => {
      register
        .given([])
        .when(proposeFlag(courtClerk, '2024-09-27'))
        .thenEvents((events, state) => {
          expect(events).toEqual(proposed);
          expect(flagsInForce(state)).toEqual([]);
          expect(state).toMatchObject({ activeFlagId: FLAG_ID, flags: [{ status: 'proposed' }] });
        });
    });

    it('a proposal needs at least one evidence case', () => {
      register
        .given([])
        .when(proposeFlag(courtClerk, '2024-09-27', { evidence: [] }))
        .thenThrows('FLAG_NEEDS_GROUNDS_AND_EVIDENCE');
    });

    it('a proposal needs grounds', () => {
      register
        .given([])
        .when(proposeFlag(courtClerk, '2024-09-27', { grounds: ' ' }))
        .thenThrows('FLAG_NEEDS_GROUNDS_AND_EVIDENCE');
    });

    it('one flag at a time: a second proposal waits until the first has ended', () => {
      register
        .given(confirmed)
        .when(proposeFlag(govClerk, '2024-10-09', { flagId: 'flag-2' }))
        .thenThrows('FLAG_ALREADY_ACTIVE');
      register
        .given([...confirmed, flagWithdrawn('2024-10-09')])
        .when(proposeFlag(govClerk, '2024-10-10', { flagId: 'flag-2' }))
        .thenEvents(([event]) =>
          expect(event).toMatchObject({ type: 'FlagProposed', data: { flagId: 'flag-2' } }),
        );
    });

    it('flag ids are never reused', () => {
      register
        .given([...confirmed, flagWithdrawn('2024-10-09')])
        .when(proposeFlag(govClerk, '2024-10-10'))
        .thenThrows('FLAG_DUPLICATE');
    });
  });

  describe('confirming a flag', () => {
    it('worked example: confirmed 8 Oct 2024, the 365-day limit ends in the 2025 National Day holiday, so 9 Oct 2025 is the latest review date', () => {
      register
        .given(proposed)
        .when(confirmFlag(procLead, '2024-10-08', '2025-10-09'))
        .thenEvents((events, state) => {
          expect(events).toEqual([flagConfirmed('2024-10-08', '2025-10-09')]);
          expect(events[0]).toMatchObject({
            data: { reviewLimit: { dueBy: '2025-10-09', days: 365, article: 'Art 11' } },
          });
          expect(flagsInForce(state)).toMatchObject([{ flagId: FLAG_ID, reviewOn: '2025-10-09' }]);
        });
    });

    it('a review date beyond the limit is refused', () => {
      register
        .given(proposed)
        .when(confirmFlag(procLead, '2024-10-08', '2025-10-10'))
        .thenThrows('FLAG_REVIEW_TOO_FAR', { latest: '2025-10-09' });
    });

    it('the review date must come after the confirmation', () => {
      register
        .given(proposed)
        .when(confirmFlag(procLead, '2024-10-08', '2024-10-08'))
        .thenThrows('FLAG_REVIEW_NOT_AFTER_CONFIRMATION');
      register
        .given(proposed)
        .when(confirmFlag(procLead, '2024-10-08', '2024-10-09'))
        .thenEvents(([e]) => expect(e.type).toBe('FlagConfirmed'));
    });

    it('the proposing agency cannot confirm its own proposal', () => {
      register
        .given(proposed)
        .when(confirmFlag(courtLead, '2024-10-08', '2025-04-08'))
        .thenThrows('FLAG_SELF_CONFIRMATION');
    });

    const meeting = (agenciesConfirmed: readonly Agency[], heldOn = '2024-10-07') => ({
      meetingId: 'meeting-2024-10',
      meeting: {
        meetingId: 'meeting-2024-10',
        heldOn,
        agenciesListed: ['COURT', 'GOV_OFFICE'] as const,
        agenciesConfirmed,
      },
    });

    it('a meeting one agency lists another at confirms nothing until the other acknowledges (issue 8)', () => {
      register
        .given(proposed)
        .when(confirmFlag(courtLead, '2024-10-08', '2025-10-09', meeting(['COURT'])))
        .thenThrows('FLAG_MEETING_NOT_JOINT');
    });

    it('a meeting not on record, or hidden from the agency, is not found; one held later does not count', () => {
      register
        .given(proposed)
        .when(
          confirmFlag(courtLead, '2024-10-08', '2025-10-09', { meetingId: 'meeting-2024-10', meeting: null }),
        )
        .thenThrows('FLAG_MEETING_NOT_FOUND');
      register
        .given(proposed)
        .when(confirmFlag(procLead, '2024-10-08', '2025-10-09', meeting(['COURT', 'GOV_OFFICE'])))
        .thenThrows('FLAG_MEETING_NOT_ATTENDED');
      register
        .given(proposed)
        .when(
          confirmFlag(courtLead, '2024-10-08', '2025-10-09', meeting(['COURT', 'GOV_OFFICE'], '2024-10-09')),
        )
        .thenThrows('FLAG_MEETING_AFTER_CONFIRMATION');
    });

    it('a joint meeting may confirm, recorded by a lead of any agency, the proposer included', () => {
      register
        .given(proposed)
        .when(confirmFlag(courtLead, '2024-10-08', '2025-10-09', meeting(['COURT', 'GOV_OFFICE'])))
        .then([
          flagConfirmed('2024-10-08', '2025-10-09', {
            via: 'JOINT_MEETING',
            agency: 'COURT',
            meetingId: 'meeting-2024-10',
          }),
        ]);
    });

    it('confirmation is for a lead, not a clerk', () => {
      register
        .given(proposed)
        .when(confirmFlag(procClerk, '2024-10-08', '2025-04-08'))
        .thenThrows('FLAG_NEEDS_LEAD');
      register
        .given(proposed)
        .when(confirmFlag(procClerk, '2024-10-08', '2025-04-08', { meetingId: 'meeting-2024-10' }))
        .thenThrows('FLAG_NEEDS_LEAD');
    });

    it('no one-step flag: only a proposed flag can be confirmed, and only once (PIPL Art 24(3))', () => {
      register
        .given([partyRecorded()])
        .when(confirmFlag(procLead, '2024-10-08', '2025-04-08'))
        .thenThrows('FLAG_NOT_FOUND');
      register
        .given([])
        .when(confirmFlag(procLead, '2024-10-08', '2025-04-08'))
        .thenThrows('REGISTER_PARTY_NOT_FOUND');
      register
        .given(confirmed)
        .when(confirmFlag(govLead, '2024-10-09', '2025-04-08'))
        .thenThrows('FLAG_NOT_PROPOSED');
    });

    it('confirmation cannot precede the proposal', () => {
      register
        .given(proposed)
        .when({
          ...confirmFlag(procLead, '2024-10-08', '2025-04-08'),
          data: { partyId: PARTY_ID, flagId: FLAG_ID, confirmedOn: '2024-09-26', reviewOn: '2025-04-08' },
        })
        .thenThrows('REGISTER_DATE_OUT_OF_ORDER', { notBefore: '2024-09-27' });
    });
  });

  describe('notifying the party', () => {
    it('any agency records the notification of a confirmed flag', () => {
      register
        .given(confirmed)
        .when(notifyParty(govClerk, '2024-10-10'))
        .then([partyNotified('2024-10-10')]);
    });

    it('a proposal alone is not notified as a flag', () => {
      register.given(proposed).when(notifyParty(govClerk, '2024-10-10')).thenThrows('FLAG_NOT_CONFIRMED');
    });

    it('notification cannot precede confirmation', () => {
      register
        .given(confirmed)
        .when(notifyParty(govClerk, '2024-10-10', '2024-10-07'))
        .thenThrows('REGISTER_DATE_OUT_OF_ORDER');
    });

    it('notification is recorded once', () => {
      register.given(notified).when(notifyParty(govClerk, '2024-10-11')).thenThrows('FLAG_ALREADY_NOTIFIED');
    });
  });

  describe('contesting', () => {
    it("a clerk of any agency records the party's contest after notification", () => {
      register
        .given(notified)
        .when(contestFlag(courtClerk, '2024-10-15'))
        .then([flagContested('2024-10-15')]);
    });

    it('a flag the party has not been told of cannot be contested yet', () => {
      register.given(confirmed).when(contestFlag(courtClerk, '2024-10-15')).thenThrows('FLAG_NOT_NOTIFIED');
    });

    it('one contest at a time', () => {
      register
        .given(contested)
        .when(contestFlag(courtClerk, '2024-10-16', 'contest-2'))
        .thenThrows('FLAG_CONTEST_PENDING');
    });

    it('the contest is decided by a lead of an agency other than the proposer: upheld revokes the flag', () => {
      register
        .given(contested)
        .when(decideContest(govLead, '2024-10-25', 'UPHELD'))
        .thenEvents((events, state) => {
          expect(events).toEqual([contestDecided('2024-10-25', 'UPHELD')]);
          expect(flagsInForce(state)).toEqual([]);
          expect(state).toMatchObject({
            activeFlagId: null,
            flags: [{ status: 'revoked', endedOn: '2024-10-25' }],
          });
        });
    });

    it('rejected, the flag stands and a cooling-off period starts', () => {
      register
        .given(contested)
        .when(decideContest(govLead, '2024-10-25', 'REJECTED'))
        .thenEvents((events, state) => {
          expect(events).toEqual([contestDecided('2024-10-25', 'REJECTED')]);
          // 30 days from 25 Oct end on Sunday 24 Nov: the period runs to Monday 25 Nov.
          expect(events[0]).toMatchObject({ data: { cooldown: { dueBy: '2024-11-25' } } });
          expect(state).toMatchObject({
            flags: [{ status: 'confirmed', contestCooldownUntil: '2024-11-25' }],
          });
        });
    });

    it('the proposer cannot decide the contest of its own flag', () => {
      register
        .given(contested)
        .when(decideContest(courtLead, '2024-10-25', 'UPHELD'))
        .thenThrows('FLAG_CONTEST_DECIDER_IS_PROPOSER');
    });

    it('a clerk cannot decide a contest', () => {
      register
        .given(contested)
        .when(decideContest(govClerk, '2024-10-25', 'UPHELD'))
        .thenThrows('FLAG_NEEDS_LEAD');
    });

    it('only a pending contest can be decided', () => {
      register
        .given(rejected)
        .when(decideContest(govLead, '2024-10-26', 'UPHELD'))
        .thenThrows('FLAG_CONTEST_NOT_FOUND');
    });

    it('a new contest inside the cooling-off period is refused; the day after it ends it is allowed', () => {
      register
        .given(rejected)
        .when(contestFlag(courtClerk, '2024-11-25', 'contest-2'))
        .thenThrows('FLAG_CONTEST_COOLDOWN', { cooldownUntil: '2024-11-25' });
      register
        .given(rejected)
        .when(contestFlag(courtClerk, '2024-11-26', 'contest-2'))
        .then([flagContested('2024-11-26', 'contest-2')]);
    });

    it('contest ids are not reused', () => {
      register
        .given(rejected)
        .when(contestFlag(courtClerk, '2024-11-26'))
        .thenThrows('FLAG_CONTEST_DUPLICATE');
    });
  });

  describe('withdrawal and expiry', () => {
    it('the proposer may withdraw, even before confirmation', () => {
      register
        .given(proposed)
        .when(withdrawFlag(courtClerk, '2024-10-01'))
        .then([flagWithdrawn('2024-10-01')]);
    });

    it('the confirming agency may withdraw', () => {
      register
        .given(notified)
        .when(withdrawFlag(procClerk, '2024-11-01'))
        .then([flagWithdrawn('2024-11-01', 'PROCURATORATE')]);
    });

    it('an agency that neither proposed nor confirmed cannot withdraw', () => {
      register
        .given(notified)
        .when(withdrawFlag(govLead, '2024-11-01'))
        .thenThrows('FLAG_WITHDRAWER_NOT_INVOLVED');
    });

    it('the watcher expires a flag on its review date', () => {
      register
        .given(notified)
        .when(expireFlag(courtClerk, '2025-10-09'))
        .thenEvents((events, state) => {
          expect(events).toEqual([flagExpired('2025-10-09', '2025-10-09')]);
          expect(flagsInForce(state)).toEqual([]);
        });
    });

    it('a flag cannot be expired before its review date', () => {
      register
        .given(notified)
        .when(expireFlag(courtClerk, '2025-10-08'))
        .thenThrows('FLAG_NOT_YET_DUE_FOR_REVIEW', { reviewOn: '2025-10-09' });
    });

    it('an unconfirmed proposal has no review date to expire at', () => {
      register.given(proposed).when(expireFlag(courtClerk, '2025-10-09')).thenThrows('FLAG_NOT_CONFIRMED');
    });

    it('an ended flag takes nothing more', () => {
      const withdrawn = [...notified, flagWithdrawn('2024-11-01')];
      register.given(withdrawn).when(contestFlag(courtClerk, '2024-11-02')).thenThrows('FLAG_ENDED');
      register.given(withdrawn).when(expireFlag(courtClerk, '2025-10-09')).thenThrows('FLAG_ENDED');
      register
        .given([...notified, flagExpired('2025-10-09', '2025-10-09')])
        .when(withdrawFlag(courtClerk, '2025-10-10'))
        .thenThrows('FLAG_ENDED');
    });
  });

  it('state exposes the party, its notes and each flag with its review date', () => {
    register
      .given([partyRecorded(), noteAdded('2024-09-02'), ...proposed.slice(1)])
      .when(confirmFlag(procLead, '2024-10-08', '2025-10-09'))
      .thenEvents((_, state) =>
        expect(state).toEqual({
          status: 'recorded',
          partyId: PARTY_ID,
          party: PARTY,
          notes: [expect.objectContaining({ noteId: 'note-1', notedBy: 'COURT' })],
          flags: [
            expect.objectContaining({
              flagId: FLAG_ID,
              status: 'confirmed',
              proposedBy: 'COURT',
              confirmation: { via: 'AGENCY', agency: 'PROCURATORATE' },
              reviewOn: '2025-10-09',
            }),
          ],
          activeFlagId: FLAG_ID,
        }),
      );
  });

  it('property: fold is deterministic and evolve never mutates', () => {
    const days = fc.constantFrom('2024-09-27', '2024-10-08', '2024-10-25', '2024-11-26', '2025-10-09');
    // Mostly the actor each act expects, sometimes a wrong one, so that refusals are exercised too.
    const stranger = sometimes(fc.constantFrom<Actor>(courtClerk, courtLead, procClerk, govLead, auditor));
    const step = fc.tuple(fc.integer({ min: 0, max: 7 }), days, fc.boolean(), stranger);
    const commands = fc.array(step, { maxLength: 16 }).map((steps) =>
      [...steps]
        .sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0])
        .map(([kind, d, flip, other]): PartyRegisterCommand => {
          const make = [
            () => addNote(other ?? govClerk, d, { noteId: `note-${d}` }),
            () => proposeFlag(other ?? courtClerk, d, { flagId: flip ? FLAG_ID : `flag-${d}` }),
            () => confirmFlag(other ?? procLead, d, '2025-10-09', { meetingId: flip ? 'meeting-1' : null }),
            () => notifyParty(other ?? govClerk, d),
            () => contestFlag(other ?? courtClerk, d, `contest-${d}`),
            () => decideContest(other ?? govLead, d, flip ? 'UPHELD' : 'REJECTED', `contest-${d}`),
            () => withdrawFlag(other ?? courtClerk, d),
            () => expireFlag(other ?? courtClerk, d),
          ][kind];
          return make();
        }),
    );
    assertFoldProperties(partyRegisterDecider, commands, { minAccepted: 4 });
  });
});
