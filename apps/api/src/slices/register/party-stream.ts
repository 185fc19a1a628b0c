import { isAgency, type ActorAgency } from '@accord/events';

/** Stream naming (architecture.md): one register stream per party. */
export const partyStreamId = (partyId: string): string => `party-${partyId}`;

/** Art 11: the register is shared by the three agencies (and read by auditors); organs never see it. */
export function canSeeRegister(reader: { agency: ActorAgency; role: string }): boolean {
  return reader.role === 'auditor' || isAgency(reader.agency);
}
