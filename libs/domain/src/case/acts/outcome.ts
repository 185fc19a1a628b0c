import {
  CASE_OUTCOMES,
  CONSENT_BASED_OUTCOMES,
  type CaseEvent,
  type CaseOutcome,
  type LegalDate,
  type OutcomeRecorded,
} from '@accord/events';
import type { CommandMetadata } from '../../shared/command';
import type { CloseCase, RecordOutcome } from '../case.commands';
import { caseError } from '../case.errors';
import {
  notBefore,
  partyOf,
  participantCase,
  pastDate,
  requireLeadAgency,
  requireOneOf,
  requireText,
  requireTextList,
  today,
} from '../case.guards';
import type { CaseState, RegisteredCase } from '../case.state';

/**
 * Arts 2 and 3: the outcome of a case and its closing.
 */

/** Outcomes reached by a resolution effort; the others (withdrawal, correction, decision) can happen without one. */
const RESOLUTION_OUTCOMES: readonly string[] = ['SETTLED', 'MEDIATED', 'NOT_RESOLVED'];

export function recordOutcome({ data, metadata }: RecordOutcome, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'RecordOutcome');
  if (s.outcome) throw caseError('OUTCOME_ALREADY_RECORDED', { outcome: s.outcome.outcome });
  const outcome = requireOneOf(data.outcome, CASE_OUTCOMES, 'outcome');
  const decidedOn = pastDate(data.decidedOn, 'decidedOn', today(metadata));
  notBefore(decidedOn, 'decidedOn', s.acceptedOn, 'acceptedOn');
  if (RESOLUTION_OUTCOMES.includes(outcome) && !s.resolution)
    throw caseError('OUTCOME_NEEDS_RESOLUTION', { outcome });
  const v2 = v2Facts(data, s, outcome, decidedOn, metadata);
  let consents: { partyId: string; givenOn: string }[] = [];
  if (CONSENT_BASED_OUTCOMES.includes(outcome) && !(outcome === 'WITHDRAWN' && 'withdrawal' in v2)) {
    // Art 2 (自愿): an agreed outcome rests on every party's consent as it stood when it was reached.
    const missing = s.parties
      .filter((p) => p.consent !== 'GIVEN' || p.consentOn === null || p.consentOn > decidedOn)
      .map((p) => ({ partyId: p.partyId, consent: p.consent, consentOn: p.consentOn }));
    if (missing.length > 0) throw caseError('OUTCOME_CONSENT_MISSING', { outcome, decidedOn, missing });
    consents = s.parties.map((p) => ({ partyId: p.partyId, givenOn: p.consentOn as string }));
  }
  return [
    {
      type: 'OutcomeRecorded',
      data: {
        caseId: s.caseId,
        outcome,
        decidedOn,
        summary: requireText(data.summary, 'summary'),
        consents,
        ...v2,
      },
    },
  ];
}

/**
 * v2 (Arts 2–3): a withdrawal is the applicant's own act, with the court's approval (准许, 行政诉讼法
 * 第六十二条) in litigation; a settlement records the respondent organ's agreement as well as the parties'.
 */
function v2Facts(
  data: RecordOutcome['data'],
  s: RegisteredCase,
  outcome: CaseOutcome,
  decidedOn: LegalDate,
  metadata: CommandMetadata,
): Pick<OutcomeRecorded['data'], 'withdrawal' | 'organAgreement'> {
  const { rules } = metadata;
  const facts: {
    withdrawal?: OutcomeRecorded['data']['withdrawal'];
    organAgreement?: OutcomeRecorded['data']['organAgreement'];
  } = {};
  if (outcome === 'WITHDRAWN' && rules.withdrawal === 'APPLICANT') {
    const partyIds = [...new Set(requireTextList(data.withdrawingPartyIds, 'withdrawingPartyIds'))];
    if (partyIds.length === 0) {
      throw caseError('CASE_INVALID_INPUT', {
        field: 'withdrawingPartyIds',
        problem: 'must name the applicant(s) who withdraw',
      });
    }
    for (const partyId of partyIds) partyOf(s, partyId);
    let courtApproval = null;
    if (s.channel === 'LITIGATION') {
      const approval = data.courtApproval;
      if (!approval) throw caseError('OUTCOME_WITHDRAWAL_NEEDS_COURT_APPROVAL', { channel: s.channel });
      const approvedOn = pastDate(approval.approvedOn, 'courtApproval.approvedOn', today(metadata));
      notBefore(approvedOn, 'courtApproval.approvedOn', s.acceptedOn, 'acceptedOn');
      notBefore(decidedOn, 'decidedOn', approvedOn, 'courtApproval.approvedOn');
      courtApproval = {
        approvedOn,
        documentRef: requireText(approval.documentRef, 'courtApproval.documentRef'),
      };
    } else if (data.courtApproval != null) {
      throw caseError('CASE_INVALID_INPUT', {
        field: 'courtApproval',
        problem: 'only a withdrawal in litigation is approved by the court',
      });
    }
    facts.withdrawal = { partyIds, courtApproval };
  }
  if (outcome === 'SETTLED' && rules.settlementNeedsOrganAgreement) {
    const agreement = data.organAgreement;
    if (!agreement) throw caseError('OUTCOME_ORGAN_AGREEMENT_MISSING', { organ: s.respondent });
    const agreedOn = pastDate(agreement.agreedOn, 'organAgreement.agreedOn', today(metadata));
    notBefore(agreedOn, 'organAgreement.agreedOn', s.acceptedOn, 'acceptedOn');
    if (agreedOn > decidedOn) {
      throw caseError('CASE_DATE_TOO_EARLY', {
        field: 'decidedOn',
        date: decidedOn,
        notBefore: agreedOn,
        reference: 'organAgreement.agreedOn',
      });
    }
    facts.organAgreement = {
      agreedOn,
      signatory: requireText(agreement.signatory, 'organAgreement.signatory'),
    };
  }
  return facts;
}

export function closeCase({ data, metadata }: CloseCase, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'CloseCase');
  if (!s.outcome) throw caseError('CASE_OUTCOME_MISSING');
  const closedOn = pastDate(data.closedOn, 'closedOn', today(metadata));
  notBefore(closedOn, 'closedOn', s.outcome.decidedOn, 'outcome decidedOn');
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: s.caseId,
        closedOn,
        lapsedInvitationIds: s.invitations.filter((i) => i.status === 'open').map((i) => i.invitationId),
      },
    },
  ];
}
