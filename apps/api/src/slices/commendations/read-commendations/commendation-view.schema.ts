import { AGENCIES } from '@accord/events';
import { date, int, list, obj, oneOf, ORGAN_REF, ref, str } from '../../../http/schema';

/** An organ's commendation (Art 12, 通报表扬), as recorded. */
export const COMMENDATION = obj({
  commendationId: str(),
  organ: ORGAN_REF,
  reason: str(),
  caseRefs: list(str(), 'Only the cited cases the reader may see (Art 17).'),
  caseRefsWithheld: int('Cited cases the reader may not see: counted, not named.'),
  commendedOn: date(),
  commendedBy: oneOf(AGENCIES),
});

/** Every commendation of one organ, oldest first. */
export const COMMENDATION_LIST = obj({
  organCode: str(),
  commendations: list(ref('Commendation'), 'Oldest first.'),
});

/** GET /reports/commendations: every organ's commendations, for the three agencies and auditors. */
export const COMMENDATION_REPORT = obj({
  organs: list(
    obj({ organCode: str(), organName: str(), commendations: int(), lastCommendedOn: date() }),
    'One row per organ (codes compared as codes), most commended first.',
  ),
  months: list(obj({ month: str('YYYY-MM'), commendations: int() }), 'Oldest first.'),
  items: list(
    obj({
      commendationId: str(),
      organ: ORGAN_REF,
      reason: str(),
      caseRefs: list(str(), 'The cited cases the reader may see (Art 17).'),
      caseRefsWithheld: int('Cited cases the reader takes no part in: counted, not named.'),
      commendedOn: date(),
      commendedBy: oneOf(AGENCIES),
    }),
    'Newest first.',
  ),
  position: int('The log position the commendations read model reflects.'),
});

export const COMMENDATION_VIEW_SCHEMAS = {
  Commendation: COMMENDATION,
  CommendationList: COMMENDATION_LIST,
  CommendationReport: COMMENDATION_REPORT,
};
