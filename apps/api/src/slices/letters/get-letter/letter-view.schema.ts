import { AGENCIES, LETTER_GROUNDS, LETTER_RESPONSE_OUTCOMES, SUGGESTION_LETTER_KINDS } from '@accord/events';
import { bool, date, list, obj, oneOf, ORGAN_REF, orNull, STORED_DEADLINE, str } from '../../../http/schema';

/** A suggestion letter (Art 8) through issued → served → answered → closed. */
export const LETTER = obj({
  status: oneOf(['issued', 'served', 'answered', 'closed']),
  letterId: str(),
  kind: oneOf(SUGGESTION_LETTER_KINDS),
  issuer: oneOf(AGENCIES),
  organ: ORGAN_REF,
  grounds: list(oneOf(LETTER_GROUNDS)),
  facts: str(),
  caseId: orNull(str()),
  issuedOn: date(),
  servedOn: orNull(date()),
  responseDueBy: orNull(date()),
  responseDeadline: orNull(STORED_DEADLINE),
  response: orNull(
    obj({
      respondedOn: date(),
      outcome: oneOf(LETTER_RESPONSE_OUTCOMES),
      summary: str(),
      reasons: orNull(str()),
      notAdopted: orNull(str()),
      late: bool(),
    }),
  ),
  followUps: list(obj({ followedUpOn: date(), means: str(), note: str() })),
  closedOn: orNull(date()),
  closingNote: orNull(str()),
});

export const LETTER_VIEW_SCHEMAS = { Letter: LETTER };
