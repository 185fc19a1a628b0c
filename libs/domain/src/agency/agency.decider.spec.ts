import fc from 'fast-check';
import type { Actor, Agency, Liaison, LiaisonDesignated } from '@accord/events';
import { spec } from '../testing/decider-spec';
import { assertFoldProperties } from '../testing/fold-properties';
import { agencyDecider, type AgencyCommand, type DesignateLiaison } from './agency.decider';
import { LIAISON_A, LIAISON_B, auditor, courtClerk, courtLead, govLead, metadata, procLead } from './testing';

const agency = spec(agencyDecider);

function designate(
  by: Actor,
  today: string,
  liaison: Liaison,
  data: Partial<DesignateLiaison['data']> = {},
): DesignateLiaison {
  return {
    type: 'DesignateLiaison',
    data: { agency: 'COURT', liaison, from: today, ...data },
    metadata: metadata(by, today),
  };
}

function designated(
  from: string,
  liaison: Liaison,
  replaced: Liaison | null,
  of: Agency = 'COURT',
): LiaisonDesignated {
  return { type: 'LiaisonDesignated', data: { agency: of, liaison, from, replaced } };
}

describe('agencies and their liaisons (Art 16)', () => {
  it("a lead designates the agency's own liaison; the court hosts the Coordination Office", () => {
    agency
      .given([])
      .when(designate(courtLead, '2024-01-02', LIAISON_A))
      .thenEvents((events, state) => {
        expect(events).toEqual([designated('2024-01-02', LIAISON_A, null)]);
        expect(state).toEqual({
          status: 'active',
          agency: 'COURT',
          hostsCoordinationOffice: true,
          liaison: LIAISON_A,
          liaisonFrom: '2024-01-02',
          pastLiaisons: [],
        });
      });
  });

  it('the procuratorate and the government office do not host the office', () => {
    agency
      .given([])
      .when(designate(procLead, '2024-01-02', LIAISON_A, { agency: 'PROCURATORATE' }))
      .thenEvents((_, state) =>
        expect(state).toMatchObject({ agency: 'PROCURATORATE', hostsCoordinationOffice: false }),
      );
  });

  it("no agency names another agency's liaison", () => {
    agency
      .given([])
      .when(designate(govLead, '2024-01-02', LIAISON_A))
      .thenThrows('LIAISON_NOT_OWN_AGENCY');
    const organ: Actor = { agency: 'ORGAN:LS-NRB', staffId: 'x', role: 'lead' };
    agency
      .given([])
      .when(designate(organ, '2024-01-02', LIAISON_A))
      .thenThrows('LIAISON_NOT_OWN_AGENCY');
  });

  it('a clerk cannot designate; an auditor never writes', () => {
    agency
      .given([])
      .when(designate(courtClerk, '2024-01-02', LIAISON_A))
      .thenThrows('LIAISON_NEEDS_LEAD');
    agency
      .given([])
      .when(designate(auditor, '2024-01-02', LIAISON_A))
      .thenThrows('LIAISON_AUDITOR_READ_ONLY');
  });

  it('one current liaison: a new designation moves the predecessor into history', () => {
    agency
      .given([designated('2024-01-02', LIAISON_A, null)])
      .when(designate(courtLead, '2024-07-01', LIAISON_B))
      .thenEvents((events, state) => {
        expect(events).toEqual([designated('2024-07-01', LIAISON_B, LIAISON_A)]);
        expect(state).toMatchObject({
          liaison: LIAISON_B,
          liaisonFrom: '2024-07-01',
          pastLiaisons: [{ liaison: LIAISON_A, from: '2024-01-02', to: '2024-07-01' }],
        });
      });
  });

  it('the current liaison cannot be designated again', () => {
    agency
      .given([designated('2024-01-02', LIAISON_A, null)])
      .when(designate(courtLead, '2024-07-01', LIAISON_A))
      .thenThrows('LIAISON_ALREADY_CURRENT');
  });

  it("a successor's term cannot start before the current one's", () => {
    agency
      .given([designated('2024-01-02', LIAISON_A, null)])
      .when(designate(courtLead, '2024-07-01', LIAISON_B, { from: '2024-01-01' }))
      .thenThrows('LIAISON_DATE_OUT_OF_ORDER');
  });

  it('a designation cannot be dated after today', () => {
    agency
      .given([])
      .when(designate(courtLead, '2024-01-02', LIAISON_A, { from: '2024-01-03' }))
      .thenThrows('LIAISON_DATE_IN_FUTURE');
  });

  it("an agency's record takes no designation for another agency", () => {
    agency
      .given([designated('2024-01-02', LIAISON_A, null)])
      .when(designate(procLead, '2024-07-01', LIAISON_B, { agency: 'PROCURATORATE' }))
      .thenThrows('LIAISON_AGENCY_MISMATCH');
  });

  it('a liaison needs a staff id and a name', () => {
    agency
      .given([])
      .when(designate(courtLead, '2024-01-02', { staffId: '', name: 'x', contact: '' }))
      .thenThrows('LIAISON_INVALID_INPUT', { field: 'liaison' });
  });

  it('property: fold is deterministic and evolve never mutates', () => {
    const days = fc.constantFrom('2024-01-02', '2024-07-01', '2025-01-02', '2025-07-01');
    const people = fc.constantFrom<Liaison>(LIAISON_A, LIAISON_B, {
      staffId: 'court-0099',
      name: '钱某',
      contact: '',
    });
    const step = fc.tuple(fc.constantFrom<Actor>(courtLead, courtClerk, procLead), days, people);
    const commands = fc
      .array(step, { maxLength: 10 })
      .map((steps) =>
        [...steps]
          .sort((a, b) => a[1].localeCompare(b[1]))
          .map(([a, d, p]): AgencyCommand => designate(a, d, p)),
      );
    assertFoldProperties(agencyDecider, commands, { minAccepted: 3 });
  });
});
