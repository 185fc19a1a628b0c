import { AGENCIES } from '@accord/events';
import { bool, date, list, obj, oneOf, str } from '../../../http/schema';

const liaison = obj({ staffId: str(), name: str(), contact: str() });

/** An agency's record (Art 16): its liaison and past liaisons; `{ status: 'none' }` before the first. */
export const AGENCY = obj(
  {
    status: oneOf(['none', 'active']),
    agency: oneOf(AGENCIES),
    hostsCoordinationOffice: bool(),
    liaison,
    liaisonFrom: date(),
    pastLiaisons: list(obj({ liaison, from: date(), to: date() })),
  },
  ['agency', 'hostsCoordinationOffice', 'liaison', 'liaisonFrom', 'pastLiaisons'],
);

export const AGENCY_VIEW_SCHEMAS = { Agency: AGENCY };
