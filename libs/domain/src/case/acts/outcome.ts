import { CASE_OUTCOMES, CONSENT_BASED_OUTCOMES, type CaseEvent } from '@accord/events';
import type { CloseCase, RecordOutcome } from '../case.commands';
import { caseError } from '../case.errors';
import {
  notBefore,
  participantCase,
  pastDate,
  requireLeadAgency,
  requireOneOf,
  requireText,
  today,
} from '../case.guards';
import type { CaseState } from '../case.state';

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
  let consents: { partyId: string; givenOn: string }[] = [];
  if (CONSENT_BASED_OUTCOMES.includes(outcome)) {
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
      data: { caseId: s.caseId, outcome, decidedOn, summary: requireText(data.summary, 'summary'), consents },
    },
  ];
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
