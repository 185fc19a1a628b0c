import fc from 'fast-check';
import type { Actor } from '@accord/events';
import { spec } from '../testing/decider-spec';
import { assertFoldProperties } from '../testing/fold-properties';
import { sometimes, auditor, courtClerk, courtLead, govClerk, procClerk } from '../agency/testing';
import { letterDecider, type LetterCommand } from './letter.decider';
import { letterError } from './letter.errors';
import {
  LETTER_ID,
  ORGAN,
  ORGAN_ACTOR,
  closeLetter,
  followUpRecorded,
  issueLetter,
  letterClosed,
  letterIssued,
  letterServed,
  recordFollowUp,
  recordResponse,
  responseRecorded,
  serveLetter,
} from './testing';

const letter = spec(letterDecider);
const issued = [letterIssued('2024-09-20')];
const served = [...issued, letterServed('2024-09-25')];
const answered = [...served, responseRecorded('2024-10-30')];

describe('suggestion letter (Art 8)', () => {
  describe('issuing', () => {
    it('a court letter is a judicial suggestion, its kind derived from the issuer', () => {
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20'))
        .then([letterIssued('2024-09-20')]);
    });

    it('the procuratorate issues procuratorial suggestions and the government office reconsideration opinions', () => {
      letter
        .given([])
        .when(issueLetter(procClerk, '2024-09-20'))
        .thenEvents(([event]) => expect(event).toMatchObject({ data: { kind: 'PROCURATORIAL_SUGGESTION' } }));
      letter
        .given([])
        .when(issueLetter(govClerk, '2024-09-20', { kind: 'RECONSIDERATION_OPINION', caseId: null }))
        .thenEvents(([event]) =>
          expect(event).toMatchObject({
            data: { kind: 'RECONSIDERATION_OPINION', issuer: 'GOV_OFFICE', caseId: null },
          }),
        );
    });

    it('a kind that does not follow the issuer is refused', () => {
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20', { kind: 'PROCURATORIAL_SUGGESTION' }))
        .thenThrows('LETTER_KIND_MISMATCH', { expected: 'JUDICIAL_SUGGESTION' });
    });

    it('an administrative organ cannot issue a letter', () => {
      letter.given([]).when(issueLetter(ORGAN_ACTOR, '2024-09-20')).thenThrows('LETTER_ISSUER_NOT_AGENCY');
    });

    it('auditors never write', () => {
      letter.given([]).when(issueLetter(auditor, '2024-09-20')).thenThrows('LETTER_AUDITOR_READ_ONLY');
    });

    it('a letter needs at least one Art 8 ground, facts and an addressee', () => {
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20', { grounds: [] }))
        .thenThrows('LETTER_INVALID_INPUT', {
          field: 'grounds',
        });
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20', { grounds: ['MISCONDUCT' as never] }))
        .thenThrows('LETTER_INVALID_INPUT', { field: 'grounds' });
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20', { facts: '  ' }))
        .thenThrows('LETTER_INVALID_INPUT', {
          field: 'facts',
        });
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20', { organ: { code: '', name: 'x' } }))
        .thenThrows('LETTER_INVALID_INPUT', { field: 'organ' });
    });

    it('all three grounds may be combined', () => {
      letter
        .given([])
        .when(
          issueLetter(courtClerk, '2024-09-20', {
            grounds: ['UNLAWFUL_ACT', 'FLAWED_ACT', 'DUTY_NOT_PERFORMED'],
          }),
        )
        .thenEvents(([event]) =>
          expect(event.data).toMatchObject({ grounds: ['UNLAWFUL_ACT', 'FLAWED_ACT', 'DUTY_NOT_PERFORMED'] }),
        );
    });

    it('a letter cannot be dated after today', () => {
      letter
        .given([])
        .when(issueLetter(courtClerk, '2024-09-20', { issuedOn: '2024-09-21' }))
        .thenThrows('LETTER_DATE_IN_FUTURE', { today: '2024-09-20' });
    });

    it('a letter is issued once', () => {
      letter.given(issued).when(issueLetter(courtClerk, '2024-09-21')).thenThrows('LETTER_ALREADY_ISSUED');
    });
  });

  describe('service and the response period', () => {
    it('worked example: served Wed 25 Sep 2024, 60 days end Sun 24 Nov, so the response is due Mon 25 Nov', () => {
      letter
        .given(issued)
        .when(serveLetter(courtClerk, '2024-09-25'))
        .thenEvents(([event]) => {
          expect(event).toEqual(letterServed('2024-09-25'));
          expect(event.data).toMatchObject({
            responseDueBy: '2024-11-25',
            responseDeadline: {
              rule: 'letter.response.judicial',
              article: 'Art 8',
              days: 60,
              start: '2024-09-25',
              dueBy: '2024-11-25',
              skipped: [{ date: '2024-11-24', reason: 'weekend' }],
            },
          });
        });
    });

    it('a period ending in the National Day holiday runs to the next working day', () => {
      letter
        .given([letterIssued('2024-08-01')])
        .when(serveLetter(courtClerk, '2024-08-05', '2024-08-02'))
        .thenEvents(([event]) => expect(event.data).toMatchObject({ responseDueBy: '2024-10-08' }));
    });

    it('only the issuer serves its letter', () => {
      letter.given(issued).when(serveLetter(procClerk, '2024-09-25')).thenThrows('LETTER_NOT_ISSUER');
      letter.given(issued).when(serveLetter(ORGAN_ACTOR, '2024-09-25')).thenThrows('LETTER_NOT_ISSUER');
    });

    it('service cannot precede issue', () => {
      letter
        .given(issued)
        .when(serveLetter(courtClerk, '2024-09-25', '2024-09-19'))
        .thenThrows('LETTER_DATE_OUT_OF_ORDER', { notBefore: '2024-09-20' });
    });

    it('service on the day of issue is allowed', () => {
      letter
        .given(issued)
        .when(serveLetter(courtClerk, '2024-09-20'))
        .then([letterServed('2024-09-20')]);
    });

    it('service cannot be dated in the future', () => {
      letter
        .given(issued)
        .when(serveLetter(courtClerk, '2024-09-25', '2024-09-26'))
        .thenThrows('LETTER_DATE_IN_FUTURE');
    });

    it('a letter is served once', () => {
      letter.given(served).when(serveLetter(courtClerk, '2024-09-26')).thenThrows('LETTER_ALREADY_SERVED');
    });

    it('an unknown letter cannot be served', () => {
      letter.given([]).when(serveLetter(courtClerk, '2024-09-25')).thenThrows('LETTER_NOT_FOUND');
    });
  });

  describe("the organ's response", () => {
    it('the addressed organ records its response; on the due date it is not late', () => {
      letter
        .given(served)
        .when(recordResponse(ORGAN_ACTOR, '2024-11-25'))
        .then([responseRecorded('2024-11-25', { late: false })]);
    });

    it('a response after the due date is recorded as late', () => {
      letter
        .given(served)
        .when(recordResponse(ORGAN_ACTOR, '2024-11-26'))
        .then([responseRecorded('2024-11-26', { late: true })]);
    });

    it('no one but the addressed organ may record the response', () => {
      const otherOrgan: Actor = { agency: 'ORGAN:LS-EPB', staffId: 'epb', role: 'clerk' };
      letter
        .given(served)
        .when(recordResponse(otherOrgan, '2024-10-30'))
        .thenThrows('LETTER_RESPONDER_NOT_ADDRESSEE');
      letter
        .given(served)
        .when(recordResponse(courtClerk, '2024-10-30'))
        .thenThrows('LETTER_RESPONDER_NOT_ADDRESSEE');
    });

    it('the organ cannot respond before the letter is served', () => {
      letter.given(issued).when(recordResponse(ORGAN_ACTOR, '2024-09-24')).thenThrows('LETTER_NOT_SERVED');
    });

    it('a response cannot be dated before service', () => {
      letter
        .given(served)
        .when(recordResponse(ORGAN_ACTOR, '2024-10-30', { respondedOn: '2024-09-24' }))
        .thenThrows('LETTER_DATE_OUT_OF_ORDER', { notBefore: '2024-09-25' });
    });

    it('a rejection needs reasons', () => {
      letter
        .given(served)
        .when(recordResponse(ORGAN_ACTOR, '2024-10-30', { outcome: 'REJECTED' }))
        .thenThrows('LETTER_REJECTION_NEEDS_REASONS');
      letter
        .given(served)
        .when(
          recordResponse(ORGAN_ACTOR, '2024-10-30', { outcome: 'REJECTED', reasons: 'The act was lawful.' }),
        )
        .then([responseRecorded('2024-10-30', { outcome: 'REJECTED', reasons: 'The act was lawful.' })]);
    });

    it('a partial adoption says what was not adopted', () => {
      letter
        .given(served)
        .when(recordResponse(ORGAN_ACTOR, '2024-10-30', { outcome: 'PARTLY_ADOPTED', notAdopted: '' }))
        .thenThrows('LETTER_PARTIAL_NEEDS_DETAIL');
      letter
        .given(served)
        .when(
          recordResponse(ORGAN_ACTOR, '2024-10-30', {
            outcome: 'PARTLY_ADOPTED',
            notAdopted: 'Interest on arrears.',
          }),
        )
        .then([
          responseRecorded('2024-10-30', { outcome: 'PARTLY_ADOPTED', notAdopted: 'Interest on arrears.' }),
        ]);
    });

    it('the organ responds once', () => {
      letter
        .given(answered)
        .when(recordResponse(ORGAN_ACTOR, '2024-11-01'))
        .thenThrows('LETTER_ALREADY_ANSWERED');
    });
  });

  describe('follow-up (督促履行)', () => {
    it('the issuer follows up after service, before or after the response', () => {
      letter
        .given(served)
        .when(recordFollowUp(courtLead, '2024-10-15'))
        .then([followUpRecorded('2024-10-15')]);
      letter
        .given(answered)
        .when(recordFollowUp(courtClerk, '2024-11-15'))
        .then([followUpRecorded('2024-11-15')]);
    });

    it('there is nothing to follow up before service', () => {
      letter.given(issued).when(recordFollowUp(courtClerk, '2024-09-21')).thenThrows('LETTER_NOT_SERVED');
    });

    it('a follow-up cannot be dated before service', () => {
      letter
        .given(served)
        .when(recordFollowUp(courtClerk, '2024-10-15', '2024-09-24'))
        .thenThrows('LETTER_DATE_OUT_OF_ORDER');
    });

    it('only the issuer follows up', () => {
      letter.given(served).when(recordFollowUp(govClerk, '2024-10-15')).thenThrows('LETTER_NOT_ISSUER');
    });
  });

  describe('closing', () => {
    it('the issuer closes the letter once the organ has responded', () => {
      letter
        .given(answered)
        .when(closeLetter(courtClerk, '2024-11-01'))
        .then([letterClosed('2024-11-01')]);
    });

    it('a rejection with reasons is also the organ having acted', () => {
      letter
        .given([
          ...served,
          responseRecorded('2024-10-30', { outcome: 'REJECTED', reasons: 'The act was lawful.' }),
        ])
        .when(closeLetter(courtClerk, '2024-11-01'))
        .then([letterClosed('2024-11-01')]);
    });

    it('a letter the organ has not answered cannot be closed', () => {
      letter.given(served).when(closeLetter(courtClerk, '2024-11-01')).thenThrows('LETTER_NOT_ACTED_UPON');
      letter.given(issued).when(closeLetter(courtClerk, '2024-11-01')).thenThrows('LETTER_NOT_ACTED_UPON');
    });

    it('closing cannot be dated before the last recorded step', () => {
      letter
        .given([...answered, followUpRecorded('2024-11-05')])
        .when(closeLetter(courtClerk, '2024-11-06', '2024-11-04'))
        .thenThrows('LETTER_DATE_OUT_OF_ORDER', { notBefore: '2024-11-05' });
    });

    it('only the issuer closes', () => {
      letter.given(answered).when(closeLetter(procClerk, '2024-11-01')).thenThrows('LETTER_NOT_ISSUER');
    });

    it('a closed letter takes nothing more', () => {
      const closed = [...answered, letterClosed('2024-11-01')];
      letter.given(closed).when(recordFollowUp(courtClerk, '2024-11-02')).thenThrows('LETTER_CLOSED');
      letter.given(closed).when(closeLetter(courtClerk, '2024-11-02')).thenThrows('LETTER_CLOSED');
      letter.given(closed).when(recordResponse(ORGAN_ACTOR, '2024-11-02')).thenThrows('LETTER_CLOSED');
    });
  });

  it('state shows the life of the letter', () => {
    letter
      .given([...answered, followUpRecorded('2024-11-05')])
      .when(closeLetter(courtClerk, '2024-11-06'))
      .thenEvents((_, state) =>
        expect(state).toMatchObject({
          status: 'closed',
          letterId: LETTER_ID,
          organ: ORGAN,
          servedOn: '2024-09-25',
          responseDueBy: '2024-11-25',
          response: { outcome: 'ADOPTED', late: false },
          followUps: [{ followedUpOn: '2024-11-05' }],
          closedOn: '2024-11-06',
        }),
      );
  });

  it('property: fold is deterministic and evolve never mutates', () => {
    const days = fc.constantFrom('2024-09-20', '2024-09-25', '2024-11-25', '2024-11-26', '2024-12-02');
    const outcome = fc.constantFrom('ADOPTED', 'PARTLY_ADOPTED', 'REJECTED') as fc.Arbitrary<'ADOPTED'>;
    // Mostly the actor each act expects, sometimes a wrong one, so that refusals are exercised too.
    const stranger = sometimes(fc.constantFrom<Actor>(procClerk, govClerk, auditor, ORGAN_ACTOR, courtClerk));
    const step = fc.tuple(fc.integer({ min: 0, max: 4 }), days, outcome, stranger);
    // Commands in date order, as they arrive in life, so that histories get past the first steps.
    const commands = fc.array(step, { maxLength: 14 }).map((steps) =>
      [...steps]
        .sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0])
        .map(([kind, d, o, other]): LetterCommand => {
          const make = [
            () => issueLetter(other ?? courtClerk, d),
            () => serveLetter(other ?? courtClerk, d),
            () => recordResponse(other ?? ORGAN_ACTOR, d, { outcome: o, reasons: 'r', notAdopted: 'n' }),
            () => recordFollowUp(other ?? courtClerk, d),
            () => closeLetter(other ?? courtClerk, d),
          ][kind];
          return make();
        }),
    );
    assertFoldProperties(letterDecider, commands, { minAccepted: 4 });
  });

  it('a refusal names its code, its article and its message in English and Chinese', () => {
    const error = letter
      .given(issued)
      .when(serveLetter(procClerk, '2024-09-25'))
      .thenThrows('LETTER_NOT_ISSUER', { issuer: 'COURT', actor: 'PROCURATORATE' });
    expect(error).toMatchObject({ article: 'Art 8', kind: 'forbidden' });
    expect(error.spec.zh).toMatch(/制发机关/);
    for (const spec of Object.values(letterError.catalogue)) {
      expect(spec.en).not.toHaveLength(0);
      expect(spec.zh).not.toHaveLength(0);
    }
  });
});
