import { isAgency } from '@accord/events';
import { isAuditor, type Reader } from '../shared/reader';

/** Art 11: the register is shared by the three agencies (and read by auditors); organs never see it. */
export function canSeeRegister(reader: Reader): boolean {
  return isAuditor(reader) || isAgency(reader.agency);
}
