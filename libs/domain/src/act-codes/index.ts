import { AGENCY_ACT_CODES } from './agency.generated';
import { CASE_ACT_CODES } from './case.generated';
import { COMMENDATION_ACT_CODES } from './commendation.generated';
import { LETTER_ACT_CODES } from './letter.generated';
import { MEDIATOR_ACT_CODES } from './mediator.generated';
import { MEETING_ACT_CODES } from './meeting.generated';
import { REGISTER_ACT_CODES } from './register.generated';

/**
 * Per aggregate and act: the refusal codes its decider can answer with, derived from the deciders'
 * source by `npm run gen:act-codes` (scripts/act-codes.ts). The OpenAPI spec lists them per write.
 */
export const ACT_CODES = {
  case: CASE_ACT_CODES,
  letter: LETTER_ACT_CODES,
  register: REGISTER_ACT_CODES,
  mediator: MEDIATOR_ACT_CODES,
  meeting: MEETING_ACT_CODES,
  agency: AGENCY_ACT_CODES,
  commendation: COMMENDATION_ACT_CODES,
} as const;
