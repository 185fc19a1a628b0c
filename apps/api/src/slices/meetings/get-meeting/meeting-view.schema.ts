import { AGENCIES, MEETING_KINDS, SPECIAL_MEETING_GROUNDS } from '@accord/events';
import { date, list, obj, oneOf, orNull, str } from '../../../http/schema';

/** A joint or special meeting (Art 14). */
export const MEETING = obj({
  status: oneOf(['recorded']),
  meetingId: str(),
  kind: oneOf(MEETING_KINDS),
  heldOn: date(),
  convenedBy: oneOf(AGENCIES),
  attendees: list(
    obj({ agency: str('One of the three agencies, or ORGAN:<code>.'), staffId: str(), name: str() }),
  ),
  agenciesPresent: list(oneOf(AGENCIES)),
  agenciesConfirmed: list(
    oneOf(AGENCIES),
    'The convener and each listed agency that acknowledged its attendance, in the order of AGENCIES.',
  ),
  cases: list(str()),
  specialReason: orNull(obj({ grounds: list(oneOf(SPECIAL_MEETING_GROUNDS)), explanation: str() })),
  conclusions: list(str()),
});

export const MEETING_VIEW_SCHEMAS = { Meeting: MEETING };
