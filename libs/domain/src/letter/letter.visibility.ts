import { isAuditor, type Reader } from '../shared/reader';
import type { LetterState } from './letter.decider';

/**
 * Art 8 and Art 17: a letter concerns its issuer and the organ it is addressed to; auditors read
 * everything. Anyone else is answered as if the letter did not exist.
 */
export function canSeeLetter(state: LetterState, reader: Reader): boolean {
  if (state.status === 'none') return false;
  if (isAuditor(reader)) return true;
  return reader.agency === state.issuer || reader.agency === `ORGAN:${state.organ.code}`;
}
