import { type RegisteredCase } from './case.state';
import { caseView, fullCaseView, reducedCaseView } from './case.view';
import {
  CASE_ID,
  PARTY_A,
  RESPONDENT,
  issueInvitation,
  recordConsent,
  recorded,
  registerCase,
  stateOf,
  withGovOffice,
} from './testing';

describe('case views (Art 17): what a reader is sent of the folded case', () => {
  const invited = stateOf(recorded(registerCase(), issueInvitation(), recordConsent())) as RegisteredCase;

  it('the full view is every published field of the case, equal to the fold', () => {
    const view = fullCaseView(invited);
    expect(view).toEqual(invited);
    expect(view).not.toBe(invited);
    expect(caseView(invited, 'full', 'COURT')).toEqual(view);
  });

  it('the reduced view carries the notice facts and only the reader’s own invitations', () => {
    const view = reducedCaseView(invited, 'GOV_OFFICE');
    expect(Object.keys(view)).toEqual([
      'caseId',
      'status',
      'channel',
      'leadAgency',
      'externalCaseNumber',
      'acceptedOn',
      'respondent',
      'matter',
      'invitations',
    ]);
    expect(view).toMatchObject({
      caseId: CASE_ID,
      respondent: RESPONDENT,
      invitations: [{ invitationId: 'inv-1', to: 'GOV_OFFICE', status: 'open' }],
    });
    expect(JSON.stringify(view)).not.toContain(PARTY_A.idNumber);
    expect(caseView(invited, 'reduced', 'GOV_OFFICE')).toEqual(view);
  });

  it('the reduced view shows an agency none of the invitations addressed to others', () => {
    const joined = stateOf(
      withGovOffice(issueInvitation({ invitationId: 'inv-2', to: 'PROCURATORATE' })),
    ) as RegisteredCase;
    expect(reducedCaseView(joined, 'PROCURATORATE').invitations.map((i) => i.invitationId)).toEqual([
      'inv-2',
    ]);
    expect(reducedCaseView(joined, 'ORGAN:ORG-411423-ZRZY').invitations).toEqual([]);
  });
});
