import { AGENCIES } from '@accord/events';
import { date, obj, oneOf, ORGAN_REF, orNull, str } from '../../../http/schema';

/** The facts of an organ head's unjustified absence, for its report (Art 12); nothing else of the case. */
export const ABSENCE_VIEW = obj({
  caseId: str(),
  requestId: str(),
  requestedBy: oneOf(AGENCIES, 'The agency that notified the organ.'),
  organ: ORGAN_REF,
  requestedOn: date(),
  sessionOn: date(),
  attendance: oneOf(['ABSENT_UNJUSTIFIED']),
  absenceReport: orNull(obj({ reportedOn: date(), note: str() })),
});

export const ABSENCE_VIEW_SCHEMAS = { AbsenceView: ABSENCE_VIEW };
