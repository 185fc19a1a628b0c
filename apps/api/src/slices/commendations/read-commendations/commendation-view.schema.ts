import { AGENCIES } from '@accord/events';
import { date, list, obj, oneOf, ORGAN_REF, ref, str } from '../../../http/schema';

/** An organ's commendation (Art 12, 通报表扬), as recorded. */
export const COMMENDATION = obj({
  commendationId: str(),
  organ: ORGAN_REF,
  reason: str(),
  caseRefs: list(str()),
  commendedOn: date(),
  commendedBy: oneOf(AGENCIES),
});

/** Every commendation of one organ, oldest first. */
export const COMMENDATION_LIST = obj({
  organCode: str(),
  commendations: list(ref('Commendation'), 'Oldest first.'),
});

export const COMMENDATION_VIEW_SCHEMAS = {
  Commendation: COMMENDATION,
  CommendationList: COMMENDATION_LIST,
};
