import { MEDIATOR_SOURCES } from '@accord/events';
import { date, list, obj, oneOf, orNull, str } from '../../../http/schema';

const status = oneOf(['active', 'suspended', 'removed']);

/** A member of the mediator pool (Art 13) and the history of its status. */
export const MEDIATOR = obj({
  status,
  mediatorId: str(),
  name: str(),
  source: oneOf(MEDIATOR_SOURCES),
  organisationCode: orNull(str('The organ the member works for, if any.')),
  expertise: list(str()),
  admittedOn: date(),
  history: list(obj({ status, on: date(), reason: str() })),
});

export const MEDIATOR_VIEW_SCHEMAS = { Mediator: MEDIATOR };
