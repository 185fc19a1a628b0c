import fc from 'fast-check';
import type { Actor } from '@accord/events';
import { spec } from '../testing/decider-spec';
import { assertFoldProperties } from '../testing/fold-properties';
import { auditor, courtLead, govClerk, govLead, procLead } from '../agency/testing';
import { commendationDecider } from './commendation.decider';
import { COMMENDED_ORGAN, commendOrgan, organCommended } from './testing';

const commendation = spec(commendationDecider);

describe('commendations (Art 12)', () => {
  it('the government office commends an organ, with the reason and the cases', () => {
    commendation
      .given([])
      .when(commendOrgan(govLead, '2024-12-20'))
      .thenEvents((events, state) => {
        expect(events).toEqual([organCommended('2024-12-20')]);
        expect(state).toMatchObject({
          status: 'commended',
          organ: COMMENDED_ORGAN,
          commendedBy: 'GOV_OFFICE',
        });
      });
    commendation
      .given([])
      .when(commendOrgan(govClerk, '2024-12-20', { caseRefs: undefined }))
      .then([organCommended('2024-12-20', { caseRefs: [] })]);
  });

  it('the court and the procuratorate do not commend; auditors never write', () => {
    commendation
      .given([])
      .when(commendOrgan(courtLead, '2024-12-20'))
      .thenThrows('COMMENDATION_NOT_GOV_OFFICE');
    commendation
      .given([])
      .when(commendOrgan(procLead, '2024-12-20'))
      .thenThrows('COMMENDATION_NOT_GOV_OFFICE');
    commendation
      .given([])
      .when(commendOrgan({ ...auditor, agency: 'GOV_OFFICE' }, '2024-12-20'))
      .thenThrows('COMMENDATION_AUDITOR_READ_ONLY');
  });

  it('a commendation names the organ and the reason', () => {
    commendation
      .given([])
      .when(commendOrgan(govLead, '2024-12-20', { reason: '' }))
      .thenThrows('COMMENDATION_INVALID_INPUT', {
        field: 'reason',
      });
    commendation
      .given([])
      .when(commendOrgan(govLead, '2024-12-20', { organ: { code: 'LS-HRSS', name: ' ' } }))
      .thenThrows('COMMENDATION_INVALID_INPUT', { field: 'organ' });
  });

  it('a commendation cannot be dated after today', () => {
    commendation
      .given([])
      .when(commendOrgan(govLead, '2024-12-20', { commendedOn: '2024-12-21' }))
      .thenThrows('COMMENDATION_DATE_IN_FUTURE');
  });

  it('a commendation is recorded once', () => {
    commendation
      .given([organCommended('2024-12-20')])
      .when(commendOrgan(govLead, '2024-12-21'))
      .thenThrows('COMMENDATION_ALREADY_RECORDED');
  });

  it('property: fold is deterministic and evolve never mutates', () => {
    const step = fc.tuple(
      fc.constantFrom<Actor>(govLead, govClerk, courtLead),
      fc.constantFrom('2024-12-20', '2025-01-06'),
    );
    const commands = fc
      .array(step, { maxLength: 4 })
      .map((steps) => steps.map(([a, d]) => commendOrgan(a, d)));
    assertFoldProperties(commendationDecider, commands, { minAccepted: 1 });
  });
});
