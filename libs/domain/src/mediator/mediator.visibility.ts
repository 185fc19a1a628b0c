import { isAgency } from '@accord/events';
import { isAuditor, type Reader } from '../shared/reader';

/** Art 13: the pool is the three agencies' own (names and organisations of people); organs do not read it. */
export function canSeePool(reader: Reader): boolean {
  return isAuditor(reader) || isAgency(reader.agency);
}
