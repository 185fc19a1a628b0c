import {
  ELIGIBILITY_CATEGORIES,
  ELIGIBILITY_OUTCOMES,
  type CaseEvent,
  type EligibilityGround,
} from '@accord/events';
import type { AssessEligibility, OpenResolution } from '../case.commands';
import { caseError } from '../case.errors';
import {
  notBefore,
  optionalText,
  participantCase,
  pastDate,
  requireLeadAgency,
  requireNewId,
  requireOneOf,
  today,
} from '../case.guards';
import type { CaseState } from '../case.state';

/**
 * Art 3: whether a case is one to resolve, and opening the resolution effort.
 */

export function assessEligibility({ data, metadata }: AssessEligibility, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'AssessEligibility');
  const outcome = requireOneOf(data.outcome, ELIGIBILITY_OUTCOMES, 'outcome');
  const assessmentId = requireNewId(
    [...s.supersededEligibility, ...(s.eligibility ? [s.eligibility] : [])],
    (a) => a.assessmentId,
    data.assessmentId,
    'assessment',
  );
  const assessedOn = pastDate(data.assessedOn, 'assessedOn', today(metadata));
  notBefore(assessedOn, 'assessedOn', s.acceptedOn, 'acceptedOn');
  if (s.eligibility) notBefore(assessedOn, 'assessedOn', s.eligibility.assessedOn, 'previous assessment');
  const grounds = validGrounds(data.grounds, outcome);
  // Art 3 (last paragraph): clearly unlawful or unreasonable demands get 释法说理 instead of a resolution.
  const legalExplanation = optionalText(data.legalExplanation, 'legalExplanation');
  if ((outcome === 'CLEARLY_UNLAWFUL_OR_UNREASONABLE') !== (legalExplanation !== null)) {
    throw caseError('ELIGIBILITY_EXPLANATION_MISSING', { outcome });
  }
  const endsResolution = outcome !== 'ELIGIBLE' && s.resolution?.status === 'open';
  return [
    {
      type: 'EligibilityAssessed',
      data: {
        caseId: s.caseId,
        assessmentId,
        outcome,
        grounds,
        legalExplanation,
        assessedOn,
        supersedes: s.eligibility ? s.eligibility.assessmentId : null,
        endsResolution,
      },
    },
  ];
}

function validGrounds(value: unknown, outcome: (typeof ELIGIBILITY_OUTCOMES)[number]): EligibilityGround[] {
  if (!Array.isArray(value))
    throw caseError('CASE_INVALID_INPUT', { field: 'grounds', problem: 'must be a list' });
  const grounds = value as EligibilityGround[];
  if (outcome !== 'ELIGIBLE') {
    if (grounds.length > 0)
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', { problem: 'an ineligible case names no category' });
    return [];
  }
  // Art 3 (一)–(六): at least one category, each with its reasons.
  if (grounds.length === 0) throw caseError('ELIGIBILITY_GROUNDS_INVALID', { problem: 'no category named' });
  const seen = new Set<number>();
  return grounds.map((g) => {
    if (!(ELIGIBILITY_CATEGORIES as readonly unknown[]).includes(g?.category)) {
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', {
        problem: 'category must be 1 to 6',
        category: g?.category,
      });
    }
    if (seen.has(g.category)) {
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', {
        problem: 'category named twice',
        category: g.category,
      });
    }
    seen.add(g.category);
    if (typeof g.reasons !== 'string' || g.reasons.trim() === '') {
      throw caseError('ELIGIBILITY_GROUNDS_INVALID', { problem: 'reasons missing', category: g.category });
    }
    return { category: g.category, reasons: g.reasons };
  });
}

export function openResolution({ data, metadata }: OpenResolution, state: CaseState): CaseEvent[] {
  const { s, agency } = participantCase(state, data.caseId, metadata);
  requireLeadAgency(s, agency, 'OpenResolution');
  if (s.outcome) throw caseError('OUTCOME_ALREADY_RECORDED', { outcome: s.outcome.outcome });
  if (s.resolution?.status === 'open')
    throw caseError('RESOLUTION_ALREADY_OPEN', { openedOn: s.resolution.openedOn });
  // Art 3: only a case in one of the categories (一)–(六) is resolved; the current assessment decides.
  if (!s.eligibility || s.eligibility.outcome !== 'ELIGIBLE') {
    throw caseError('RESOLUTION_NOT_ELIGIBLE', {
      assessmentId: s.eligibility?.assessmentId ?? null,
      outcome: s.eligibility?.outcome ?? null,
    });
  }
  const openedOn = pastDate(data.openedOn, 'openedOn', today(metadata));
  notBefore(openedOn, 'openedOn', s.eligibility.assessedOn, 'eligibility assessment');
  return [
    {
      type: 'ResolutionOpened',
      data: { caseId: s.caseId, openedOn, assessmentId: s.eligibility.assessmentId },
    },
  ];
}
