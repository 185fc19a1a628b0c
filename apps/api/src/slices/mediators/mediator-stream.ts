import { isAgency, type ActorAgency } from '@accord/events';

/** Stream naming (architecture.md): one stream per member of the mediator pool. */
export const mediatorStreamId = (mediatorId: string): string => `mediator-${mediatorId}`;

/** Art 13: the pool is the three agencies' own (names and organisations of people); organs do not read it. */
export function canSeePool(reader: { agency: ActorAgency; role: string }): boolean {
  return reader.role === 'auditor' || isAgency(reader.agency);
}
