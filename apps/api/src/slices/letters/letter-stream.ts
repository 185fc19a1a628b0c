import type { ActorAgency } from '@accord/events';
import type { LetterState } from '@accord/domain';

/** Stream naming (architecture.md): one stream per suggestion letter. */
export const letterStreamId = (letterId: string): string => `letter-${letterId}`;

/**
 * Art 8 and Art 17: a letter concerns its issuer and the organ it is addressed to; auditors read
 * everything. Anyone else is answered as if the letter did not exist.
 */
export function canSeeLetter(state: LetterState, reader: { agency: ActorAgency; role: string }): boolean {
  if (state.status === 'none') return false;
  if (reader.role === 'auditor') return true;
  return reader.agency === state.issuer || reader.agency === `ORGAN:${state.organ.code}`;
}
